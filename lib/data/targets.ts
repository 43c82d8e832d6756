import "server-only";
// Targets as the shared semantics define them: the milestone that counts on a day, and a
// unit's effective target (its own, else the sum of its children's, recursively).
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { effectiveTargets, type TargetNode } from "@/lib/domain/milestones";

export interface TargetUnit {
  id: number;
  code: string;
  path: string;
}

/** The campaign's milestone that counts on `asOf`: the first due on or after it, else the last. */
export async function dueDateOn(campaignId: number, metricId: number, asOf: string): Promise<string | null> {
  const [row] = await db().$queryRaw<{ due: Date | null }[]>`
    SELECT COALESCE(
      (SELECT min(due_date) FROM target WHERE campaign_id = ${campaignId} AND metric_id = ${metricId} AND due_date >= ${asOf}::date),
      (SELECT max(due_date) FROM target WHERE campaign_id = ${campaignId} AND metric_id = ${metricId})) AS due`;
  return row?.due ? dateToDay(row.due) : null;
}

/** dueDateOn for several days in one statement, in the order given. */
export async function dueDatesOn(campaignId: number, metricId: number, days: readonly string[]): Promise<(string | null)[]> {
  const rows = await db().$queryRaw<{ ord: bigint; due: Date | null }[]>`
    SELECT d.ord, COALESCE(
      (SELECT min(due_date) FROM target WHERE campaign_id = ${campaignId} AND metric_id = ${metricId} AND due_date >= d.day::date),
      (SELECT max(due_date) FROM target WHERE campaign_id = ${campaignId} AND metric_id = ${metricId})) AS due
    FROM unnest(${[...days]}::text[]) WITH ORDINALITY AS d(day, ord)`;
  const byOrder = new Map(rows.map((row) => [Number(row.ord), row.due ? dateToDay(row.due) : null]));
  return days.map((_, index) => byOrder.get(index + 1) ?? null);
}

/** Every milestone date of the campaign for a metric, in order. */
export async function dueDates(campaignId: number, metricId: number): Promise<string[]> {
  return (await dueDatesOf(campaignId, [metricId])).get(metricId) ?? [];
}

/** Every milestone date of the campaign for each metric, in order (metrics without one left out). */
export async function dueDatesOf(campaignId: number, metricIds: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await db().$queryRaw<{ metric_id: number; due: Date }[]>`
    SELECT DISTINCT metric_id, due_date AS due FROM target
    WHERE campaign_id = ${campaignId} AND metric_id = ANY(${[...metricIds]}::int[]) ORDER BY metric_id, due`;
  const result = new Map<number, string[]>();
  for (const row of rows) {
    const days = result.get(row.metric_id) ?? [];
    days.push(dateToDay(row.due));
    result.set(row.metric_id, days);
  }
  return result;
}

export interface MilestoneRef {
  metricId: number;
  dueDate: string;
}

export const milestoneKey = (metricId: number, dueDate: string) => `${metricId}|${dueDate}`;

/**
 * Effective targets of `units` for a milestone. Units with a target of their own (the usual
 * case: targets are assigned down the tree) cost one index lookup each; only the others
 * read the targets below them.
 */
export async function effectiveTargetsOf(campaignId: number, metricId: number, dueDate: string, units: readonly TargetUnit[], asOf?: string): Promise<Map<number, number | null>> {
  return (await effectiveTargetsAt(campaignId, [{ metricId, dueDate }], units, asOf)).get(milestoneKey(metricId, dueDate)) ?? new Map();
}

/**
 * effectiveTargetsOf for several milestones at once, keyed by milestoneKey: one read of the
 * units' own targets, and one of the targets below those still without one, however many
 * metrics and milestones.
 */
export async function effectiveTargetsAt(campaignId: number, milestones: readonly MilestoneRef[], units: readonly TargetUnit[], asOf?: string): Promise<Map<string, Map<number, number | null>>> {
  const result = await treeTargetsAt(campaignId, milestones, units);
  if (asOf !== undefined) addCarried(result, await carriedTargetsAt(campaignId, milestones, units, asOf));
  return result;
}

