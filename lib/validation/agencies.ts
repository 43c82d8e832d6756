// zod schemas of agencies' input (issue 22): the weekly entry form, the day set for 100%,
// and the rows of the agencies and agency_weekly imports (columns in docs/agencies.md).
import { z } from "zod";
import "./locale";
import { isIsoDate } from "@/lib/domain/dates";
import { parseIsoWeek, type IsoWeek } from "@/lib/domain/weeks";
import { m, type MessageKey } from "@/lib/i18n/message";
import { UNIT_CODE } from "@/lib/domain/unit-codes";

const MAX_COUNT = 10_000_000;
const says = (key: MessageKey) => ({ error: () => m(key) });

/** As lib/data/agencies.ts AGENCY_CODE: capitals, digits, "-", "_", "." (no "/"). */
export const agencyCodeSchema = z.string().trim().regex(/^[A-Z0-9][A-Z0-9._-]{0,39}$/, { error: () => m("agencies.refusal.code", { code: "" }) });
export const isoWeekSchema = z.string().trim().transform((value, ctx): IsoWeek => {
  const week = parseIsoWeek(value);
  if (!week) {
    ctx.addIssue({ code: "custom", message: m("agencies.refusal.week") });
    return z.NEVER;
  }
  return week;
});
const countSchema = z.string().trim().regex(/^\d+$/, says("validation.count.notNegative")).transform(Number).refine((n) => n <= MAX_COUNT, says("validation.count.tooLarge"));
const optionalCount = z.union([z.literal(""), countSchema]).optional().transform((v) => (v === "" || v === undefined ? undefined : v));

/** One agency of the entry form, as the data layer takes it. */
export interface AgencyWeeklyFormRow {
  agencyCode: string;
  activated: number;
  headcount?: number;
  expectedVersion: number | null;
}

/**
 * The entry form: `week`, optionally `agency` (administrators), and for each agency CODE the
 * fields `activated.CODE`, `headcount.CODE` and `version.CODE` (the version shown, empty: none).
 * An agency whose figure is left empty is not saved.
 */
export const agencyWeeklyFormSchema = z.object({
  week: isoWeekSchema,
  agency: z.union([z.literal(""), agencyCodeSchema]).optional(),
}).catchall(z.unknown()).transform((form, ctx) => {
  const rows: AgencyWeeklyFormRow[] = [];
  for (const [key, raw] of Object.entries(form)) {
    const match = /^activated\.([A-Z0-9._-]{1,40})$/.exec(key);
    if (!match || typeof raw !== "string" || raw.trim() === "") continue;
    const code = match[1];
    const activated = countSchema.safeParse(raw);
    const headcount = optionalCount.safeParse(typeof form[`headcount.${code}`] === "string" ? form[`headcount.${code}`] : undefined);
    const version = String(form[`version.${code}`] ?? "");
    if (!activated.success) ctx.addIssue({ code: "custom", path: [key], message: activated.error.issues[0].message });
    if (!headcount.success) ctx.addIssue({ code: "custom", path: [`headcount.${code}`], message: headcount.error.issues[0].message });
    if (activated.success && headcount.success) {
      rows.push({ agencyCode: code, activated: activated.data, ...(headcount.data !== undefined ? { headcount: headcount.data } : {}), expectedVersion: /^\d+$/.test(version) ? Number(version) : null });
    }
  }
  return { week: form.week, agency: form.agency || undefined, rows };
});

export const agencyDueDateSchema = z.object({
  unit: z.string().trim().regex(UNIT_CODE, says("validation.unitCode")),
  dueDate: z.string().trim().refine(isIsoDate, says("validation.isoDay")),
});

const rowCount = z.string().regex(/^\d+$/, says("validation.count.notNegative")).transform(Number).refine((n) => n <= MAX_COUNT, says("validation.count.tooLarge"));

/** `code,name,parent_code,unit_code,as_of,headcount`: the tree, and a headcount from a day on when given. */
export const agencyRowSchema = z.object({
  code: agencyCodeSchema,
  name: z.string().min(1, says("validation.name.missing")).max(200, says("validation.name.tooLong")),
  parent_code: z.union([z.literal(""), agencyCodeSchema]).default(""),
  unit_code: z.string().regex(UNIT_CODE, says("validation.unitCode")),
  as_of: z.union([z.literal(""), z.string().refine(isIsoDate, says("validation.isoDay"))]).default(""),
  headcount: z.union([z.literal(""), rowCount]).default(""),
}).refine((r) => (r.as_of === "") === (r.headcount === ""), { ...says("validation.isoDay"), path: ["as_of"] });

/** `agency_code,week,activated[,headcount]`: a week's figure (ISO week, "2026-W49"). */
export const agencyWeeklyRowSchema = z.object({
  agency_code: agencyCodeSchema,
  week: isoWeekSchema,
  activated: rowCount,
  headcount: z.union([z.literal(""), rowCount]).default(""),
});
