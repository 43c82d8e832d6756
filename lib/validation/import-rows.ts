// zod schemas for the rows of each import kind (columns in the README, "Operations").
import { z } from "zod";
import { METRIC_CODE } from "@/lib/domain/metrics";
import "./locale";
import { isIsoDate } from "@/lib/domain/dates";
import { m, type MessageKey } from "@/lib/i18n/message";
import { UNIT_CODE } from "@/lib/domain/unit-codes";

const MAX_COUNT = 1_000_000_000;
/** A zod message read when the value is refused, so it is in that request's language. */
const says = (key: MessageKey) => ({ error: () => m(key) });

export const unitCodeSchema = z.string().regex(UNIT_CODE, says("validation.unitCode"));
export const isoDaySchema = z.string().refine(isIsoDate, says("validation.isoDay"));
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, says("validation.code"));
export const metricCodeSchema = z.string().regex(METRIC_CODE, says("validation.metricCode"));
/** A non-negative whole number written with digits only ("1.5", "1e3", "-2" are refused). */
export const countSchema = z
  .string()
  .regex(/^\d+$/, says("validation.count.notNegative"))
  .transform(Number)
  .refine((n) => n <= MAX_COUNT, says("validation.count.tooLarge"));

export const unitRowSchema = z.object({
  code: unitCodeSchema,
  name: z.string().min(1, says("validation.name.missing")).max(200, says("validation.name.tooLong")),
  type: z.string().min(1, says("validation.unitType.missing")).max(50, says("validation.unitType.tooLong")),
  parent_code: z.union([z.literal(""), unitCodeSchema]).default(""),
  level: z.string().regex(/^[1-9]$/, says("validation.level")).transform(Number),
});

export const campaignRowSchema = z
  .object({
    campaign: codeSchema,
    name: z.string().min(1, says("validation.name.missing")).max(200, says("validation.name.tooLong")),
    start_date: isoDaySchema,
    end_date: isoDaySchema,
  })
  .refine((r) => r.start_date <= r.end_date, { ...says("validation.endBeforeStart"), path: ["end_date"] });

export const targetRowSchema = z.object({
  campaign: codeSchema,
  unit_code: unitCodeSchema,
  metric: metricCodeSchema,
  due_date: isoDaySchema,
  target: countSchema,
});

/** A leaf unit's eligible population from a day on (issue 22). */
export const populationRowSchema = z.object({
  unit_code: unitCodeSchema,
  as_of: isoDaySchema,
  eligible: countSchema,
});

/** How a daily value is given: the day's count, or the running total (the count is derived). */
export const kindSchema = z.enum(["daily", "cumulative"], says("validation.kind")).default("daily");

export const dailyRowSchema = z.object({
  date: isoDaySchema,
  unit_code: unitCodeSchema,
  metric: metricCodeSchema,
  value: countSchema,
  kind: kindSchema,
  /** why an already saved figure is changed (a correction); optional column */
  reason: z.string().max(500, says("validation.reason.tooLong")).optional(),
});

export const IMPORT_KINDS = {
  units: { schema: unitRowSchema, columns: ["code", "name", "type", "parent_code", "level"], required: ["code", "name", "type", "level"] },
  campaigns: { schema: campaignRowSchema, columns: ["campaign", "name", "start_date", "end_date"], required: ["campaign", "name", "start_date", "end_date"] },
  targets: { schema: targetRowSchema, columns: ["campaign", "unit_code", "metric", "due_date", "target"], required: ["campaign", "unit_code", "metric", "due_date", "target"] },
  populations: { schema: populationRowSchema, columns: ["unit_code", "as_of", "eligible"], required: ["unit_code", "as_of", "eligible"] },
  daily: { schema: dailyRowSchema, columns: ["date", "unit_code", "metric", "value", "kind", "reason"], required: ["date", "unit_code", "metric", "value"] },
} as const;

export type ImportKind = keyof typeof IMPORT_KINDS;
export const importKindSchema = z.enum(["units", "campaigns", "targets", "populations", "daily"]);

/** The first message of a zod error, prefixed by its column. */
export function describeIssue(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
