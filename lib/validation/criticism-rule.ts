// A unit's criticism rule, as its form sends it (app/reports/weekly/settings/criticism).
import { z } from "zod";
import { CRITICISM_RULE_KINDS, type CriticismRule } from "@/lib/domain/criticism-rule";
import { m } from "@/lib/i18n/message";
import { unitCodeSchema } from "./import-rows";

/** "80", "85,5" or "85.5": a percent from 0 to 1000 with at most 2 decimals. */
const percentText = z.string().trim()
  .min(1, { error: () => m("dashboard.criticismRule.errors.thresholdRequired") })
  .regex(/^\d{1,4}([.,]\d{1,2})?$/, { error: () => m("dashboard.criticismRule.errors.threshold") })
  .transform((text) => Number(text.replace(",", ".")))
  .refine((value) => value <= 1000, { error: () => m("dashboard.criticismRule.errors.threshold") });

export const criticismRuleSchema = z.object({
  unit: unitCodeSchema,
  kind: z.enum(CRITICISM_RULE_KINDS, { error: () => m("dashboard.criticismRule.errors.kind") }),
  count: z.string().trim().regex(/^\d{1,2}$/, { error: () => m("dashboard.criticismRule.errors.count") })
    .transform(Number).refine((value) => value <= 50, { error: () => m("dashboard.criticismRule.errors.count") }),
  // only read for "belowPercent"; left as typed otherwise
  threshold: z.string().optional(),
}).transform((input, ctx): { unit: string; rule: CriticismRule } | typeof z.NEVER => {
  if (input.kind !== "belowPercent") return { unit: input.unit, rule: { kind: input.kind, count: input.count } };
  const threshold = percentText.safeParse(input.threshold ?? "");
  if (!threshold.success) {
    ctx.addIssue({ code: "custom", path: ["threshold"], message: threshold.error.issues[0]!.message });
    return z.NEVER;
  }
  return { unit: input.unit, rule: { kind: "belowPercent", count: input.count, threshold: threshold.data } };
});

export type CriticismRuleInput = z.output<typeof criticismRuleSchema>;
