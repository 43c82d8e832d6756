import "server-only";
import { db, onReplica } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { addDays } from "@/lib/domain/dates";
import { percentOf } from "@/lib/domain/percent";
import { populationsAt } from "./population";
import { rankChanges, rankRows, type RankChange } from "@/lib/domain/ranking";
import { AppError } from "./errors";
import { existsOn } from "@/lib/db/unit-lifetime";
import { RANKING_FACT_LEVELS } from "./ranking-facts";
import { notAllocatedAt } from "./figures-at";
import { labelledOn } from "./unit-labels";
import { resolveCampaign } from "./campaigns";
import { carriedTargetsAt, dueDatesOn, effectiveTargetsOf, milestoneKey } from "./targets";
import { getViewableUnit } from "./progress";
import { commonKind } from "@/lib/reports/kind-words";

/** The days over which the change in rank and in percentage points is measured. */
export const RANK_CHANGE_DAYS = 7;

export interface RankingRowDTO {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  percent: number | null;
  /** the actual as a share of the unit's eligible population on the day (issue 22); null while it has none */
  populationPercent: number | null;
  rank: number | null;
  reportedOn: string | null;
  /** against the ranking of the same units 7 days before */
  change: RankChange;
  hasChildren: boolean;
  /** the actor may open the unit's own page (district and commune officers see siblings only in the ranking) */
  viewable: boolean;
  /** the row is the actor's own unit ("Đơn vị của bạn") */
  own: boolean;
}

export interface RankingDTO {
  asOf: string;
  metric: string;
  campaign: string | null;
  dueDate: string | null;
  parent: { code: string; name: string; path: string } | null;
  /** set when all units of a level under the parent are ranked, rather than its children */
  level: number | null;
  /** what the ranked units are (their common kind: "district", "commune" ...), whatever their depth; null when none or mixed */
  childKind: string | null;
  /**
   * The part of the parent's total that none of its rows holds (0 mostly): figures of units
   * ended in a reorganisation and split among several new ones without shares, so that the
   * rows plus this make the parent's total (docs/units-over-time.md). 0 when ranking a level.
   */
  notAllocated: number;
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

/**
 * Ranks the children of a unit (or the roots, or every unit of a level) by share of target,
 * following the shared semantics (docs/figures-and-entry.md, "How figures are computed"), with each unit's
 * change against the ranking 7 days earlier. Scope is part of the query: rows outside what
 * the actor may see are never read. Pages and `GET /api/v1/rankings` both call this.
 */
export async function getRankings(actor: Actor, query: RankingQuery, options: { includeChange?: boolean } = {}): Promise<RankingDTO> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readRankingsNow(actor, query, options));
}

