// zod schemas for the administration forms: units, campaigns, targets, file imports. Messages
// are functions so they are worded in the language of the request being parsed.
import { z } from "zod";
import { m } from "@/lib/i18n/message";
import { codeSchema, metricCodeSchema, isoDaySchema, unitCodeSchema } from "./import-rows";
import { parsePercent } from "@/lib/domain/population-share";

const reasonSchema = z.string().trim().max(500, { error: () => m("admin.validation.reasonTooLong") });
const unitNameSchema = z.string().trim().min(1, { error: () => m("admin.validation.unitNameMissing") }).max(200, { error: () => m("admin.validation.nameTooLong") });

export const unitRenameSchema = z.object({
  code: unitCodeSchema,
  name: unitNameSchema,
  reason: reasonSchema.optional().transform((v) => v || undefined),
});

export const unitDissolveSchema = z.object({
  code: unitCodeSchema,
  date: isoDaySchema,
  mergedIntoCode: z.union([z.literal(""), unitCodeSchema]).default("").transform((v) => v || undefined),
  reason: reasonSchema.min(1, { error: () => m("admin.validation.reasonMissing") }),
});

const MAX_BYTES = 20_000_000;
export const csvFileFormSchema = z.object({
  file: z.instanceof(File, { error: () => m("admin.validation.fileMissing") })
    .refine((f) => f.size > 0, { error: () => m("admin.validation.fileEmpty") })
    .refine((f) => f.size <= MAX_BYTES, { error: () => m("admin.validation.fileTooLarge") }),
  dryRun: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
});

export const campaignCreateSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1, { error: () => m("admin.validation.campaignNameMissing") }).max(200, { error: () => m("admin.validation.nameTooLong") }),
  startDate: isoDaySchema,
  endDate: isoDaySchema,
}).refine((v) => v.endDate >= v.startDate, { error: () => m("admin.validation.endBeforeStart"), path: ["endDate"] });

/** A milestone set as a share of the eligible population (issue 22): the percent as people type it ("55", "55,5"). */
export const targetShareFormSchema = z.object({
  campaign: codeSchema,
  unitCode: unitCodeSchema,
  metric: metricCodeSchema,
  dueDate: isoDaySchema,
  percent: z.string().transform((text, ctx) => {
    const basisPoints = parsePercent(text);
    if (basisPoints === null) {
      ctx.addIssue({ code: "custom", message: m("validation.population.share") });
      return z.NEVER;
    }
    return basisPoints;
  }),
});

/** The target grid: one milestone (campaign, metric, due date) for a parent and its children. */
export const targetGridSchema = z.object({
  campaign: codeSchema,
  metric: metricCodeSchema,
  dueDate: isoDaySchema,
  parentCode: unitCodeSchema,
});

const targetValueSchema = z.string().trim().regex(/^\d{0,10}$/, { error: () => m("admin.validation.targetNotWhole") })
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || v <= 1_000_000_000, { error: () => m("admin.validation.targetTooLarge") });

/** The saved target grid: one value per unit ("" removes the unit's target for the milestone). */
export const targetValuesSchema = targetGridSchema.omit({ parentCode: true }).extend({
  values: z.array(z.object({ unitCode: unitCodeSchema, value: targetValueSchema })).min(1, { error: () => m("admin.validation.noCells") }).max(5_000),
});

/** The grid's form: fixed fields plus one `t:<unit code>` field per unit. */
export function targetValuesFromForm(form: FormData): Record<string, unknown> {
  const values = [...form.entries()]
    .filter(([key]) => key.startsWith("t:"))
    .map(([key, value]) => ({ unitCode: key.slice(2), value: typeof value === "string" ? value : "" }));
  return { campaign: form.get("campaign"), metric: form.get("metric"), dueDate: form.get("dueDate"), values };
}
