import "server-only";
// Reads everything the weekly report needs, in the caller's scope, and hands it to the pure
// assembly (lib/reports/build.ts). Figures follow the shared semantics: the ranking is
// getRankings at the week's Sunday and at the Sunday before; the unit's own figures use the
// same rules (its own target, else the sum of its children's, at the milestone that counts).
import { canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { addDays, dateToDay, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { effectiveTargets, pickDueDate, type TargetNode } from "@/lib/domain/milestones";
import { weekGaps, type PlanMilestone } from "@/lib/domain/week-reporting";
import { weekDays, weekEnd, weekStart, type IsoWeek } from "@/lib/domain/weeks";
import { DEFAULT_LOCALE } from "@/lib/i18n/config";
import { m } from "@/lib/i18n/message";
import { MESSAGES } from "@/lib/i18n/messages";
import { buildWeeklyReport, trendStart, type MetricFigures } from "@/lib/reports/build";
import type { WeeklyReportModel } from "@/lib/reports/model";
import { resolveCampaign } from "./campaigns";
import { AppError } from "./errors";
import { getRankings } from "./rankings";

export const HEADLINE_METRIC = "activated";
/** The national report's name as stored in its model (unit names are kept as registered, in Vietnamese). */
export const NATIONAL_NAME = MESSAGES[DEFAULT_LOCALE].reports.national;

export interface WeeklyReportQuery {
  /** null: the national report (roots), for those who see everything */
  unitCode: string | null;
  week: IsoWeek;
  campaignCode?: string | undefined;
}

interface ReportUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  level: number;
}

/** The unit a report is about, checked against the caller's scope. */
export async function resolveReportUnit(actor: Actor, unitCode: string | null): Promise<ReportUnit | null> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  if (unitCode === null) {
    if (scope !== "") throw new AppError("FORBIDDEN");
    return null;
  }
  const unit = await db().unit.findUnique({ where: { code: unitCode }, select: { id: true, code: true, name: true, path: true, level: true } });
  if (!unit) throw new AppError("NOT_FOUND", "unit", { unit: [m("reports.errors.noUnit")] });
  if (!canViewUnit(actor, unit.path)) throw new AppError("FORBIDDEN");
  return unit;
}

export async function getWeeklyReport(actor: Actor, query: WeeklyReportQuery, now: Date = new Date()): Promise<WeeklyReportModel> {
  const unit = await resolveReportUnit(actor, query.unitCode);
  const client = db();
  const asOf = weekEnd(query.week);
  const before = addDays(weekStart(query.week), -1);
  const campaign = await resolveCampaign(query.campaignCode, asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", "campaign", { campaign: [m("reports.errors.noCampaign")] });

  const metrics = await client.metric.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameVi: true, nameEn: true } });
  const headline = metrics.find((m) => m.code === HEADLINE_METRIC) ?? metrics[0];
  if (!headline) throw new AppError("NOT_FOUND", "metric");

  const rankingQuery = { parentCode: unit?.code ?? null, metricCode: headline.code, ...(campaign ? { campaignCode: campaign.code } : {}) };
  const [ranking, rankingBefore] = await Promise.all([
    getRankings(actor, { ...rankingQuery, asOf }),
    getRankings(actor, { ...rankingQuery, asOf: before }),
  ]);

  // The report's own totals: the unit, or for the national report every root in scope.
  const tops = unit ? [unit] : await client.unit.findMany({ where: { parentId: null }, select: { id: true, code: true, name: true, path: true, level: true } });
  const start = trendStart(query.week, campaign?.startDate ?? null);
  const trendFrom = start > asOf ? weekStart(query.week) : start;
  const [actuals, targets, trend, gaps] = await Promise.all([
    actualsAt(tops.map((t) => t.id), metrics.map((m) => m.id), [asOf, before]),
    campaign ? milestoneTargets(campaign.id, tops) : Promise.resolve(new Map<number, Map<string, number | null>>()),
    dailySeries(tops.map((t) => t.id), headline.id, trendFrom, asOf),
    weekGapsOf(unit, ranking.rows.map((r) => r.code), query.week, todayInVietnam(now)),
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

  return buildWeeklyReport({
    unit: unit ? { code: unit.code, name: unit.name } : { code: null, name: NATIONAL_NAME },
    campaign: campaign ? { code: campaign.code, name: campaign.name, startDate: campaign.startDate } : null,
    week: query.week,
    computedAt: now.toISOString(),
    metric: { code: headline.code, name: headline.nameVi, nameEn: headline.nameEn },
    metrics: metricFigures,
    ranking: ranking.rows,
    rankingBefore: rankingBefore.rows,
    gaps,
    trend,
    milestones,
  });
}

/** Running totals summed over `unitIds`, keyed "metricId|day". */
async function actualsAt(unitIds: number[], metricIds: number[], days: string[]): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ metric_id: number; day: string; cumulative: number }[]>`
    SELECT m.id AS metric_id, to_char(d.day, 'YYYY-MM-DD') AS day,
      SUM(COALESCE((SELECT t.cumulative FROM daily_total t
                    WHERE t.unit_id = u.id AND t.metric_id = m.id AND t.date <= d.day
                    ORDER BY t.date DESC LIMIT 1), 0))::int AS cumulative
    FROM unnest(${unitIds}::int[]) AS u(id)
    CROSS JOIN unnest(${metricIds}::int[]) AS m(id)
    CROSS JOIN unnest(${days.map(dayToDate)}::date[]) AS d(day)
    GROUP BY m.id, d.day`;
  return new Map(rows.map((r) => [`${r.metric_id}|${r.day}`, r.cumulative]));
}

