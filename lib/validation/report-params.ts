// Parameters of the weekly report: page, download routes, API and the issue action.
import { z } from "zod";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { REPORT_FORMATS } from "@/lib/reports/render";

const unitCode = z.string().regex(/^[A-Za-z0-9]{1,20}$/, "Mã đơn vị không hợp lệ.");
const week = z.string().refine((value) => parseIsoWeek(value) !== null, "Tuần phải có dạng YYYY-Www, ví dụ 2023-W23.");
const campaign = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Mã đợt không hợp lệ.");

export const weeklyReportParamsSchema = z.object({
  unit: unitCode.optional(),
  week: week.optional(),
  campaign: campaign.optional(),
});

export const weeklyReportDownloadSchema = weeklyReportParamsSchema.extend({
  format: z.enum(REPORT_FORMATS, "Định dạng phải là xlsx, pdf, docx hoặc csv."),
  issued: z.coerce.number("Số báo cáo không hợp lệ.").int("Số báo cáo không hợp lệ.").positive("Số báo cáo không hợp lệ.").max(2_147_483_647, "Số báo cáo không hợp lệ.").optional(),
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
