// Parameters of the weekly report: page, download routes, API and the issue action. The
// messages are functions, so they come out in the language of the request being parsed.
import { z } from "zod";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { m } from "@/lib/i18n/message";
import { REPORT_FORMATS } from "@/lib/reports/render";
import { UNIT_CODE } from "@/lib/domain/unit-codes";

const unitCode = z.string().regex(UNIT_CODE, { error: () => m("reports.params.unit") });
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

