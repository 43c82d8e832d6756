import "server-only";
// Reads everything the weekly report needs, in the caller's scope, and hands it to the pure
// assembly (lib/reports/build.ts). Figures come from the same reads as every screen and the
// API: the ranking is getRankings at the week's Sunday and at the Sunday before; the unit's
// own figures are cumulativeAt, its trend runningTotalsByDay (as the overview's), and
// effectiveTargetsAt (its own target, else the sum of its children's, at the milestone that
// counts), summed over the roots for the national report.
import { viewScope, type Actor } from "@/lib/auth/permissions";
import { db, onReplica } from "@/lib/db/client";
import { addDays, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { pickDueDate } from "@/lib/domain/milestones";
import { weekGaps, type PlanMilestone } from "@/lib/domain/week-reporting";
import { weekDays, weekEnd, weekStart, type IsoWeek } from "@/lib/domain/weeks";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { m } from "@/lib/i18n/message";
import { MESSAGES } from "@/lib/i18n/messages";
import { buildWeeklyReport, trendStart, type MetricFigures } from "@/lib/reports/build";
import type { ReportAgencies, WeeklyReportModel } from "@/lib/reports/model";
import { resolveCampaign } from "./campaigns";
import { AppError } from "./errors";
import { cumulativeAt, cumulativeKey, runningTotalsByDay } from "./figures-at";
import { criticismRuleOfPath } from "./criticism-rule";
import { getRankings } from "./rankings";
import { dueDatesOf, effectiveTargetsAt, milestoneKey } from "./targets";
import { HEADLINE_METRIC } from "@/lib/domain/metrics";
import { getViewableUnit, type ViewedUnit } from "./progress";
import { agencyDueDateOf, agencyRankingOf } from "./agencies";

/** The national report's name as stored in its model (unit names are kept as registered, in Vietnamese). */
export const NATIONAL_NAME = MESSAGES[DEFAULT_LOCALE].reports.national;

export interface WeeklyReportQuery {
  /** null: the national report (roots), for those who see everything */
  unitCode: string | null;
  week: IsoWeek;
  campaignCode?: string | undefined;
}

/** The unit a report is about: getViewableUnit's shape, one for every caller. */
export type ReportUnit = ViewedUnit;

/** What the report's totals are summed over: its unit, or for the national report every root. */
type TotalsUnit = Pick<ViewedUnit, "id" | "code" | "name" | "path" | "level">;

/**
 * The unit a report is about, checked against the caller's scope; null: the national report.
 * The code is resolved on `asOf` (the report week's last day; default today).
 */
export async function resolveReportUnit(actor: Actor, unitCode: string | null, asOf?: string): Promise<ReportUnit | null> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  if (unitCode === null) {
    if (scope !== "") throw new AppError("FORBIDDEN");
    return null;
  }
  return getViewableUnit(actor, unitCode, { notFoundMessage: m("reports.errors.noUnit"), ...(asOf ? { asOf } : {}) });
}

export async function getWeeklyReport(actor: Actor, query: WeeklyReportQuery, now: Date = new Date()): Promise<WeeklyReportModel> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readWeeklyReportNow(actor, query, now));
}

async function readWeeklyReportNow(actor: Actor, query: WeeklyReportQuery, now: Date = new Date()): Promise<WeeklyReportModel> {
  const unit = await resolveReportUnit(actor, query.unitCode, weekEnd(query.week));
  const client = db();
  const asOf = weekEnd(query.week);
  const before = addDays(weekStart(query.week), -1);
  const campaign = await resolveCampaign(query.campaignCode, asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", { subject: "campaign", fieldErrors: { campaign: [m("reports.errors.noCampaign")] } });

  const metrics = await client.metric.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameVi: true, nameEn: true } });
  const headline = metrics.find((m) => m.code === HEADLINE_METRIC) ?? metrics[0];
  if (!headline) throw new AppError("NOT_FOUND", { subject: "metric" });

  const rankingQuery = { parentCode: unit?.code ?? null, metricCode: headline.code, ...(campaign ? { campaignCode: campaign.code } : {}) };
  const [ranking, rankingBefore, criticism] = await Promise.all([
    getRankings(actor, { ...rankingQuery, asOf }),
    getRankings(actor, { ...rankingQuery, asOf: before }),
    // the unit's criticism rule (the national report: the default); an issued report keeps the one it was issued with
    unit ? criticismRuleOfPath(unit.path) : null,
  ]);

  // The report's own totals: the unit, or for the national report every root in scope.
  const tops: TotalsUnit[] = unit ? [unit] : await client.unit.findMany({ where: { parentId: null, ...existsOnWhere(dayToDate(asOf)) }, select: { id: true, code: true, name: true, path: true, level: true } });
  const start = trendStart(query.week, campaign?.startDate ?? null);
  const trendFrom = start > asOf ? weekStart(query.week) : start;
  const [actuals, targets, trend, gaps, agencies] = await Promise.all([
    actualsAt(tops, metrics.map((m) => m.id), [asOf, before]),
    campaign ? milestoneTargets(campaign.id, metrics.map((m) => m.id), tops, asOf) : Promise.resolve(new Map<number, Map<string, number | null>>()),
    runningTotalsByDay(tops.map((t) => t.id), headline.id, trendFrom, asOf),
    weekGapsOf(unit, ranking.rows.map((r) => r.code), query.week, todayInVietnam(now)),
    agencySection(unit?.path ?? "", query.week),
  ]);

  const metricFigures: MetricFigures[] = metrics.map((m) => {
    const byDue = targets.get(m.id) ?? new Map<string, number | null>();
    const dues = [...byDue.keys()];
    const dueDate = pickDueDate(dues, asOf);
    const dueBefore = pickDueDate(dues, before);
    return {
      code: m.code, name: m.nameVi, nameEn: m.nameEn,
      actual: actuals.get(`${m.id}|${asOf}`) ?? 0,
      target: dueDate ? byDue.get(dueDate) ?? null : null,
      dueDate,
      actualBefore: actuals.get(`${m.id}|${before}`) ?? 0,
      targetBefore: dueBefore ? byDue.get(dueBefore) ?? null : null,
      nextMilestone: dueDate && dueDate >= asOf ? { dueDate, target: byDue.get(dueDate) ?? null } : null,
    };
  });
  const headlineTargets = targets.get(headline.id) ?? new Map<string, number | null>();
  const milestones: PlanMilestone[] = [...headlineTargets].flatMap(([dueDate, target]) => (target === null ? [] : [{ dueDate, target }]));

  const model = buildWeeklyReport({
    unit: unit ? { code: unit.code, name: unit.name } : { code: null, name: NATIONAL_NAME },
    campaign: campaign ? { code: campaign.code, name: campaign.name, startDate: campaign.startDate } : null,
    week: query.week,
    computedAt: now.toISOString(),
    metric: { code: headline.code, name: headline.nameVi, nameEn: headline.nameEn },
    metrics: metricFigures,
    ranking: ranking.rows,
    rankingBefore: rankingBefore.rows,
    gaps,
    trend: trend.map(({ day, cumulative }) => ({ day, actual: cumulative })),
    milestones,
    ...(criticism ? { criticismRule: criticism.rule } : {}),
    childKind: ranking.childKind,
    notAllocated: ranking.notAllocated,
  });
  return agencies ? { ...model, agencies } : model;
}

