import "server-only";
// The weekly report a request asks for: an issued (frozen) one by its number, or the live
// one for a unit (default: the caller's home unit) and week (default: the last complete one),
// with its unit's issuing settings (the current ones, for an issued report too).
import type { Actor } from "@/lib/auth/permissions";
import { lastCompleteWeek, parseIsoWeek, type IsoWeek } from "@/lib/domain/weeks";
import { addDays } from "@/lib/domain/dates";
import type { ReportDocument, ReportEnvelope } from "@/lib/reports/model";
import { getIssuedReport } from "./issued-reports";
import { getIssuingSettings } from "./issuing-settings";
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
  // an account whose unit has ended: the last complete week as its home day sees it
  const seenFrom = actor.homeDay ? new Date(`${addDays(actor.homeDay, 1)}T05:00:00Z`) : now;
  const week = (request.week ? parseIsoWeek(request.week) : null) ?? lastCompleteWeek(seenFrom);
  return { unitCode, week };
}

/** The report as a document: its figures (live or issued) and the head and foot its unit issues it with. */
export async function getReportEnvelope(actor: Actor, request: ReportRequest, now: Date = new Date()): Promise<ReportDocument> {
  const envelope: ReportEnvelope = request.issued !== undefined
    ? await getIssuedReport(actor, request.issued)
    : await liveEnvelope(actor, request, now);
  // the unit of the report's week (it may have ended since)
  const { issuing } = await getIssuingSettings(actor, envelope.model.unit.code, envelope.model.week.end);
  return { ...envelope, issuing };
}

async function liveEnvelope(actor: Actor, request: ReportRequest, now: Date): Promise<ReportEnvelope> {
  const { unitCode, week } = await resolveReportTarget(actor, request, now);
  const model = await getWeeklyReport(actor, { unitCode, week, campaignCode: request.campaign }, now);
  return { model, issuedAt: now.toISOString(), issued: null };
}
