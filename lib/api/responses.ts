import "server-only";
// One shape for every read-API answer: JSON, typed errors mapped once to a status and a
// message in the
// request's language (never an exception's own text), and the handler's own duration in a
// Server-Timing header (what the benchmark reads).
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { searchParamsObject } from "@/lib/validation/api-params";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
};

/** What is missing when NOT_FOUND names it (`new AppError("NOT_FOUND", "unit")`). */
const NOT_FOUND_SUBJECTS = new Set(["unit", "metric", "campaign"]);

export function apiError(status: number, message: string, fieldErrors: Record<string, string[]> = {}): Response {
  return Response.json({ error: { message, fieldErrors } }, { status });
}

function fromError(error: unknown): Response {
  if (error instanceof AppError) {
    const message = error.code === "NOT_FOUND" && NOT_FOUND_SUBJECTS.has(error.message)
      ? m(`errors.api.notFound.${error.message as "unit" | "metric" | "campaign"}`)
      : m(`errors.api.${error.code}`);
    return apiError(STATUS[error.code], message, error.fieldErrors);
  }
  console.error(error);
  return apiError(500, m("errors.api.server"));
}

/**
 * A GET handler: authenticates (bearer token or session), validates the query string with
 * `schema`, runs `load` and answers its result as JSON.
 */
export function readEndpoint<S extends z.ZodType>(schema: S, load: (actor: SessionUserDTO, params: z.output<S>, request: Request) => Promise<unknown>) {
  return (request: Request): Promise<Response> => inRequestLocale(async () => {
    const started = performance.now();
    let response: Response;
    try {
      const actor = await getApiActor(request);
      if (!actor) response = apiError(401, m("errors.api.UNAUTHENTICATED"));
      else {
        const parsed = schema.safeParse(searchParamsObject(new URL(request.url)));
        if (!parsed.success) response = apiError(400, m("errors.api.INVALID_INPUT"), z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
        else response = Response.json(await load(actor, parsed.data, request));
      }
    } catch (error) {
      response = fromError(error);
    }
    response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  });
}
