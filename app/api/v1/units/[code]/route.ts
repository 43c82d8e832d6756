// GET /api/v1/units/CODE[?asOf=YYYY-MM-DD] → { code, name, type, level, parentCode, validFrom,
// validTo, predecessors, successors }: the unit the code names on asOf (default today).
import { readEndpoint } from "@/lib/api/responses";
import { unitDetailAnswerSchema } from "@/lib/validation/api-answers";
import { AppError } from "@/lib/data/errors";
import { getUnit } from "@/lib/data/units";
import { isUnitCode } from "@/lib/domain/unit-codes";
import { unitParamsSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

/** What a unit code can look like; anything else (a NUL, a broken %-escape) is not found, before the database sees it. */

function codeOf(request: Request): string {
  try {
    return decodeURIComponent(new URL(request.url).pathname.split("/").at(-1) ?? "");
  } catch {
    return "";
  }
}

const handler = readEndpoint(unitParamsSchema, unitDetailAnswerSchema, (actor, params, request) => {
  const code = codeOf(request);
  if (!isUnitCode(code)) throw new AppError("NOT_FOUND", { subject: "unit" });
  return getUnit(actor, code, params.asOf);
});

export function GET(request: Request): Promise<Response> {
  return handler(request);
}
