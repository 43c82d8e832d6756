import "server-only";
// What the overview of a unit shows below its frame: one KPI per metric, the milestones, the
// trend and the projection of the chosen metric. The unit's breadcrumbs and child level are
// the frame's (getUnitFrame, read once for every dashboard screen).
import { db, onReplica } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { addDays, dayToDate, daysBetween } from "@/lib/domain/dates";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import type { Locale } from "@/lib/i18n/config";
import { buildTrend, type Milestone, type TrendPoint } from "@/lib/domain/trend";
import { AppError } from "./errors";
import { resolveCampaign, type CampaignDTO } from "./campaigns";
import { runningTotalsByDay } from "./figures-at";
import { getViewableUnit, progressOf, type ProgressDTO } from "./progress";
import { populationsAt } from "./population";
import { percentOf } from "@/lib/domain/percent";
import { dueDates, effectiveTargetsAt, milestoneKey } from "./targets";

/** The trend covers the campaign so far, at most this many days. */
export const TREND_MAX_DAYS = 180;

export interface OverviewDTO {
  unit: { code: string; name: string };
  childCount: number;
  campaign: CampaignDTO | null;
  metric: { code: string; name: string };
  /** each metric's progress, and its actual as a share of the unit's eligible population on the day (issue 22; null while unknown) */
  metrics: ({ code: string; name: string; populationPercent: number | null } & ProgressDTO)[];
  /** the chosen metric's progress (one of `metrics`) */
  progress: ProgressDTO;
  milestones: Milestone[];
  nextMilestone: (Milestone & { daysLeft: number }) | null;
  trend: TrendPoint[];
}

export interface OverviewQuery {
  unitCode: string;
  metricCode: string;
  asOf: string;
  campaignCode?: string;
  /** the language of metric and level names; Vietnamese by default */
  locale?: Locale;
}

export async function getUnitOverview(actor: Actor, query: OverviewQuery): Promise<OverviewDTO> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readUnitOverviewNow(actor, query));
}

async function readUnitOverviewNow(actor: Actor, query: OverviewQuery): Promise<OverviewDTO> {
  const unit = await getViewableUnit(actor, query.unitCode, { asOf: query.asOf });
  const client = db();
  const campaign = await resolveCampaign(query.campaignCode, query.asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", { subject: "campaign" });
  const metrics = await client.metric.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true, code: true, nameVi: true, nameEn: true } });
  const named = (m: { nameVi: string; nameEn: string }) => (query.locale === "en" ? m.nameEn : m.nameVi);
  const metric = metrics.find((m) => m.code === query.metricCode);
  if (!metric) throw new AppError("NOT_FOUND", { subject: "metric" });

  const [childCount, kpis, population] = await Promise.all([
    // the children of the view's day (an ended district is not one of "the 18 districts" today)
    client.unit.count({ where: { parentId: unit.id, ...existsOnWhere(dayToDate(query.asOf)) } }),
    Promise.all(metrics.map(async (m) => ({ code: m.code, name: named(m), ...(await progressOf(unit, m, campaign, query.asOf)) }))),
    populationsAt([unit.id], query.asOf).then((p) => p.get(unit.id) ?? null),
  ]);
  const withPopulation = kpis.map((k) => ({ ...k, populationPercent: percentOf(k.actual, population) }));
  const progress = withPopulation.find((k) => k.code === metric.code)!;

  const milestones: Milestone[] = [];
  if (campaign) {
    const dues = await dueDates(campaign.id, metric.id);
    const targets = await effectiveTargetsAt(campaign.id, dues.map((dueDate) => ({ metricId: metric.id, dueDate })), [unit], query.asOf);
    for (const dueDate of dues) milestones.push({ dueDate, target: targets.get(milestoneKey(metric.id, dueDate))?.get(unit.id) ?? null });
  }
  const next = milestones.find((m) => m.dueDate >= query.asOf) ?? null;
  const trendFrom = campaign && campaign.startDate > addDays(query.asOf, -(TREND_MAX_DAYS - 1)) && campaign.startDate <= query.asOf ? campaign.startDate : addDays(query.asOf, -(TREND_MAX_DAYS - 1));
  // buildTrend's 7-day average looks back a week before the first day shown.
  const totals = await runningTotalsByDay([unit.id], metric.id, addDays(trendFrom, -7), query.asOf);

  return {
    unit: { code: unit.code, name: unit.name },
    childCount,
    campaign,
    metric: { code: metric.code, name: named(metric) },
    metrics: withPopulation,
    progress,
    milestones,
    nextMilestone: next ? { ...next, daysLeft: daysBetween(query.asOf, next.dueDate) } : null,
    trend: buildTrend(totals, trendFrom, query.asOf, milestones),
  };
}