/** Adds carried targets (carriedTargetsAt) to effective ones: a unit without a target of its own or below it gets the carried alone. */
function addCarried(targets: Map<string, Map<number, number | null>>, carried: Map<string, Map<number, number>>): void {
  for (const [key, byUnit] of carried) {
    const into = targets.get(key);
    if (!into) continue;
    for (const [unitId, amount] of byUnit) into.set(unitId, (into.get(unitId) ?? 0) + amount);
  }
}

/**
 * What a change of the unit tree carries into each unit's target by `asOf`, per milestone
 * (docs/units-over-time.md, "Targets carried over"): the rule of the figures' carries
 * (lib/data/carries.ts) applied to the own targets of the ended leaves in this campaign:
 * each succession P → N with a weight w (1 for `full`, a `partial`'s share) moves
 * round(w × target(P)) to N and its ancestors, the rest to the residual unit and its
 * ancestors, all of it from P's ancestors. Added to a unit's own or summed target, it keeps
 * a campaign whose targets were set on the old units working on the new ones, and a
 * province's target conserved. Empty (one probe) when no change has happened by `asOf`.
 */
export async function carriedTargetsAt(campaignId: number, milestones: readonly MilestoneRef[], units: readonly TargetUnit[], asOf: string): Promise<Map<string, Map<number, number>>> {
  const result = new Map<string, Map<number, number>>();
  if (units.length === 0 || milestones.length === 0) return result;
  const [{ any }] = await db().$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM unit_carry_source WHERE from_day <= ${asOf}::date) AS any`;
  if (!any) return result;
  const rows = await db().$queryRaw<{ unit_id: number; metric_id: number; due: Date; amount: number }[]>`
    WITH src AS (
      SELECT s.source_id, s.residual_unit_id, p.path, t.metric_id, t.due_date, t.value
      FROM unit_carry_source s JOIN unit p ON p.id = s.source_id
      JOIN target t ON t.unit_id = s.source_id AND t.campaign_id = ${campaignId}
      JOIN unnest(${milestones.map((m) => m.metricId)}::int[], ${milestones.map((m) => dayToDate(m.dueDate))}::date[]) AS m(metric_id, due)
        ON t.metric_id = m.metric_id AND t.due_date = m.due
      -- a leaf's target: a parent's is the sum of its children's, carried by their own successions
      WHERE s.from_day <= ${asOf}::date AND NOT EXISTS (SELECT 1 FROM unit k WHERE k.parent_id = s.source_id)
    ), alloc AS (
      SELECT src.source_id, src.metric_id, src.due_date, n.path AS to_path,
             CASE WHEN e.part = 'full' THEN src.value ELSE round(e.share * src.value)::int END AS amount
      FROM src JOIN unit_succession e ON e.predecessor_id = src.source_id JOIN unit n ON n.id = e.successor_id
      WHERE e.part = 'full' OR e.share IS NOT NULL
    ), moves AS (
      SELECT source_id, metric_id, due_date, to_path, amount FROM alloc
      UNION ALL
      SELECT src.source_id, src.metric_id, src.due_date, r.path,
             src.value - coalesce((SELECT sum(a.amount) FROM alloc a WHERE a.source_id = src.source_id AND a.metric_id = src.metric_id AND a.due_date = src.due_date), 0)::int
      FROM src JOIN unit r ON r.id = src.residual_unit_id
    ), x AS (
      SELECT * FROM unnest(${units.map((u) => u.id)}::int[], ${units.map((u) => u.path)}::text[]) AS x(id, path)
    )
    SELECT x.id AS unit_id, c.metric_id, c.due_date AS due, sum(c.amount)::int AS amount
    FROM x JOIN (
      SELECT mv.to_path AS path, mv.metric_id, mv.due_date, mv.amount, false AS loss FROM moves mv
      UNION ALL
      SELECT src.path, mv.metric_id, mv.due_date, -mv.amount, true FROM moves mv
      JOIN src ON src.source_id = mv.source_id AND src.metric_id = mv.metric_id AND src.due_date = mv.due_date
    ) c ON (NOT c.loss AND c.path LIKE x.path || '%') OR (c.loss AND c.path LIKE x.path || '%' AND c.path <> x.path)
    GROUP BY x.id, c.metric_id, c.due_date
    HAVING sum(c.amount) <> 0`;
  for (const row of rows) {
    const key = milestoneKey(row.metric_id, dateToDay(row.due));
    const byUnit = result.get(key) ?? new Map<number, number>();
    byUnit.set(row.unit_id, row.amount);
    result.set(key, byUnit);
  }
  return result;
}

/** Effective targets from the targets set (own, else the sum below), without carries. */
async function treeTargetsAt(campaignId: number, milestones: readonly MilestoneRef[], units: readonly TargetUnit[]): Promise<Map<string, Map<number, number | null>>> {
  const result = new Map(milestones.map((m) => [milestoneKey(m.metricId, m.dueDate), new Map<number, number | null>()]));
  if (units.length === 0 || milestones.length === 0) return result;
  const metricIds = milestones.map((m) => m.metricId);
  const dues = milestones.map((m) => dayToDate(m.dueDate));
  const own = await db().$queryRaw<{ metric_id: number; due: Date; unit_id: number; value: number }[]>`
    SELECT t.metric_id, t.due_date AS due, t.unit_id, t.value
    FROM target t JOIN unnest(${metricIds}::int[], ${dues}::date[]) AS m(metric_id, due) ON t.metric_id = m.metric_id AND t.due_date = m.due
    WHERE t.campaign_id = ${campaignId} AND t.unit_id = ANY(${units.map((u) => u.id)}::int[])`;
  for (const row of own) result.get(milestoneKey(row.metric_id, dateToDay(row.due)))?.set(row.unit_id, row.value);
  const missing = milestones.flatMap((m) => {
    const targets = result.get(milestoneKey(m.metricId, m.dueDate))!;
    const without = units.filter((u) => !targets.has(u.id));
    return without.length ? [{ ...m, units: without }] : [];
  });
  if (missing.length === 0) return result;

  // The targets anywhere below the units still without one, read under their common ancestor.
  const prefix = commonPathPrefix(missing.flatMap((m) => m.units.map((u) => u.path)));
  const rows = await db().$queryRaw<{ metric_id: number; due: Date; code: string; path: string; value: number }[]>`
    SELECT t.metric_id, t.due_date AS due, u.code, u.path, t.value
    FROM target t JOIN unit u ON u.id = t.unit_id
      JOIN unnest(${missing.map((m) => m.metricId)}::int[], ${missing.map((m) => dayToDate(m.dueDate))}::date[]) AS m(metric_id, due)
        ON t.metric_id = m.metric_id AND t.due_date = m.due
    WHERE t.campaign_id = ${campaignId} AND u.path LIKE ${`${prefix}%`}`;
  const rowsOf = new Map<string, typeof rows>();
  for (const row of rows) {
    const key = milestoneKey(row.metric_id, dateToDay(row.due));
    const list = rowsOf.get(key) ?? [];
    list.push(row);
    rowsOf.set(key, list);
  }
  for (const milestone of missing) {
    const key = milestoneKey(milestone.metricId, milestone.dueDate);
    // keyed by path, the stable key: a code names different units before and after a
    // reorganisation (old 20194 Hòa Hiệp Bắc under 48/490/, new 20194 Hải Vân under 48/)
    const nodes = new Map<string, TargetNode>();
    const addChain = (path: string) => {
      const chain = path.split("/").filter(Boolean);
      chain.forEach((_, index) => {
        const at = `${chain.slice(0, index + 1).join("/")}/`;
        if (!nodes.has(at)) nodes.set(at, { code: at, parentCode: index === 0 ? null : `${chain.slice(0, index).join("/")}/`, ownTarget: null });
      });
    };
    for (const unit of milestone.units) addChain(unit.path);
    for (const row of rowsOf.get(key) ?? []) {
      addChain(row.path);
      nodes.set(row.path, { ...nodes.get(row.path)!, ownTarget: row.value });
    }
    const effective = effectiveTargets([...nodes.values()]);
    for (const unit of milestone.units) result.get(key)!.set(unit.id, effective.get(unit.path) ?? null);
  }
  return result;
}

/** "49/517/20728/" and "49/517/20731/" → "49/517/". */
export function commonPathPrefix(paths: readonly string[]): string {
  if (paths.length === 0) return "";
  let parts = paths[0].split("/").filter(Boolean);
  for (const path of paths.slice(1)) {
    const other = path.split("/").filter(Boolean);
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.length ? `${parts.join("/")}/` : "";
}
