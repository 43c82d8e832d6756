// GET /api/v1/units/CODE → { code, name, type, level, parentCode }: one unit by code.
import { z } from "zod";
import { readEndpoint } from "@/lib/api/responses";
import { getUnit } from "@/lib/data/units";

export const dynamic = "force-dynamic";

const handler = readEndpoint(z.strictObject({}), (actor, _params, request) => {
  const code = decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? "");
  return getUnit(actor, code);
});

export function GET(request: Request): Promise<Response> {
  return handler(request);
}