/**
 * Effective targets of the report's unit (or the sum over the roots) for every metric and
 * every milestone of the campaign: metricId → dueDate → target (null when none is set).
 */
async function milestoneTargets(campaignId: number, tops: ReportUnit[]): Promise<Map<number, Map<string, number | null>>> {
  const client = db();
  const dues = await client.target.findMany({ where: { campaignId }, distinct: ["metricId", "dueDate"], select: { metricId: true, dueDate: true } });
  const result = new Map<number, Map<string, number | null>>();
  for (const due of dues) {
    const byDue = result.get(due.metricId) ?? new Map<string, number | null>();
    byDue.set(dateToDay(due.dueDate), null);
    result.set(due.metricId, byDue);
  }
  if (tops.length === 0 || dues.length === 0) return result;
  const prefixes = tops.map((t) => t.path);
  const rows = await client.$queryRaw<{ metric_id: number; due: string; code: string; path: string; value: number }[]>`
    SELECT t.metric_id, to_char(t.due_date, 'YYYY-MM-DD') AS due, u.code, u.path, t.value
    FROM target t JOIN unit u ON u.id = t.unit_id
    WHERE t.campaign_id = ${campaignId}
      AND u.path LIKE ANY (SELECT p || '%' FROM unnest(${prefixes}::text[]) AS p)`;
  const groups = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = `${row.metric_id}|${row.due}`;
    const list = groups.get(key) ?? [];
    list.push(row);
    groups.set(key, list);
  }
  const topDepth = tops[0].path.split("/").filter(Boolean).length;
  for (const [key, group] of groups) {
    const [metricId, due] = key.split("|");
    // The part of the tree linking each top unit to the targets below it.
    const nodes = new Map<string, TargetNode>();
    for (const row of group) {
      const chain = row.path.split("/").filter(Boolean).slice(topDepth - 1);
      chain.forEach((code, index) => {
        if (!nodes.has(code)) nodes.set(code, { code, parentCode: index === 0 ? null : chain[index - 1], ownTarget: null });
      });
      nodes.set(row.code, { ...nodes.get(row.code)!, ownTarget: row.value });
    }
    const effective = effectiveTargets([...nodes.values()]);
    const values = tops.map((t) => effective.get(t.code) ?? null).filter((v): v is number => v !== null);
    result.get(Number(metricId))!.set(due, values.length ? values.reduce((a, b) => a + b, 0) : null);
  }
  return result;
}

/** The running total at the end of each day from `from` to `to`, summed over `unitIds`. */
async function dailySeries(unitIds: number[], metricId: number, from: string, to: string): Promise<{ day: string; actual: number }[]> {
  const rows = await db().$queryRaw<{ day: string; cumulative: number }[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      SUM(COALESCE((SELECT t.cumulative FROM daily_total t
                    WHERE t.unit_id = u.id AND t.metric_id = ${metricId} AND t.date <= d.day
                    ORDER BY t.date DESC LIMIT 1), 0))::int AS cumulative
    FROM unnest(${unitIds}::int[]) AS u(id)
    CROSS JOIN generate_series(${dayToDate(from)}::date, ${dayToDate(to)}::date, interval '1 day') AS d(day)
    GROUP BY d.day ORDER BY d.day`;
  return rows.map((r) => ({ day: r.day, actual: r.cumulative }));
}

/** Children of the report's unit that missed one or more days of the week (days up to today). */
async function weekGapsOf(unit: ReportUnit | null, childCodes: string[], week: IsoWeek, today: string) {
  const days = weekDays(week).filter((d) => d <= today);
  if (childCodes.length === 0 || days.length === 0) return [];
  const prefix = unit?.path ?? "";
  const leaves = await db().$queryRaw<{ path: string; days: string[] | null }[]>`
    SELECT leaf.path,
      (SELECT array_agg(DISTINCT to_char(f.date, 'YYYY-MM-DD')) FROM figure f
       WHERE f.unit_id = leaf.id AND f.date BETWEEN ${dayToDate(days[0])}::date AND ${dayToDate(days[days.length - 1])}::date) AS days
    FROM unit leaf
    WHERE leaf.path LIKE ${`${prefix}%`} AND leaf.path <> ${prefix}
      AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = leaf.id)`;
  const depth = prefix.split("/").filter(Boolean).length;
  const owners = new Set(childCodes);
  const leafDays = leaves.flatMap((leaf) => {
    const ownerCode = leaf.path.split("/")[depth];
    return owners.has(ownerCode) ? [{ ownerCode, days: leaf.days ?? [] }] : [];
  });
  return weekGaps(childCodes, leafDays, days);
}
