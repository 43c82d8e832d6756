// GET /api/v1/units/CODE → { code, name, type, level, parentCode }: one unit by code.
import { z } from "zod";
import { readEndpoint } from "@/lib/api/responses";
import { AppError } from "@/lib/data/errors";
import { getUnit } from "@/lib/data/units";
import { isUnitCode } from "@/lib/domain/unit-codes";

export const dynamic = "force-dynamic";

/** What a unit code can look like; anything else (a NUL, a broken %-escape) is not found, before the database sees it. */

function codeOf(request: Request): string {
  try {
    return decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? "");
  } catch {
    return "";
  }
}

const handler = readEndpoint(z.strictObject({}), (actor, _params, request) => {
  const code = codeOf(request);
  if (!isUnitCode(code)) throw new AppError("NOT_FOUND", { subject: "unit" });
  return getUnit(actor, code);
});

export function GET(request: Request): Promise<Response> {
  return handler(request);
}
