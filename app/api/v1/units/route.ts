// GET /api/v1/units?parent=CODE → [{ code, name, type, level }]; no parent: the roots.
import { readEndpoint } from "@/lib/api/responses";
import { listUnits } from "@/lib/data/units";
import { unitsParamsSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export const GET = readEndpoint(unitsParamsSchema, (actor, params) => listUnits(actor, params.parent ?? null));
