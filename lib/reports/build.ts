// Assembles the weekly report model from figures the data layer read (lib/data/weekly-report.ts).
// Pure: the same inputs give the same model, so it is tested without a database.
import { addDays } from "@/lib/domain/dates";
import { percentOf, pointsBetween } from "@/lib/domain/percent";
import { project } from "@/lib/domain/projection";
import { applyCriticismRule, DEFAULT_CRITICISM_RULE, type CriticismRule } from "@/lib/domain/criticism-rule";
import { rankChanges } from "@/lib/domain/ranking";
import { plannedTotal, type PlanMilestone, type WeekGap } from "@/lib/domain/week-reporting";
import { formatIsoWeek, weekEnd, weekStart, type IsoWeek } from "@/lib/domain/weeks";
import { REPORT_MODEL_VERSION, type ReportSummaryRow, type WeeklyReportModel } from "./model";

/** One metric's figures for the report's unit at the week's end and at the Sunday before. */
export interface MetricFigures {
  code: string;
  name: string;
  nameEn: string;
  actual: number;
  target: number | null;
  dueDate: string | null;
  actualBefore: number;
  targetBefore: number | null;
  nextMilestone: { dueDate: string; target: number | null } | null;
}

export interface RankingInputRow {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  percent: number | null;
  rank: number | null;
  reportedOn: string | null;
}

export interface ReportInputs {
  unit: { code: string | null; name: string };
  campaign: { code: string; name: string; startDate: string } | null;
  week: IsoWeek;
  computedAt: string;
  metric: { code: string; name: string; nameEn: string };
  metrics: MetricFigures[];
  ranking: RankingInputRow[];
  rankingBefore: RankingInputRow[];
  gaps: WeekGap[];
  /** the headline metric's running total for each day of the trend window, in order */
  trend: { day: string; actual: number }[];
  /** the headline metric's milestones for the unit (effective targets), for the planned path */
  milestones: PlanMilestone[];
  /** the unit's criticism rule (lib/data/criticism-rule.ts); the default when absent */
  criticismRule?: CriticismRule;
  /** what the ranked units are (their common kind), null when mixed or unknown */
  childKind?: string | null;
  /** the part of the unit's total in none of the ranked rows (a split without shares; RankingDTO.notAllocated) */
  notAllocated?: number;
}

/** The number of weeks the trend chart looks back over (the report week included). */
export const TREND_WEEKS = 8;

export function buildWeeklyReport(inputs: ReportInputs): WeeklyReportModel {
  const asOf = weekEnd(inputs.week);
  const summary: ReportSummaryRow[] = inputs.metrics.map((m) => {
    const percent = percentOf(m.actual, m.target);
    const projection = project({ actual: m.actual, actualWeekAgo: m.actualBefore, target: m.target, dueDate: m.dueDate, asOf });
    return {
      metric: m.code, metricName: m.name, metricNameEn: m.nameEn, target: m.target, actual: m.actual, percent,
      weekChange: m.actual - m.actualBefore,
      weekChangePoints: pointsBetween(percent, percentOf(m.actualBefore, m.targetBefore)),
      dueDate: m.dueDate, nextMilestone: m.nextMilestone,
      projection: projection.status === null ? null : {
        status: projection.status, dailyPace: projection.dailyPace, projectedOnDueDate: projection.projectedOnDueDate, requiredDailyPace: projection.requiredDailyPace,
      },
    };
  });

  const changes = rankChanges(inputs.ranking, inputs.rankingBefore);
  const before = new Map(inputs.rankingBefore.map((row) => [row.code, row]));
  const ranking = inputs.ranking.map((row) => ({
    rank: row.rank, code: row.code, name: row.name, target: row.target, actual: row.actual, percent: row.percent,
    weekChange: row.actual - (before.get(row.code)?.actual ?? 0),
    weekChangePoints: changes.get(row.code)?.percentPoints ?? null,
    rankChange: changes.get(row.code)?.rank ?? null,
    reportedOn: row.reportedOn,
  }));
  // "below the parent's percent" compares each child with the report unit's own headline percent
  const parentPercent = summary.find((row) => row.metric === inputs.metric.code)?.percent ?? null;
  const { praised, criticised, rule } = applyCriticismRule(inputs.ranking, inputs.criticismRule ?? DEFAULT_CRITICISM_RULE, { name: inputs.unit.name, percent: parentPercent });
  const named = (rows: readonly RankingInputRow[]) => rows.map((r) => ({ code: r.code, name: r.name, percent: r.percent }));
  const names = new Map(inputs.ranking.map((row) => [row.code, row.name]));

  return {
    version: REPORT_MODEL_VERSION,
    unit: inputs.unit,
    campaign: inputs.campaign ? { code: inputs.campaign.code, name: inputs.campaign.name } : null,
    week: { iso: formatIsoWeek(inputs.week), start: weekStart(inputs.week), end: asOf },
    asOf,
    computedAt: inputs.computedAt,
    metric: inputs.metric,
    summary,
    ranking,
    praise: named(praised),
    criticism: named(criticised),
    criticismRule: rule,
    missing: inputs.gaps.map((gap) => ({ code: gap.ownerCode, name: names.get(gap.ownerCode) ?? gap.ownerCode, missingDays: gap.missingDays, leavesMissing: gap.leavesMissing, leavesTotal: gap.leavesTotal })),
    trend: inputs.trend.map((point) => ({
      day: point.day,
      actual: point.actual,
      planned: inputs.campaign ? plannedTotal(inputs.campaign.startDate, inputs.milestones, point.day) : null,
    })),
    ...(inputs.childKind !== undefined ? { childKind: inputs.childKind } : {}),
    ...(inputs.notAllocated ? { notAllocated: inputs.notAllocated } : {}),
  };
}

/** The first day of the trend window: eight weeks back, but not before the campaign began. */
export function trendStart(week: IsoWeek, campaignStart: string | null): string {
  const start = addDays(weekStart(week), -7 * (TREND_WEEKS - 1));
  return campaignStart && campaignStart > start ? campaignStart : start;
}
