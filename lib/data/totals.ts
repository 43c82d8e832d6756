// Keeps `figure.cumulative` (a leaf's running totals), the `daily_total` rows of its ancestors, and
// their `unit_report` rows exact when a figure is written. Called inside the writing
// transaction; the rebuild functions recompute everything set-based after bulk loads.
import type { Db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";
import { EXISTS_ON } from "@/lib/db/unit-lifetime";
import { rebuildRankingFacts, refreshRankingFactsOfUnits } from "./ranking-facts";

type Tx = Pick<Db, "$executeRaw" | "$executeRawUnsafe" | "$queryRaw" | "$queryRawUnsafe">;

/** The advisory-lock namespace of a province's daily writes (pg_advisory_xact_lock(namespace, unit id)). */
const SCOPE_LOCK = 6_006;

/**
 * Takes the daily-write locks of these provinces (root units) in one statement and in order:
 * every write to a province's figures and totals (saves, imports, ending a unit) queues on it,
 * so concurrent writers never interleave their running totals nor deadlock.
 */
export async function lockScopes(tx: { $queryRawUnsafe(sql: string, ...params: unknown[]): PromiseLike<unknown> }, rootIds: readonly number[]): Promise<void> {
  if (rootIds.length === 0) return;
  await tx.$queryRawUnsafe(
    `SELECT pg_advisory_xact_lock(${SCOPE_LOCK}, r.id)::text FROM (SELECT DISTINCT unnest($1::int[]) AS id ORDER BY 1) r`,
    [...rootIds],
  );
}

// reportedOn of a parent on day D: the earliest of its children's that still exist on D,
// null while one of them has none.
export const PARENT_REPORTED_ON = (parentIdSql: string, dateSql: string) => `
  (SELECT CASE WHEN bool_or(x.reported_on IS NULL) THEN NULL ELSE min(x.reported_on) END
   FROM unit c
   LEFT JOIN LATERAL (SELECT r.reported_on FROM unit_report r
                      WHERE r.unit_id = c.id AND r.date <= ${dateSql} ORDER BY r.date DESC LIMIT 1) x ON true
   WHERE c.parent_id = ${parentIdSql} AND ${EXISTS_ON("c", dateSql)})`;

/**
 * A unit ended on `day`: its ancestors' reportedOn no longer waits for it from that day on.
 * Gives each ancestor (root first) a row on `day`, then recomputes their rows from `day`,
 * the deepest first, under the province's daily-write lock (lockScopes), as the saves.
 */
export async function unitEnded(tx: Tx, ancestorIds: readonly number[], day: string): Promise<void> {
  if (ancestorIds.length === 0) return;
  await lockScopes(tx, [ancestorIds[0]]);
  await tx.$executeRaw`
    INSERT INTO unit_report (unit_id, date, reported_on)
    SELECT u, ${dayToDate(day)}::date, NULL::date FROM unnest(${[...ancestorIds]}::int[]) AS s(u)
    ORDER BY u
    ON CONFLICT DO NOTHING`;
  for (const unitId of [...ancestorIds].reverse()) {
    await tx.$executeRawUnsafe(
      `UPDATE unit_report p SET reported_on = ${PARENT_REPORTED_ON("p.unit_id", "p.date")} WHERE p.unit_id = $1 AND p.date >= $2::date`,
      unitId,
      dayToDate(day),
    );
  }
  await refreshRankingFactsOfUnits(tx, ancestorIds, day);
}

/**
 * Recomputes every figure's cumulative, every daily_total row and every unit_report row
 * from the stored daily counts. Used after bulk loads (seed, benchmark) and by tests as the
 * reference.
 */
export async function rebuildTotals(tx: Tx): Promise<void> {
  // a bulk rebuild, always inside a transaction: not bound by the app's statement timeout
  await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
  // Fresh statistics after a bulk load: without them PostgreSQL can take the just-filled
  // table for an empty one and join it to itself row by row (seen: 12 minutes instead of
  // under a second for the demo's 87,000 figures).
  await tx.$executeRaw`ANALYZE figure`;
  await tx.$executeRaw`
    UPDATE figure f SET cumulative = s.cumulative
    FROM (SELECT unit_id, metric_id, date, SUM(value) OVER (PARTITION BY unit_id, metric_id ORDER BY date) AS cumulative FROM figure) s
    WHERE f.unit_id = s.unit_id AND f.metric_id = s.metric_id AND f.date = s.date AND f.cumulative IS DISTINCT FROM s.cumulative`;
  await rebuildDailyTotals(tx);
  await rebuildUnitReports(tx);
  // the carries across changes of the tree (lib/data/carries.ts), from the figures just fixed;
  // the facts below include them
  await tx.$executeRaw`TRUNCATE unit_carry`;
  await tx.$queryRaw`SELECT unit_carry_refresh(coalesce(array_agg(source_id), '{}'), '{}')::text FROM unit_carry_source`;
  await rebuildRankingFacts(tx);
}

/** The unit levels that have a parent, deepest first: parents are built from their children. */
async function childLevels(tx: Tx): Promise<number[]> {
  const rows = await tx.$queryRaw<{ level: number }[]>`
    SELECT DISTINCT level FROM unit WHERE parent_id IS NOT NULL ORDER BY level DESC`;
  return rows.map((row) => row.level);
}

/**
 * daily_total of the parents from the leaves' figures, one level up at a time (GROUP BY parent), so
 * that national volumes never join every unit with every ancestor.
 */
export async function rebuildDailyTotals(tx: Tx): Promise<void> {
  await tx.$executeRaw`TRUNCATE daily_total`;
  // A leaf's totals are its figures (whose running totals are exact: rebuildTotals fixes them
  // first), read through the view unit_total with the parents' rows built below.
  for (const level of await childLevels(tx)) {
    await tx.$executeRaw`
      INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
      SELECT parent_id, metric_id, date, daily, SUM(daily) OVER (PARTITION BY parent_id, metric_id ORDER BY date)
      FROM (
        SELECT c.parent_id, t.metric_id, t.date, SUM(t.daily)::int AS daily
        FROM unit_total t JOIN unit c ON c.id = t.unit_id
        WHERE c.level = ${level} AND c.parent_id IS NOT NULL
        GROUP BY c.parent_id, t.metric_id, t.date
      ) d`;
  }
}

/**
 * unit_report from the leaves' figures, then one level up at a time. `keepLeaves`: the
 * leaves' rows are already there (a bulk load that indexes them first).
 */
export async function rebuildUnitReports(tx: Tx, options: { keepLeaves?: boolean } = {}): Promise<void> {
  if (!options.keepLeaves) {
    await tx.$executeRaw`TRUNCATE unit_report`;
    await tx.$executeRaw`INSERT INTO unit_report (unit_id, date, reported_on) SELECT DISTINCT unit_id, date, date FROM figure`;
  }
  for (const level of await childLevels(tx)) {
    await tx.$executeRawUnsafe(
      `INSERT INTO unit_report (unit_id, date, reported_on)
       SELECT d.parent_id, d.date, ${PARENT_REPORTED_ON("d.parent_id", "d.date")}
       FROM (SELECT c.parent_id, r.date FROM unit_report r JOIN unit c ON c.id = r.unit_id
             WHERE c.level = $1 AND c.parent_id IS NOT NULL
             UNION -- the day a child ended moves its parent's reportedOn (unitEnded)
             SELECT c.parent_id, c.dissolved_on FROM unit c
             WHERE c.level = $1 AND c.parent_id IS NOT NULL AND c.dissolved_on IS NOT NULL) d`,
      level,
    );
  }
}
