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
  const rows = await db().$queryRaw<{ due: Date }[]>`
    SELECT DISTINCT due_date AS due FROM target WHERE campaign_id = ${campaignId} AND metric_id = ${metricId} ORDER BY due`;
  return rows.map((row) => dateToDay(row.due));
}

/**
 * Effective targets of `units` for a milestone. Units with a target of their own (the usual
 * case: targets are assigned down the tree) cost one index lookup each; only the others
 * read the targets below them.
 */
export async function effectiveTargetsOf(campaignId: number, metricId: number, dueDate: string, units: readonly TargetUnit[]): Promise<Map<number, number | null>> {
  const result = new Map<number, number | null>();
  if (units.length === 0) return result;
  const own = await db().$queryRaw<{ unit_id: number; value: number }[]>`
    SELECT t.unit_id, t.value FROM target t
    WHERE t.campaign_id = ${campaignId} AND t.metric_id = ${metricId} AND t.due_date = ${dayToDate(dueDate)}::date
      AND t.unit_id = ANY(${units.map((u) => u.id)}::int[])`;
  for (const row of own) result.set(row.unit_id, row.value);
  const missing = units.filter((u) => !result.has(u.id));
  if (missing.length === 0) return result;

  // The targets anywhere below the units still without one, read under their common ancestor.
  const prefix = commonPathPrefix(missing.map((u) => u.path));
  const rows = await db().$queryRaw<{ code: string; path: string; value: number }[]>`
    SELECT u.code, u.path, t.value
    FROM target t JOIN unit u ON u.id = t.unit_id
    WHERE t.campaign_id = ${campaignId} AND t.metric_id = ${metricId} AND t.due_date = ${dayToDate(dueDate)}::date
      AND u.path LIKE ${`${prefix}%`}`;
  const nodes = new Map<string, TargetNode>();
  const addChain = (path: string) => {
    const chain = path.split("/").filter(Boolean);
    chain.forEach((code, index) => {
      if (!nodes.has(code)) nodes.set(code, { code, parentCode: index === 0 ? null : chain[index - 1], ownTarget: null });
    });
  };
  for (const unit of missing) addChain(unit.path);
  for (const row of rows) {
    addChain(row.path);
    nodes.set(row.code, { ...nodes.get(row.code)!, ownTarget: row.value });
  }
  const effective = effectiveTargets([...nodes.values()]);
  for (const unit of missing) result.set(unit.id, effective.get(unit.code) ?? null);
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
