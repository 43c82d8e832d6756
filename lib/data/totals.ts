// Keeps `figure.cumulative`, the `daily_total` rows of a leaf and all its ancestors, and
// their `unit_report` rows exact when a figure is written. Called inside the writing
// transaction; the rebuild functions recompute everything set-based after bulk loads.
import type { Db } from "@/lib/db/client";
import { dayToDate } from "@/lib/domain/dates";
import { EXISTS_ON } from "@/lib/db/unit-lifetime";

type Tx = Pick<Db, "$executeRaw" | "$executeRawUnsafe" | "$queryRaw">;

export interface TotalShift {
  unitId: number;
  metricId: number;
  day: string;
  /** change of the day's count; 0 still creates the row (a unit that reported 0 has reported) */
  delta: number;
}

/** A leaf that has a figure on `day`: its `unit_report` rows and its ancestors' may move. */
export interface ReportMark {
  /** root first, the leaf last */
  unitIds: number[];
  day: string;
}

/** Advisory-lock key of a unit's reportedOn series; metric ids start at 1. */
const REPORT_SERIES = 0;

/**
 * Takes the transaction-scoped advisory locks of these (unit, metric) series, in one
 * statement and always in the same order, so that transactions wanting the same series queue
 * instead of deadlocking. A transaction may take a lock it already holds.
 */
export async function lockSeries(tx: Tx, series: readonly { unitId: number; metricId: number }[]): Promise<void> {
  if (series.length === 0) return;
  await tx.$queryRaw`
    SELECT pg_advisory_xact_lock(s.u, s.m)::text
    FROM (SELECT DISTINCT u, m FROM unnest(${series.map((s) => s.unitId)}::int[], ${series.map((s) => s.metricId)}::int[]) AS x(u, m) ORDER BY u, m) s`;
}

/**
 * Applies many shifts (at most one per unit, metric and day) in four statements, for a whole
 * submission, then the reportedOn of the leaves that reported and of their ancestors.
 * Parents' rows (a district, the province) are touched by every save in the province, so the
 * statements are few and come last in the transaction, and each (unit, metric) series, and
 * each unit's reportedOn series (unit, 0), is first locked with a transaction-scoped advisory
 * lock, all in one statement and always in the same order: concurrent saves then queue
 * instead of deadlocking, a row created for a later day never misses a shift made meanwhile
 * to an earlier day of the same series, and a parent's reportedOn is recomputed from its
 * children's rows as committed by the save before.
 */
