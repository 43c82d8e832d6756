import "server-only";
// One shape for every read-API answer: JSON, errors mapped by ./errors.ts, and the handler's
// own duration in a Server-Timing header (what the benchmark reads).
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { m } from "@/lib/i18n/message";
import { apiError, apiErrorResponse, unauthenticated } from "./errors";
import { inRequestLocale } from "@/lib/i18n/server";
import { searchParamsObject } from "@/lib/validation/search-params";

/**
 * A GET handler: authenticates (bearer token or session), validates the query string with
 * `schema`, runs `load` and answers its result as JSON. `answer` is the answer's published
 * schema (lib/validation/api-answers.ts, in the OpenAPI document): `load` must return its type.
 */
export function readEndpoint<S extends z.ZodType, A extends z.ZodType>(schema: S, answer: A, load: (actor: SessionUserDTO, params: z.output<S>, request: Request) => Promise<z.output<A>>) {
  return (request: Request): Promise<Response> => inRequestLocale(async () => {
    const started = performance.now();
    let response: Response;
    try {
      const actor = await getApiActor(request);
      if (!actor) response = unauthenticated();
      else {
        const parsed = schema.safeParse(searchParamsObject(new URL(request.url)));
        if (!parsed.success) response = apiError(400, m("errors.api.invalidParameters"), z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
        else response = Response.json(await load(actor, parsed.data, request));
      }
    } catch (error) {
      response = apiErrorResponse(error, `GET ${new URL(request.url).pathname}`);
    }
    response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  });
}
