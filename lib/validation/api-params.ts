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

// Descriptions and examples are for the published document (lib/api/openapi.ts), generated from these schemas.
const asOfParam = asOf.optional().meta({ description: "The day codes are resolved and totals counted on (YYYY-MM-DD, Asia/Ho_Chi_Minh); default: today.", example: "2023-06-07" });
const metricParam = metricCode("errors.params.metric").default(HEADLINE_METRIC).meta({ description: "A metric's code (data: `dossiers`, `accounts`, `activated`, `cccd`, `accounts_l2`, `activated_l2`, and any added later).", example: "activated" });
const campaignParam = code("errors.params.campaign").optional().meta({ description: "A campaign's code; default: the campaign running on asOf.", example: "cao-diem-demo" });

export const unitsParamsSchema = z.object({
  parent: unitCode.optional().meta({ description: "The unit whose children are listed; none: the roots (provinces).", example: "49" }),
  asOf: asOfParam,
});

/** `GET /api/v1/units/CODE`: only the day the code is resolved on. */
export const unitParamsSchema = z.strictObject({ asOf: asOfParam });

export const rankingsParamsSchema = z.object({
  parent: unitCode.optional().meta({ description: "The unit whose children are ranked; none: the roots.", example: "49" }),
  metric: metricParam,
  asOf: asOfParam,
  campaign: campaignParam,
  /** rank every unit of this level under `parent` rather than its children */
  level: z.coerce.number().int(say("errors.params.levelInteger")).min(1, say("errors.params.level")).max(9, say("errors.params.level")).optional()
    .meta({ description: "Rank every unit of this level (1 province, 2 district, 3 commune) under parent, rather than its children.", example: 3 }),
});

export const progressParamsSchema = z.object({
  unit: unitCode.meta({ description: "The unit's code.", example: "49" }),
  metric: metricParam,
  asOf: asOfParam,
  campaign: campaignParam,
});


