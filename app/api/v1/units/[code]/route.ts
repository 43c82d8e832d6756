// GET /api/v1/units/CODE → { code, name, type, level, parentCode }: one unit by code.
import { z } from "zod";
import { readEndpoint } from "@/lib/api/responses";
import { AppError } from "@/lib/data/errors";
import { getUnit } from "@/lib/data/units";

export const dynamic = "force-dynamic";

/** What a unit code can look like; anything else (a NUL, a broken %-escape) is not found, before the database sees it. */
const UNIT_CODE = /^[0-9A-Za-z-]{1,32}$/;

function codeOf(request: Request): string {
  try {
    return decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? "");
  } catch {
    return "";
  }
}

const handler = readEndpoint(z.strictObject({}), (actor, _params, request) => {
  const code = codeOf(request);
  if (!UNIT_CODE.test(code)) throw new AppError("NOT_FOUND", "unit");
  return getUnit(actor, code);
});

export function GET(request: Request): Promise<Response> {
  return handler(request);
}
