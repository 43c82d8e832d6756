import "server-only";
// Point-in-time reads of the maintained totals (view unit_total: the parents' daily_total
// rows and the leaves' figures): each answer is one backward index lookup
// per unit (the row with the greatest date ≤ D), never a sum over daily figures.
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { carriedSeries, summedRunningTotals } from "@/lib/domain/trend";
import { Prisma } from "@/lib/db/generated/client";
import { CARRIED } from "./carries";

/** Running total of each unit for a metric at the end of each day (0 before any report). */
export async function cumulativeAt(unitIds: readonly number[], metricId: number, days: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (unitIds.length === 0 || days.length === 0) return result;
  const rows = await db().$queryRaw<{ unit_id: number; day: string; cumulative: number }[]>`
    SELECT u.id AS unit_id, d.day, (COALESCE(t.cumulative, 0) + ${Prisma.raw(CARRIED("u.id", String(metricId), "d.day::date"))})::int AS cumulative
    FROM unnest(${[...unitIds]}::int[]) AS u(id)
    CROSS JOIN unnest(${[...days]}::text[]) AS d(day)
    LEFT JOIN LATERAL (SELECT dt.cumulative FROM unit_total dt
                       WHERE dt.unit_id = u.id AND dt.metric_id = ${metricId} AND dt.date <= d.day::date
                       ORDER BY dt.date DESC LIMIT 1) t ON true`;
  for (const row of rows) result.set(cumulativeKey(row.unit_id, row.day), row.cumulative);
  return result;
}

/**
 * The units' running total together at the end of each day from `from` to `to`, for a
 * trend: one range read of the maintained totals (each unit's rows in the window and its
 * last row before it), carried forward over days without a row.
 */
export async function runningTotalsByDay(unitIds: readonly number[], metricId: number, from: string, to: string): Promise<{ day: string; cumulative: number }[]> {
  if (unitIds.length === 0) return summedRunningTotals([], from, to);
  const own = await storedRowsInWindow(unitIds, metricId, from, to);
  // each carry (lib/data/carries.ts) as a series of its own: the amount from its day on, and
  // before it, when its source was not under the unit, the source's history in proportion
  // (carriedSeries), so that a trend runs through the change without a step
  const carries = await db().$queryRaw<{ unit_id: number; source_id: number; from_day: Date; amount: number; base: number | null; drawn: boolean }[]>`
    SELECT uc.unit_id, uc.source_id, uc.from_day, uc.amount,
           (SELECT dt.cumulative FROM unit_total dt
            WHERE dt.unit_id = uc.source_id AND dt.metric_id = uc.metric_id AND dt.date < uc.from_day
            ORDER BY dt.date DESC LIMIT 1) AS base,
           (uc.from_day > ${dayToDate(from)}::date AND NOT starts_with(s.path, u.path)) AS drawn
    FROM unit_carry uc JOIN unit u ON u.id = uc.unit_id JOIN unit s ON s.id = uc.source_id
    WHERE uc.unit_id = ANY(${[...unitIds]}::int[]) AND uc.metric_id = ${metricId} AND uc.from_day <= ${dayToDate(to)}::date`;
  const drawn = carries.filter((c) => c.drawn && (c.base ?? 0) > 0);
  const historyOf = new Map<number, { day: string; cumulative: number }[]>();
  for (const r of drawn.length === 0 ? [] : await storedRowsInWindow([...new Set(drawn.map((c) => c.source_id))], metricId, from, to)) {
    historyOf.set(r.unitId, [...(historyOf.get(r.unitId) ?? []), { day: r.day, cumulative: r.cumulative }]);
  }
  // own series keyed by unit id (positive), each carry by a negative key of its own
  const carried = carries.flatMap((c, i) =>
    carriedSeries(c.amount, dateToDay(c.from_day), c.drawn ? (c.base ?? 0) : 0, historyOf.get(c.source_id) ?? []).map((r) => ({ unitId: -(i + 1), ...r })));
  return summedRunningTotals([...own, ...carried], from, to);
}

