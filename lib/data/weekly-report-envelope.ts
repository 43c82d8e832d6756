import "server-only";
// The weekly report a request asks for: an issued (frozen) one by its number, or the live
// one for a unit (default: the caller's home unit) and week (default: the last complete one).
import type { Actor } from "@/lib/auth/permissions";
import { lastCompleteWeek, parseIsoWeek, type IsoWeek } from "@/lib/domain/weeks";
import type { ReportEnvelope } from "@/lib/reports/model";
import { getIssuedReport } from "./issued-reports";
import { getHomeUnitCode } from "./units";
import { getWeeklyReport } from "./weekly-report";

export interface ReportRequest {
  unit?: string | undefined;
  week?: string | undefined;
  campaign?: string | undefined;
  issued?: number | undefined;
}

export async function resolveReportTarget(actor: Actor, request: ReportRequest, now: Date = new Date()): Promise<{ unitCode: string | null; week: IsoWeek }> {
  const unitCode = request.unit ?? (await getHomeUnitCode(actor));
  const week = (request.week ? parseIsoWeek(request.week) : null) ?? lastCompleteWeek(now);
  return { unitCode, week };
}

export async function getReportEnvelope(actor: Actor, request: ReportRequest, now: Date = new Date()): Promise<ReportEnvelope> {
  if (request.issued !== undefined) return getIssuedReport(actor, request.issued);
  const { unitCode, week } = await resolveReportTarget(actor, request, now);
  const model = await getWeeklyReport(actor, { unitCode, week, campaignCode: request.campaign }, now);
  return { model, issuedAt: now.toISOString(), issued: null };
}
