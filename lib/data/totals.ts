// Keeps `figure.cumulative` and the `daily_total` rows of a leaf and all its ancestors
// exact when a day's count changes. Called inside the writing transaction.
import type { Db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";

type Tx = Pick<Db, "$executeRaw" | "$queryRaw">;

export interface TotalShift {
  unitId: number;
  metricId: number;
  day: string;
  /** change of the day's count; 0 still creates the row (a unit that reported 0 has reported) */
  delta: number;
}

/**
 * Applies many shifts (at most one per unit, metric and day) in four statements, for a whole
 * submission. Parents' rows (a district, the province) are touched by every save in the
 * province, so the statements are few and come last in the transaction, and each (unit,
 * metric) series is first locked with a transaction-scoped advisory lock, always in the same
 * order: concurrent saves then queue instead of deadlocking, and a row created for a later
 * day never misses a shift made meanwhile to an earlier day of the same series.
 */
export async function shiftTotalsBatch(tx: Tx, shifts: readonly TotalShift[]): Promise<void> {
  if (shifts.length === 0) return;
  const units = shifts.map((s) => s.unitId);
  const metrics = shifts.map((s) => s.metricId);
  const dates = shifts.map((s) => dayToDate(s.day));
  const deltas = shifts.map((s) => s.delta);
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock(s.u, s.m)::text
    FROM (SELECT DISTINCT u, m FROM unnest(${units}::int[], ${metrics}::int[]) AS x(u, m) ORDER BY u, m) s`;
  await tx.$executeRaw`
    INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
    SELECT s.u, s.m, s.d, 0,
      COALESCE((SELECT t.cumulative FROM daily_total t
                WHERE t.unit_id = s.u AND t.metric_id = s.m AND t.date < s.d
                ORDER BY t.date DESC LIMIT 1), 0)
    FROM unnest(${units}::int[], ${metrics}::int[], ${dates}::date[]) AS s(u, m, d)
    ORDER BY s.u, s.m, s.d
    ON CONFLICT DO NOTHING`;
  if (deltas.every((d) => d === 0)) return;
  await tx.$executeRaw`
    UPDATE daily_total t SET daily = t.daily + s.delta
    FROM unnest(${units}::int[], ${metrics}::int[], ${dates}::date[], ${deltas}::int[]) AS s(u, m, d, delta)
    WHERE t.unit_id = s.u AND t.metric_id = s.m AND t.date = s.d AND s.delta <> 0`;
  await tx.$executeRaw`
    UPDATE daily_total t SET cumulative = t.cumulative + x.delta
    FROM (SELECT t2.unit_id, t2.metric_id, t2.date, SUM(s.delta) AS delta
            FROM daily_total t2
            JOIN unnest(${units}::int[], ${metrics}::int[], ${dates}::date[], ${deltas}::int[]) AS s(u, m, d, delta)
              ON t2.unit_id = s.u AND t2.metric_id = s.m AND t2.date >= s.d
           WHERE s.delta <> 0
           GROUP BY t2.unit_id, t2.metric_id, t2.date) x
    WHERE t.unit_id = x.unit_id AND t.metric_id = x.metric_id AND t.date = x.date`;
}

/**
 * Recomputes every figure's cumulative and every daily_total row from the stored daily
 * counts. Used after bulk loads (seed, benchmark) and by tests as the reference.
 */
export async function rebuildTotals(tx: Tx): Promise<void> {
  // a bulk rebuild, always inside a transaction: not bound by the app's statement timeout
  await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
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
