import "server-only";
// Issuing a weekly report freezes its model as it stood: later corrections change the live
// report, never an issued one. Leaders and administrators issue; whoever may view the unit
// may list and download its issued reports. The days covered may be locked in the same step.
import { canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { canIssueReport } from "@/lib/auth/report-permissions";
import { db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";
import { formatIsoWeek, isWeekComplete, weekEnd, type IsoWeek } from "@/lib/domain/weeks";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { m, withLocale } from "@/lib/i18n/message";
import { readStoredModel, type ReportEnvelope } from "@/lib/reports/model";
import { AppError } from "./errors";
import { insertPeriodLock } from "./period-locks";
import { getWeeklyReport } from "./weekly-report";
import { writeAudit } from "./audit";
import { today, unitOnDay } from "./unit-on-day";

export interface IssuedReportDTO {
  id: number;
  unitCode: string | null;
  week: string;
  issuedAt: string;
  issuedBy: string;
  daysLocked: boolean;
}

export interface IssueReportInput {
  unitCode: string | null;
  week: IsoWeek;
  campaignCode?: string | undefined;
  lockDays: boolean;
}

/** The unit (with its path) for an issue, or null for the national report, its code resolved on `day`; checks nothing. */
async function findUnit(unitCode: string | null, day: string) {
  if (unitCode === null) return null;
  const unit = await unitOnDay(db(), unitCode, day, { id: true, code: true, name: true, path: true });
  if (!unit) throw new AppError("NOT_FOUND", { subject: "unit", fieldErrors: { unit: [m("reports.errors.noUnit")] } });
  return unit;
}

export async function issueWeeklyReport(actor: Actor & { displayName?: string }, input: IssueReportInput, now: Date = new Date()): Promise<IssuedReportDTO> {
  const unit = await findUnit(input.unitCode, weekEnd(input.week));
  if (!canIssueReport(actor, unit?.path ?? null)) throw new AppError("FORBIDDEN");
  // Only a finished week: its figures are what the steering committee meets on.
  if (!isWeekComplete(input.week, now)) throw new AppError("INVALID_INPUT", { subject: "week", fieldErrors: { week: [m("reports.issue.weekNotOver")] } });
  const model = await getWeeklyReport(actor, input, now);
  const week = formatIsoWeek(input.week);
  const issuedBy = actor.displayName ?? actor.username;
  return db().$transaction(async (tx) => {
    const campaign = model.campaign ? await tx.campaign.findUnique({ where: { code: model.campaign.code }, select: { id: true } }) : null;
    const report = await tx.issuedReport.create({
      data: {
        unitId: unit?.id ?? null, campaignId: campaign?.id ?? null, week,
        weekStart: dayToDate(model.week.start), weekEnd: dayToDate(model.week.end),
        model: model as unknown as object, issuedById: actor.id, issuedByName: issuedBy, issuedAt: now, daysLocked: input.lockDays,
      },
    });
    if (input.lockDays) {
      // Stored with the lock and shown to whoever meets it later: kept in the default language, like the records.
      const reason = withLocale(DEFAULT_LOCALE, () => m("reports.issue.lockReason", { week, id: String(report.id) }));
      const lockUnits = unit ? [unit] : await tx.unit.findMany({ where: { parentId: null }, select: { id: true, code: true, name: true } });
      for (const lockUnit of lockUnits) await insertPeriodLock(tx, actor, lockUnit, model.week.end, reason);
    }
    await writeAudit(tx, {
        userId: actor.id, action: "report.issue", entity: "issued_report", entityKey: `${unit?.code ?? "national"}:${week}`,
        unitId: unit?.id ?? null, newValue: { id: report.id, week, daysLocked: input.lockDays, computedAt: model.computedAt },
      });
    return toDTO({ ...report, unitCode: unit?.code ?? null });
  });
}

/** Issued reports of a unit (null: national; its code resolved on `asOf`, default today), newest first, in the caller's scope. */
export async function listIssuedReports(actor: Actor, unitCode: string | null, asOf: string = today()): Promise<IssuedReportDTO[]> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const unit = await findUnit(unitCode, asOf);
  if (unit ? !canViewUnit(actor, unit.path) : scope !== "") throw new AppError("FORBIDDEN");
  const rows = await db().issuedReport.findMany({
    where: { unitId: unit?.id ?? null },
    orderBy: [{ weekStart: "desc" }, { issuedAt: "desc" }],
    take: 100,
    select: { id: true, week: true, issuedAt: true, issuedByName: true, daysLocked: true },
  });
  return rows.map((row) => toDTO({ ...row, unitCode }));
}

/** One issued report with its frozen model, if the caller may view its unit. */
export async function getIssuedReport(actor: Actor, id: number): Promise<ReportEnvelope & { issuedId: number }> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const row = await db().issuedReport.findUnique({ where: { id }, select: { id: true, unitId: true, model: true, issuedAt: true, issuedByName: true, daysLocked: true } });
  if (!row) throw new AppError("NOT_FOUND", { subject: "report" });
  const unitPath = row.unitId === null ? null : (await db().unit.findUnique({ where: { id: row.unitId }, select: { path: true } }))?.path ?? null;
  const allowed = row.unitId === null ? scope === "" : unitPath !== null && canViewUnit(actor, unitPath);
  // Outside the caller's scope an issued report does not exist for them.
  if (!allowed) throw new AppError("NOT_FOUND", { subject: "report" });
  const model = readStoredModel(row.model);
  if (!model) throw new AppError("NOT_FOUND", { subject: "report" });
  return { model, issuedAt: row.issuedAt.toISOString(), issued: { id: row.id, by: row.issuedByName, daysLocked: row.daysLocked }, issuedId: row.id };
}

function toDTO(row: { id: number; unitCode: string | null; week: string; issuedAt: Date; issuedByName: string; daysLocked: boolean }): IssuedReportDTO {
  return { id: row.id, unitCode: row.unitCode, week: row.week, issuedAt: row.issuedAt.toISOString(), issuedBy: row.issuedByName, daysLocked: row.daysLocked };
}
