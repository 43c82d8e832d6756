// Keeps `figure.cumulative` and the `daily_total` rows of a leaf and all its ancestors
// exact when a day's count changes. Called inside the writing transaction.
import type { Db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";

type Tx = Pick<Db, "$executeRaw" | "$queryRaw">;

/** Adds `delta` to the day `day` of `unitIds` (a leaf and its ancestors) for `metricId`. */
export async function shiftTotals(tx: Tx, unitIds: number[], metricId: number, day: string, delta: number): Promise<void> {
  const date = dayToDate(day);
  // The rows are created even for a zero count: a unit that reported 0 has reported.
  await tx.$executeRaw`
    INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
    SELECT u, ${metricId}, ${date}::date, 0,
      COALESCE((SELECT t.cumulative FROM daily_total t
                WHERE t.unit_id = u AND t.metric_id = ${metricId} AND t.date < ${date}::date
                ORDER BY t.date DESC LIMIT 1), 0)
    FROM unnest(${unitIds}::int[]) AS u
    ON CONFLICT DO NOTHING`;
  if (delta === 0) return;
  await tx.$executeRaw`
    UPDATE daily_total SET daily = daily + ${delta}
    WHERE unit_id = ANY(${unitIds}::int[]) AND metric_id = ${metricId} AND date = ${date}::date`;
  await tx.$executeRaw`
    UPDATE daily_total SET cumulative = cumulative + ${delta}
    WHERE unit_id = ANY(${unitIds}::int[]) AND metric_id = ${metricId} AND date >= ${date}::date`;
}

/**
 * Recomputes every figure's cumulative and every daily_total row from the stored daily
 * counts. Used after bulk loads (seed, benchmark) and by tests as the reference.
 */
export async function rebuildTotals(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    UPDATE figure f SET cumulative = s.cumulative
    FROM (SELECT id, SUM(value) OVER (PARTITION BY unit_id, metric_id ORDER BY date) AS cumulative FROM figure) s
    WHERE f.id = s.id AND f.cumulative IS DISTINCT FROM s.cumulative`;
  await tx.$executeRaw`TRUNCATE daily_total`;
  await tx.$executeRaw`
    INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
    SELECT unit_id, metric_id, date, daily,
           SUM(daily) OVER (PARTITION BY unit_id, metric_id ORDER BY date)
    FROM (
      SELECT a.id AS unit_id, f.metric_id, f.date, SUM(f.value)::int AS daily
      FROM figure f
      JOIN unit leaf ON leaf.id = f.unit_id
      JOIN unit a ON leaf.path LIKE a.path || '%'
      GROUP BY a.id, f.metric_id, f.date
    ) d`;
}