/** Each unit's stored running totals (unit_total) from `from` to `to`, and its last row before `from`. */
async function storedRowsInWindow(unitIds: readonly number[], metricId: number, from: string, to: string): Promise<{ unitId: number; day: string; cumulative: number }[]> {
  const rows = await db().$queryRaw<{ unit_id: number; date: Date; cumulative: number }[]>`
    SELECT u.id AS unit_id, t.date, t.cumulative
    FROM unnest(${[...unitIds]}::int[]) AS u(id)
    CROSS JOIN LATERAL (
      (SELECT dt.date, dt.cumulative FROM unit_total dt
       WHERE dt.unit_id = u.id AND dt.metric_id = ${metricId} AND dt.date < ${dayToDate(from)}::date
       ORDER BY dt.date DESC LIMIT 1)
      UNION ALL
      (SELECT dt.date, dt.cumulative FROM unit_total dt
       WHERE dt.unit_id = u.id AND dt.metric_id = ${metricId}
         AND dt.date >= ${dayToDate(from)}::date AND dt.date <= ${dayToDate(to)}::date)) t`;
  return rows.map((r) => ({ unitId: r.unit_id, day: dateToDay(r.date), cumulative: r.cumulative }));
}

export const cumulativeKey = (unitId: number, day: string) => `${unitId}|${day}`;

/**
 * reportedOn of each unit as of `day`: the latest day ≤ `day` with any figure (for a parent,
 * the earliest among its children), from the maintained `unit_report` rows.
 */
export async function reportedOnAt(unitIds: readonly number[], day: string): Promise<Map<number, string | null>> {
  const result = new Map<number, string | null>();
  if (unitIds.length === 0) return result;
  const rows = await db().$queryRaw<{ unit_id: number; reported_on: Date | null }[]>`
    SELECT u.id AS unit_id, r.reported_on
    FROM unnest(${[...unitIds]}::int[]) AS u(id)
    LEFT JOIN LATERAL (SELECT ur.reported_on FROM unit_report ur
                       WHERE ur.unit_id = u.id AND ur.date <= ${day}::date
                       ORDER BY ur.date DESC LIMIT 1) r ON true`;
  for (const row of rows) result.set(row.unit_id, row.reported_on ? dateToDay(row.reported_on) : null);
  return result;
}

/**
 * The "not allocated" of each unit as of `day`: what ended units under it carried on without
 * saying to which of its children (a `partial` succession without a share, a unit with no
 * successor). Its children's totals plus this make its total (docs/units-over-time.md).
 */
export async function notAllocatedAt(unitIds: readonly number[], metricId: number, day: string): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (unitIds.length === 0) return result;
  const rows = await db().$queryRaw<{ unit_id: number; amount: number }[]>`
    SELECT uc.unit_id, sum(uc.unallocated)::int AS amount FROM unit_carry uc
    WHERE uc.unit_id = ANY(${[...unitIds]}::int[]) AND uc.metric_id = ${metricId} AND uc.from_day <= ${day}::date AND uc.unallocated <> 0
    GROUP BY uc.unit_id`;
  for (const row of rows) result.set(row.unit_id, row.amount);
  return result;
}

/**
 * What the carries of a change of the tree (lib/data/carries.ts) had added to each unit's
 * running total by the end of each day: a pace measured across a change leaves it out, so
 * that what was carried in is not taken for a week's work.
 */
export async function carriedAt(unitIds: readonly number[], metricId: number, days: readonly string[]): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  if (unitIds.length === 0 || days.length === 0) return result;
  const rows = await db().$queryRaw<{ unit_id: number; day: string; amount: number }[]>`
    SELECT u.id AS unit_id, d.day, ${Prisma.raw(CARRIED("u.id", String(metricId), "d.day::date"))}::int AS amount
    FROM unnest(${[...unitIds]}::int[]) AS u(id) CROSS JOIN unnest(${[...days]}::text[]) AS d(day)`;
  for (const row of rows) result.set(cumulativeKey(row.unit_id, row.day), row.amount);
  return result;
}