async function readRankingsNow(actor: Actor, query: RankingQuery, options: { includeChange?: boolean } = {}): Promise<RankingDTO> {
  const includeChange = options.includeChange ?? true;
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const client = db();
  const [metric, found, campaign] = await Promise.all([
    client.metric.findUnique({ where: { code: query.metricCode }, select: { id: true, code: true } }),
    // settled here, so that an unknown metric is said first, as before
    query.parentCode === null ? null : getViewableUnit(actor, query.parentCode, { forRanking: true, asOf: query.asOf }).then((unit) => ({ unit }), (error: unknown) => ({ error })),
    resolveCampaign(query.campaignCode, query.asOf),
  ]);
  if (!metric) throw new AppError("NOT_FOUND", { subject: "metric" });
  if (found && "error" in found) throw found.error;
  const parent = found?.unit ?? null;
  // a parent ranked only as "where do I stand" (canViewRankingOf) gives its children's row and nothing deeper
  if (parent && query.level !== undefined && !canViewUnit(actor, parent.path)) throw new AppError("FORBIDDEN");
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", { subject: "campaign" });

  const weekAgo = addDays(query.asOf, -RANK_CHANGE_DAYS);
  const [dueNow, dueBefore] = campaign ? await dueDatesOn(campaign.id, metric.id, [query.asOf, weekAgo]) : [null, null];
  const units = await labelledOn(await rankedUnitFacts({ parent, scope, level: query.level, metricId: metric.id, campaignId: campaign?.id ?? null, asOf: query.asOf, weekAgo: includeChange ? weekAgo : null, dueNow, dueBefore: includeChange ? dueBefore : null }), query.asOf);

  // Units without a target of their own take their children's (recursively): only those read further.
  // Each with what a change of the tree carried into it by the day (targets set on old units).
  const targetsOf = async (due: string | null, own: (u: RankedUnitFacts) => number | null, day: string) => {
    const result = new Map<number, number | null>(units.map((u) => [u.id, own(u)]));
    const missing = units.filter((u) => own(u) === null);
    if (campaign && due && missing.length) for (const [id, value] of await effectiveTargetsOf(campaign.id, metric.id, due, missing)) result.set(id, value);
    if (campaign && due) {
      const carried = await carriedTargetsAt(campaign.id, [{ metricId: metric.id, dueDate: due }], units, day);
      for (const [id, amount] of carried.get(milestoneKey(metric.id, due)) ?? []) result.set(id, (result.get(id) ?? 0) + amount);
    }
    return result;
  };
  const targetsNow = await targetsOf(dueNow, (u) => u.ownTarget, query.asOf);
  const rowsAt = (actualOf: (u: RankedUnitFacts) => number, targets: Map<number, number | null>) =>
    rankRows(
      units.map((unit) => {
        const actual = actualOf(unit);
        const target = targets.get(unit.id) ?? null;
        return { unit, code: unit.code, name: unit.name, actual, target, percent: percentOf(actual, target) };
      }),
    );
  const now = rowsAt((u) => u.actual, targetsNow);
  // part of the parent's total no child holds: figures of ended units split without shares (lib/data/carries.ts)
  const notAllocated = parent && query.level === undefined ? ((await notAllocatedAt([parent.id], metric.id, query.asOf)).get(parent.id) ?? 0) : 0;
  const populations = await populationsAt(units.map((u) => u.id), query.asOf);
  const changes = includeChange
    ? rankChanges(now, rowsAt((u) => u.actualBefore, dueBefore === dueNow ? targetsNow : await targetsOf(dueBefore, (u) => u.ownTargetBefore, weekAgo)))
    : new Map<string, RankChange>();
  return {
    asOf: query.asOf,
    metric: metric.code,
    campaign: campaign?.code ?? null,
    dueDate: dueNow,
    parent,
    level: query.level ?? null,
    childKind: commonKind(units.map((u) => u.kind)),
    notAllocated,
    rows: now.map(({ unit, ...row }) => ({
      code: row.code,
      name: row.name,
      actual: row.actual,
      target: row.target,
      percent: row.percent,
      populationPercent: percentOf(row.actual, populations.get(unit.id) ?? null),
      rank: row.rank,
      reportedOn: unit.reportedOn,
      change: changes.get(row.code) ?? { rank: null, percentPoints: null },
      hasChildren: unit.hasChildren,
      viewable: canViewUnit(actor, unit.path),
      own: unit.path === actor.unitPath,
    })),
  };
}

interface RankedUnitFacts {
  id: number;
  code: string;
  name: string;
  path: string;
  /** what the unit is (a unit_level key), whatever its depth */
  kind: string;
  hasChildren: boolean;
  actual: number;
  actualBefore: number;
  /** YYYY-MM-DD, as text: parsing hundreds of dates into Date objects costs more than the lookups */
  reportedOn: string | null;
  ownTarget: number | null;
  /** null when the milestone 7 days before is the current one: ownTarget serves both */
  ownTargetBefore: number | null;
}

/**
 * How far back the first look for a unit's latest row goes. A B-tree scan backwards from D
 * collects every earlier entry of the unit on the index page (hundreds of days) before
 * LIMIT 1 keeps one; bounded to the last week it reads a handful. Units silent for longer
 * take a second, unbounded look: the answer is the same row either way.
 */
const RECENT_DAYS = 7;

/**
 * `column` of the row of `table` (alias x) matching `match` with the greatest date ≤ day,
 * looked for in the recent days first. Each look yields a one-element array, so that a row
 * whose value is NULL (a parent's reportedOn while a child has none) is told from no row:
 * COALESCE goes on to the older days only when the recent ones have no row at all, and
 * evaluates nothing after the first non-null argument.
 */
const latestOnOrBefore = (table: "unit_total" | "unit_report", column: Prisma.Sql, match: Prisma.Sql, day: string) => Prisma.sql`(COALESCE(
        (SELECT ARRAY[${column}] FROM ${Prisma.raw(table)} x WHERE ${match} AND x.date <= ${day}::date AND x.date > ${day}::date - ${RECENT_DAYS}::int ORDER BY x.date DESC LIMIT 1),
        (SELECT ARRAY[${column}] FROM ${Prisma.raw(table)} x WHERE ${match} AND x.date <= ${day}::date - ${RECENT_DAYS}::int ORDER BY x.date DESC LIMIT 1)))[1]`;