/** The agencies seen from the report's unit (the national report: all), or null when it sees none: the section is left out. */
async function agencySection(unitPath: string, week: IsoWeek): Promise<ReportAgencies | null> {
  const ranking = await agencyRankingOf(unitPath, week);
  if (ranking.rows.length === 0) return null;
  return { dueDate: await agencyDueDateOf(unitPath), headcount: ranking.headcount, activated: ranking.activated, percent: ranking.percent, rows: ranking.rows, notReported: ranking.notReported };
}

/** The sum of the units' targets, null when none of them has one. */
function sumOrNull(values: Iterable<number | null | undefined>): number | null {
  let total: number | null = null;
  for (const value of values) if (value !== null && value !== undefined) total = (total ?? 0) + value;
  return total;
}

/** The units' running totals at the end of `day`, from a cumulativeAt answer, added up. */
function totalAt(units: readonly TotalsUnit[], totals: Map<string, number>, day: string): number {
  return units.reduce((sum, u) => sum + (totals.get(cumulativeKey(u.id, day)) ?? 0), 0);
}

/** Running totals summed over `units` (cumulativeAt, as every other view), keyed "metricId|day". */
async function actualsAt(units: readonly TotalsUnit[], metricIds: readonly number[], days: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  await Promise.all(metricIds.map(async (metricId) => {
    const totals = await cumulativeAt(units.map((u) => u.id), metricId, days);
    for (const day of days) result.set(`${metricId}|${day}`, totalAt(units, totals, day));
  }));
  return result;
}

/**
 * Effective targets of the report's unit (or the sum over the roots) for every metric and
 * every milestone of the campaign (effectiveTargetsAt, as every other view):
 * metricId → dueDate → target (null when none is set).
 */
async function milestoneTargets(campaignId: number, metricIds: readonly number[], tops: readonly TotalsUnit[], asOf: string): Promise<Map<number, Map<string, number | null>>> {
  const dues = await dueDatesOf(campaignId, metricIds);
  const milestones = [...dues].flatMap(([metricId, days]) => days.map((dueDate) => ({ metricId, dueDate })));
  // with what a change of the tree carried into them by the week's end (lib/data/targets.ts)
  const targets = await effectiveTargetsAt(campaignId, milestones, tops, asOf);
  return new Map([...dues].map(([metricId, days]) => [
    metricId,
    new Map(days.map((due) => [due, sumOrNull(tops.map((t) => targets.get(milestoneKey(metricId, due))?.get(t.id)))])),
  ]));
}

/** Children of the report's unit that missed one or more days of the week (days up to today). */
async function weekGapsOf(unit: ReportUnit | null, childCodes: string[], week: IsoWeek, today: string) {
  const days = weekDays(week).filter((d) => d <= today);
  if (childCodes.length === 0 || days.length === 0) return [];
  const prefix = unit?.path ?? "";
  const leaves = await db().$queryRaw<{ path: string; days: string[] | null; ended_on: string | null; started_on: string | null }[]>`
    SELECT leaf.path, to_char(leaf.dissolved_on, 'YYYY-MM-DD') AS ended_on, to_char(leaf.valid_from, 'YYYY-MM-DD') AS started_on,
      (SELECT array_agg(DISTINCT to_char(f.date, 'YYYY-MM-DD')) FROM figure f
       WHERE f.unit_id = leaf.id AND f.date BETWEEN ${dayToDate(days[0])}::date AND ${dayToDate(days[days.length - 1])}::date) AS days
    FROM unit leaf
    WHERE leaf.path LIKE ${`${prefix}%`} AND leaf.path <> ${prefix}
      AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = leaf.id)`;
  const depth = prefix.split("/").filter(Boolean).length;
  const owners = new Set(childCodes);
  const leafDays = leaves.flatMap((leaf) => {
    const ownerCode = leaf.path.split("/")[depth];
    return owners.has(ownerCode) ? [{ ownerCode, days: leaf.days ?? [], endedOn: leaf.ended_on, startedOn: leaf.started_on }] : [];
  });
  return weekGaps(childCodes, leafDays, days);
}
