// Query parameters of the read API (GET /api/v1/units, /rankings, /progress).
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";
import { m, type MessageKey } from "@/lib/i18n/message";
import "./locale";
import { HEADLINE_METRIC, METRIC_CODE } from "@/lib/domain/metrics";
import { UNIT_CODE } from "@/lib/domain/unit-codes";

// Messages are functions, read at parse time in the request's language (lib/i18n/message).
const say = (key: MessageKey) => ({ error: () => m(key) });
const unitCode = z.string().regex(UNIT_CODE, say("errors.params.unitCode"));
const code = (key: MessageKey) => z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, say(key));
const metricCode = (key: MessageKey) => z.string().regex(METRIC_CODE, say(key));
const asOf = z.string().refine(isIsoDate, say("errors.params.isoDate"));

export const unitsParamsSchema = z.object({ parent: unitCode.optional(), asOf: asOf.optional() });

/** `GET /api/v1/units/CODE`: only the day the code is resolved on. */
export const unitParamsSchema = z.strictObject({ asOf: asOf.optional() });

export const rankingsParamsSchema = z.object({
  parent: unitCode.optional(),
  metric: metricCode("errors.params.metric").default(HEADLINE_METRIC),
  asOf: asOf.optional(),
  campaign: code("errors.params.campaign").optional(),
  /** rank every unit of this level under `parent` rather than its children */
  level: z.coerce.number().int(say("errors.params.levelInteger")).min(1, say("errors.params.level")).max(9, say("errors.params.level")).optional(),
});

export const progressParamsSchema = z.object({
  unit: unitCode,
  metric: metricCode("errors.params.metric").default(HEADLINE_METRIC),
  asOf: asOf.optional(),
  campaign: code("errors.params.campaign").optional(),
});


