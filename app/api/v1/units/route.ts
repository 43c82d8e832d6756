// GET /api/v1/units?parent=CODE[&asOf=YYYY-MM-DD] → [{ code, name, type, level, validFrom, validTo }]:
// the children valid on asOf (default today); no parent: the roots.
import { readEndpoint } from "@/lib/api/responses";
import { unitListAnswerSchema } from "@/lib/validation/api-answers";
import { listUnits } from "@/lib/data/units";
import { unitsParamsSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export const GET = readEndpoint(unitsParamsSchema, unitListAnswerSchema, (actor, params) => listUnits(actor, params.parent ?? null, params.asOf));
