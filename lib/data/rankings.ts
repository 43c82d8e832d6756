import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { addDays } from "@/lib/domain/dates";
import { percentOf } from "@/lib/domain/percent";
import { rankChanges, rankRows, type RankChange } from "@/lib/domain/ranking";
import { AppError } from "./errors";
import { resolveCampaign } from "./campaigns";
import { cumulativeAt, cumulativeKey, reportedOnAt } from "./figures-at";
import { dueDateOn, effectiveTargetsOf } from "./targets";

/** The days over which the change in rank and in percentage points is measured. */
export const RANK_CHANGE_DAYS = 7;

export interface RankingRowDTO {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  percent: number | null;
  rank: number | null;
  reportedOn: string | null;
  /** against the ranking of the same units 7 days before */
  change: RankChange;
  hasChildren: boolean;
}

export interface RankingDTO {
  asOf: string;
  metric: string;
  campaign: string | null;
  dueDate: string | null;
  parent: { code: string; name: string; path: string } | null;
  /** set when all units of a level under the parent are ranked, rather than its children */
  level: number | null;
  rows: RankingRowDTO[];
}

export interface RankingQuery {
  /** null: the roots (or, with `level`, the whole country) */
  parentCode: string | null;
  /** rank every unit of this level under the parent instead of its children */
  level?: number;
  metricCode: string;
  asOf: string;
  campaignCode?: string;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
  hasChildren: boolean;
}

/**
 * Ranks the children of a unit (or the roots, or every unit of a level) by share of target,
 * following the shared semantics (README, "How figures are computed"), with each unit's
 * change against the ranking 7 days earlier. Scope is part of the query: rows outside what
 * the actor may see are never read. Pages and `GET /api/v1/rankings` both call this.
 */
export async function getRankings(actor: Actor, query: RankingQuery): Promise<RankingDTO> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const client = db();
  const metric = await client.metric.findUnique({ where: { code: query.metricCode }, select: { id: true, code: true } });
  if (!metric) throw new AppError("NOT_FOUND", "metric");

  let parent: { id: number; code: string; name: string; path: string } | null = null;
  if (query.parentCode !== null) {
    parent = await client.unit.findUnique({ where: { code: query.parentCode }, select: { id: true, code: true, name: true, path: true } });
    if (!parent) throw new AppError("NOT_FOUND", "unit");
    if (!canViewUnit(actor, parent.path)) throw new AppError("FORBIDDEN");
  }
  const campaign = await resolveCampaign(query.campaignCode, query.asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", "campaign");

  const units = await listRankedUnits(parent, scope, query.level, query.asOf);
  const weekAgo = addDays(query.asOf, -RANK_CHANGE_DAYS);
  const ids = units.map((u) => u.id);
  const [actuals, reported, dueNow, dueBefore] = await Promise.all([
    cumulativeAt(ids, metric.id, [query.asOf, weekAgo]),
    reportedOnAt(ids, query.asOf),
    campaign ? dueDateOn(campaign.id, metric.id, query.asOf) : null,
    campaign ? dueDateOn(campaign.id, metric.id, weekAgo) : null,
  ]);
  const targetsNow = campaign && dueNow ? await effectiveTargetsOf(campaign.id, metric.id, dueNow, units) : new Map<number, number | null>();
  const targetsBefore =
    campaign && dueBefore ? (dueBefore === dueNow ? targetsNow : await effectiveTargetsOf(campaign.id, metric.id, dueBefore, units)) : new Map<number, number | null>();

  const rowsAt = (day: string, targets: Map<number, number | null>) =>
    rankRows(
      units.map((unit) => {
        const actual = actuals.get(cumulativeKey(unit.id, day)) ?? 0;
        const target = targets.get(unit.id) ?? null;
        return { unit, code: unit.code, name: unit.name, actual, target, percent: percentOf(actual, target) };
      }),
    );
  const now = rowsAt(query.asOf, targetsNow);
  const changes = rankChanges(now, rowsAt(weekAgo, targetsBefore));
  return {
    asOf: query.asOf,
    metric: metric.code,
    campaign: campaign?.code ?? null,
    dueDate: dueNow,
    parent,
    level: query.level ?? null,
    rows: now.map(({ unit, ...row }) => ({
      code: row.code,
      name: row.name,
      actual: row.actual,
      target: row.target,
      percent: row.percent,
      rank: row.rank,
      reportedOn: reported.get(unit.id) ?? null,
      change: changes.get(row.code) ?? { rank: null, percentPoints: null },
      hasChildren: unit.hasChildren,
    })),
  };
}

/** The units to rank, inside the parent (or the actor's scope). */
async function listRankedUnits(parent: { id: number; path: string } | null, scope: string, level: number | undefined, asOf: string): Promise<UnitRow[]> {
  const prefix = parent?.path ?? scope;
  // A unit dissolved (or merged) on day D is listed in views as of days before D; from D on
  // it is not, while its figures stay attached to it and in its parent's totals.
  const rows = await db().$queryRaw<UnitRow[]>`
    SELECT u.id, u.code, u.name, u.path, EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = u.id) AS "hasChildren"
    FROM unit u
    WHERE ${level === undefined
      ? parent
        ? Prisma.sql`u.parent_id = ${parent.id}`
        : Prisma.sql`u.parent_id IS NULL AND u.path LIKE ${`${scope}%`}`
      : Prisma.sql`u.level = ${level} AND u.path LIKE ${`${prefix}%`} AND u.path <> ${prefix}`}
      AND (u.dissolved_on IS NULL OR u.dissolved_on > ${asOf}::date)`;
  return rows;
}