export async function shiftTotalsBatch(tx: Tx, shifts: readonly TotalShift[], reports: readonly ReportMark[] = []): Promise<void> {
  if (shifts.length === 0 && reports.length === 0) return;
  const units = shifts.map((s) => s.unitId);
  const metrics = shifts.map((s) => s.metricId);
  const dates = shifts.map((s) => dayToDate(s.day));
  const deltas = shifts.map((s) => s.delta);
  const reportUnits = [...new Set(reports.flatMap((r) => r.unitIds))];
  await lockSeries(tx, [...shifts, ...reportUnits.map((unitId) => ({ unitId, metricId: REPORT_SERIES }))]);
  if (shifts.length > 0) {
    await tx.$executeRaw`
      INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
      SELECT s.u, s.m, s.d, 0,
        COALESCE((SELECT t.cumulative FROM daily_total t
                  WHERE t.unit_id = s.u AND t.metric_id = s.m AND t.date < s.d
                  ORDER BY t.date DESC LIMIT 1), 0)
      FROM unnest(${units}::int[], ${metrics}::int[], ${dates}::date[]) AS s(u, m, d)
      ORDER BY s.u, s.m, s.d
      ON CONFLICT DO NOTHING`;
  }
  if (deltas.some((d) => d !== 0)) {
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
  await markReported(tx, reports);
}

// reportedOn of a parent on day D: the earliest of its children's that still exist on D,
// null while one of them has none.
const PARENT_REPORTED_ON = (parentIdSql: string, dateSql: string) => `
  (SELECT CASE WHEN bool_or(x.reported_on IS NULL) THEN NULL ELSE min(x.reported_on) END
   FROM unit c
   LEFT JOIN LATERAL (SELECT r.reported_on FROM unit_report r
                      WHERE r.unit_id = c.id AND r.date <= ${dateSql} ORDER BY r.date DESC LIMIT 1) x ON true
   WHERE c.parent_id = ${parentIdSql} AND ${EXISTS_ON("c", dateSql)})`;

/**
 * Records that each leaf (the last of `unitIds`, root first) has a figure on its day, then
 * updates the `unit_report` rows of the ancestors whose reportedOn may have moved: for each
 * new (leaf, day), the ancestors' rows from that day up to the leaf's next report day. One
 * ancestor level at a time, the deepest first (a parent's row is computed from its
 * children's), in two statements per level, however many leaves and days a save or an import
 * brings.
 */
async function markReported(tx: Tx, reports: readonly ReportMark[]): Promise<void> {
  if (reports.length === 0) return;
  const inserted = await tx.$queryRaw<{ leaf: number; day: string }[]>`
    INSERT INTO unit_report (unit_id, date, reported_on)
    SELECT s.l, s.d, s.d
    FROM unnest(${reports.map((r) => r.unitIds[r.unitIds.length - 1])}::int[], ${reports.map((r) => r.day)}::date[]) AS s(l, d)
    ORDER BY s.l, s.d
    ON CONFLICT DO NOTHING
    RETURNING unit_id AS leaf, to_char(date, 'YYYY-MM-DD') AS day`;
  if (inserted.length === 0) return;
  // Each new report moves its ancestors' rows up to the leaf's next report (this save's included).
  const nextReports = await tx.$queryRaw<{ leaf: number; day: string; until: string }[]>`
    SELECT s.l AS leaf, s.d::text AS day,
      COALESCE((SELECT min(r.date) FROM unit_report r WHERE r.unit_id = s.l AND r.date > s.d), '9999-12-31'::date)::text AS until
    FROM unnest(${inserted.map((r) => r.leaf)}::int[], ${inserted.map((r) => r.day)}::date[]) AS s(l, d)`;
  const untilOf = new Map(nextReports.map((r) => [`${r.leaf}|${r.day}`, r.until]));
  const ranges = reports.flatMap((report) => {
    const until = untilOf.get(`${report.unitIds[report.unitIds.length - 1]}|${report.day}`);
    return until === undefined ? [] : report.unitIds.slice(0, -1).map((unitId, depth) => ({ unitId, depth, from: report.day, until }));
  });
  const deepest = ranges.reduce((max, r) => Math.max(max, r.depth), -1);
  for (let depth = deepest; depth >= 0; depth--) {
    const level = ranges.filter((r) => r.depth === depth);
    const unitIds = level.map((r) => r.unitId);
    const froms = level.map((r) => r.from);
    await tx.$executeRaw`
      INSERT INTO unit_report (unit_id, date, reported_on)
      SELECT DISTINCT s.u, s.d, NULL::date FROM unnest(${unitIds}::int[], ${froms}::date[]) AS s(u, d)
      ORDER BY s.u, s.d
      ON CONFLICT DO NOTHING`;
    await tx.$executeRawUnsafe(
      `UPDATE unit_report p SET reported_on = ${PARENT_REPORTED_ON("p.unit_id", "p.date")}
       WHERE EXISTS (SELECT 1 FROM unnest($1::int[], $2::date[], $3::date[]) AS s(u, d, until)
                     WHERE p.unit_id = s.u AND p.date >= s.d AND p.date < s.until)`,
      unitIds,
      froms,
      level.map((r) => r.until),
    );
  }
}

/**
 * A unit ended on `day`: its ancestors' reportedOn no longer waits for it from that day on.
 * Gives each ancestor (root first) a row on `day`, then recomputes their rows from `day`,
 * the deepest first, under the same reportedOn locks the saves take.
 */
export async function unitEnded(tx: Tx, ancestorIds: readonly number[], day: string): Promise<void> {
  if (ancestorIds.length === 0) return;
  await lockSeries(tx, ancestorIds.map((unitId) => ({ unitId, metricId: REPORT_SERIES })));
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
    FROM (SELECT id, SUM(value) OVER (PARTITION BY unit_id, metric_id ORDER BY date) AS cumulative FROM figure) s
    WHERE f.id = s.id AND f.cumulative IS DISTINCT FROM s.cumulative`;
  await rebuildDailyTotals(tx);
  await rebuildUnitReports(tx);
}

/** The unit levels that have a parent, deepest first: parents are built from their children. */
async function childLevels(tx: Tx): Promise<number[]> {
  const rows = await tx.$queryRaw<{ level: number }[]>`
    SELECT DISTINCT level FROM unit WHERE parent_id IS NOT NULL ORDER BY level DESC`;
  return rows.map((row) => row.level);
}

/**
 * daily_total from the leaves' figures, then one level up at a time (GROUP BY parent), so
 * that national volumes never join every unit with every ancestor.
 */
export async function rebuildDailyTotals(tx: Tx): Promise<void> {
  await tx.$executeRaw`TRUNCATE daily_total`;
  // A leaf's totals are its figures (whose running totals are exact: rebuildTotals fixes them first).
  await tx.$executeRaw`
    INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
    SELECT unit_id, metric_id, date, value, cumulative FROM figure`;
  for (const level of await childLevels(tx)) {
    await tx.$executeRaw`
      INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
      SELECT parent_id, metric_id, date, daily, SUM(daily) OVER (PARTITION BY parent_id, metric_id ORDER BY date)
      FROM (
        SELECT c.parent_id, t.metric_id, t.date, SUM(t.daily)::int AS daily
        FROM daily_total t JOIN unit c ON c.id = t.unit_id
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