/**
 * The units to rank (inside the parent, or the actor's scope) with everything a ranking
 * needs, in one statement: each value is one short index lookup per unit (running totals
 * and reportedOn: the row with the greatest date ≤ D; own targets: the unique key), or,
 * for every unit of a level with ranking facts across the country, the level's facts of
 * the latest fact day ≤ D (lib/data/ranking-facts.ts).
 */
async function rankedUnitFacts(q: {
  parent: { id: number; path: string } | null;
  scope: string;
  level: number | undefined;
  metricId: number;
  campaignId: number | null;
  asOf: string;
  weekAgo: string | null;
  dueNow: string | null;
  dueBefore: string | null;
}): Promise<RankedUnitFacts[]> {
  const prefix = q.parent?.path ?? q.scope;
  const where =
    q.level === undefined
      ? q.parent
        ? Prisma.sql`u.parent_id = ${q.parent.id}`
        : Prisma.sql`u.parent_id IS NULL AND u.path LIKE ${`${q.scope}%`}`
      : prefix
        ? Prisma.sql`u.level = ${q.level} AND u.path LIKE ${`${prefix}%`} AND u.path <> ${prefix}`
        : Prisma.sql`u.level = ${q.level}`;
  // Every unit of a level across the country, where the level has ranking facts: each value
  // from the level's fact day (the latest ≤ D), one index range for all its units.
  const facts = q.level !== undefined && !prefix && RANKING_FACT_LEVELS.includes(q.level);
  const factDay = (day: string) =>
    Prisma.sql`(SELECT max(x.date) FROM ranking_fact x WHERE x.level = ${q.level} AND x.metric_id = ${q.metricId} AND x.date <= ${day}::date)`;
  const factJoin = (alias: string, day: string | null) =>
    day === null
      ? Prisma.empty
      : Prisma.sql`LEFT JOIN ranking_fact ${Prisma.raw(alias)} ON ${Prisma.raw(alias)}.level = ${q.level} AND ${Prisma.raw(alias)}.metric_id = ${q.metricId}
          AND ${Prisma.raw(alias)}.date = ${factDay(day)} AND ${Prisma.raw(alias)}.unit_id = u.id`;
  const cumulativeAt = (day: string | null, alias: string) =>
    day === null
      ? Prisma.sql`0`
      : facts
        ? Prisma.sql`COALESCE(${Prisma.raw(alias)}.cumulative, 0)`
        : Prisma.sql`(COALESCE(${latestOnOrBefore("unit_total", Prisma.sql`x.cumulative`, Prisma.sql`x.unit_id = u.id AND x.metric_id = ${q.metricId}`, day)}, 0)
            + COALESCE((SELECT sum(uc.amount) FROM unit_carry uc WHERE uc.unit_id = u.id AND uc.metric_id = ${q.metricId} AND uc.from_day <= ${day}::date), 0))`;
  const reportedOn = facts ? Prisma.sql`fn.reported_on` : latestOnOrBefore("unit_report", Prisma.sql`x.reported_on`, Prisma.sql`x.unit_id = u.id`, q.asOf);
  const ownTarget = (due: string | null) =>
    due === null || q.campaignId === null
      ? Prisma.sql`NULL::int`
      : Prisma.sql`(SELECT g.value FROM target g WHERE g.campaign_id = ${q.campaignId} AND g.unit_id = u.id AND g.metric_id = ${q.metricId} AND g.due_date = ${due}::date)`;
  return db().$queryRaw<RankedUnitFacts[]>`
    SELECT u.id, u.code, u.name, u.path, u.kind,
      -- one probe per unit: EXISTS is planned as a hash of every unit's parent, built each call
      (SELECT true FROM unit c WHERE c.parent_id = u.id LIMIT 1) IS NOT NULL AS "hasChildren",
      ${cumulativeAt(q.asOf, "fn")}::int AS actual,
      ${cumulativeAt(q.weekAgo, "fb")}::int AS "actualBefore",
      to_char(${reportedOn}, 'YYYY-MM-DD') AS "reportedOn",
      ${ownTarget(q.dueNow)} AS "ownTarget",
      ${ownTarget(q.dueBefore === q.dueNow ? null : q.dueBefore)} AS "ownTargetBefore"
    FROM unit u
    ${facts ? factJoin("fn", q.asOf) : Prisma.empty}
    ${facts ? factJoin("fb", q.weekAgo) : Prisma.empty}
    WHERE ${where}
      AND ${existsOn("u", q.asOf)}`;
}
