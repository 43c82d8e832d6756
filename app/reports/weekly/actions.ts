"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { guardAction } from "@/lib/auth/action-errors";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { issueWeeklyReport } from "@/lib/data/issued-reports";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { issueReportSchema } from "@/lib/validation/report-params";

export type IssueFormState =
  | { ok: true; message: string; issuedId: number }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> }
  | null;

/** Issues (freezes) the weekly report of a unit; leaders and administrators only (checked in the data layer). */
export async function issueWeeklyReportAction(_state: IssueFormState, form: FormData): Promise<IssueFormState> {
  return inRequestLocale(() => guardAction("issueWeeklyReportAction", "errors.form.failed", async (): Promise<IssueFormState> => {
    const parsed = issueReportSchema.safeParse(Object.fromEntries([...form].filter(([key, value]) => !key.startsWith("$") && value !== "")));
    if (!parsed.success) return { ok: false, message: m("reports.issue.invalid"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    const user = await currentUser();
    if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
    const issued = await issueWeeklyReport(user, {
      unitCode: parsed.data.unit ?? null,
      week: parseIsoWeek(parsed.data.week)!,
      campaignCode: parsed.data.campaign,
      lockDays: parsed.data.lockDays === "on",
    });
    revalidatePath("/reports/weekly");
    const values = { week: issued.week, id: String(issued.id) };
    return { ok: true, issuedId: issued.id, message: issued.daysLocked ? m("reports.issue.issuedLocked", values) : m("reports.issue.issued", values) };
  }));
}
