// Parameters of the weekly report: page, download routes, API and the issue action. The
// messages are functions, so they come out in the language of the request being parsed.
import { z } from "zod";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { m } from "@/lib/i18n/message";
import { REPORT_FORMATS } from "@/lib/reports/render";

const unitCode = z.string().regex(/^[A-Za-z0-9]{1,20}$/, { error: () => m("reports.params.unit") });
const week = z.string().refine((value) => parseIsoWeek(value) !== null, { error: () => m("reports.params.week") });
const campaign = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: () => m("reports.params.campaign") });
const badIssued = { error: () => m("reports.params.issued") };

export const weeklyReportParamsSchema = z.object({
  unit: unitCode.optional(),
  week: week.optional(),
  campaign: campaign.optional(),
});

export const weeklyReportDownloadSchema = weeklyReportParamsSchema.extend({
  format: z.enum(REPORT_FORMATS, { error: () => m("reports.params.format") }),
  issued: z.coerce.number(badIssued).int(badIssued).positive(badIssued).max(2_147_483_647, badIssued).optional(),
});

export const issueReportSchema = z.object({
  unit: unitCode.optional(),
  week,
  campaign: campaign.optional(),
  lockDays: z.literal("on").optional(),
});

/** A URLSearchParams (or a page's searchParams) as a plain object; repeated keys keep the first. */
export function searchParamsObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) if (!(key in result) && value !== "") result[key] = value;
  } else {
    for (const [key, value] of Object.entries(params)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined && first !== "") result[key] = first;
    }
  }
  return result;
}
