// Running totals across a change of the unit tree (docs/units-over-time.md, "Running totals
// across a reorganisation"). A unit that ends with successors hands its running total on its
// last day to them (table unit_carry, maintained by the SQL function unit_carry_refresh of
// migration 20261208000100): to each by its weight (1 for `full`, the share of a `partial`),
// what no weight covers to the "not allocated" of the successors' common parent. A unit's
// running total on D is then its totals' (view unit_total) plus its carries started by D:
// `CARRIED`, added by every reader (figures-at.ts, rankings.ts, the ranking facts).
import { dayToDate } from "@/lib/domain/dates";
import { ancestorPaths } from "@/lib/auth/permissions";
import { lockScopes, PARENT_REPORTED_ON } from "./totals";
import { RANKING_FACT_LEVELS, refreshRankingFactsOfUnits } from "./ranking-facts";

type Tx = {
  $executeRawUnsafe(sql: string, ...params: unknown[]): PromiseLike<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): PromiseLike<T>;
};

/** SQL: what the carries add to unit `unitSql`'s running total of metric `metricSql` by the end of `daySql`. */
export const CARRIED = (unitSql: string, metricSql: string, daySql: string, column: "amount" | "unallocated" = "amount") =>
  `coalesce((SELECT sum(uc.${column}) FROM unit_carry uc WHERE uc.unit_id = ${unitSql} AND uc.metric_id = ${metricSql} AND uc.from_day <= ${daySql}), 0)`;

/** Recomputes the carries of these ending units (and those their figures reach later), and the ranking facts they move. */
export async function refreshCarries(tx: Tx, sourceIds: readonly number[]): Promise<void> {
  if (sourceIds.length === 0) return;
  await tx.$queryRawUnsafe(`SELECT unit_carry_refresh($1::int[], $2::int[])::text`, [...sourceIds], [...RANKING_FACT_LEVELS]);
}

/**
 * After the daily engine's write (temp table daily_series, in its transaction): the ending
 * units whose figures before their end changed carry a new total on. Their receivers may be
 * in other provinces: those provinces' daily-write locks are taken too.
 */
export async function refreshCarriesAfterWrite(tx: Tx): Promise<void> {
  // nearly always none: the written leaves (temp table daily_ancestor, a row per leaf and
  // ancestor) against the sources' key, before any pass over the written rows
  const written = await tx.$queryRawUnsafe<{ source_id: number }[]>(`
    SELECT s.source_id FROM unit_carry_source s WHERE s.source_id IN (SELECT leaf_id FROM daily_ancestor WHERE unit_id = leaf_id)`);
  if (written.length === 0) return;
  const rows = await tx.$queryRawUnsafe<{ source_id: number }[]>(`
    SELECT DISTINCT s.source_id FROM unit_carry_source s
    JOIN (SELECT unit_id, min(day) AS day FROM daily_series WHERE change AND unit_id = ANY($1::int[]) GROUP BY unit_id) w ON w.unit_id = s.source_id
    WHERE w.day < s.from_day`, written.map((r) => r.source_id));
  if (rows.length === 0) return;
  const sources = rows.map((r) => r.source_id);
  await lockScopes(tx, await receivingRoots(tx, sources));
  await refreshCarries(tx, sources);
}

/** The provinces (roots) of the units these sources' figures reach through their successions. */
async function receivingRoots(tx: Tx, sourceIds: readonly number[]): Promise<number[]> {
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(`
    WITH RECURSIVE reach(id) AS (
      SELECT unnest($1::int[]) UNION SELECT e.successor_id FROM reach r JOIN unit_succession e ON e.predecessor_id = r.id
    )
    SELECT DISTINCT root.id
    FROM (SELECT id FROM reach
          UNION SELECT s.residual_unit_id FROM reach r JOIN unit_carry_source s ON s.source_id = r.id WHERE s.residual_unit_id IS NOT NULL) x
    JOIN unit u ON u.id = x.id
    JOIN unit root ON root.path = split_part(u.path, '/', 1) || '/'`, [...sourceIds]);
  return rows.map((r) => r.id);
}

interface TreeUnit {
  id: number;
  path: string;
  parentId: number | null;
  dissolvedOn: string | null;
}

/** The path of the deepest unit holding all these units' places: their parents (a root: itself). */
function commonHolder(units: readonly TreeUnit[], byId: ReadonlyMap<number, TreeUnit>): string | null {
  const anchors = units.map((u) => (u.parentId === null ? u.path : (byId.get(u.parentId)?.path ?? u.path)));
  if (anchors.length === 0) return null;
  let common = anchors[0].split("/").filter(Boolean);
  for (const anchor of anchors.slice(1)) {
    const parts = anchor.split("/").filter(Boolean);
    let k = 0;
    while (k < common.length && k < parts.length && common[k] === parts[k]) k++;
    common = common.slice(0, k);
  }
  return common.length ? `${common.join("/")}/` : null;
}

/**
 * Writes the carry sources of a reorganisation that ends units on `day` (after its ends and
 * successions are written) and computes their carries: every unit it ended, its residual
 * going to its successors' common parent, or, for a unit with no successor, to that of its
 * nearest ancestor that continues (itself) or has successors. Also recomputes the reportedOn
 * of the continuing parents that lost children (they no longer wait for them from `day`).
 */
export async function carryOnReorganisation(tx: Tx, reorganisationId: number, day: string): Promise<void> {
  const roots = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM unit WHERE parent_id IS NULL`);
  await lockScopes(tx, roots.map((r) => r.id));
  const ended = await tx.$queryRawUnsafe<{ id: number; path: string; parent_id: number | null }[]>(
    `SELECT id, path, parent_id FROM unit WHERE ended_by_reorganisation_id = $1`, reorganisationId);
  if (ended.length === 0) return;
  const edges = await tx.$queryRawUnsafe<{ predecessor_id: number; successor_id: number }[]>(
    `SELECT predecessor_id, successor_id FROM unit_succession WHERE reorganisation_id = $1`, reorganisationId);
  const paths = new Set<string>();
  for (const u of ended) for (const p of ancestorPaths(u.path)) paths.add(p);
  const units = await tx.$queryRawUnsafe<{ id: number; path: string; parent_id: number | null; dissolved_on: Date | null }[]>(`
    SELECT u.id, u.path, u.parent_id, u.dissolved_on FROM unit u
    WHERE u.path = ANY($1::text[]) OR u.id = ANY($2::int[])
       OR u.id IN (SELECT p.parent_id FROM unit p WHERE p.id = ANY($2::int[]))`,
    [...paths], [...new Set(edges.map((e) => e.successor_id))]);
  const byId = new Map<number, TreeUnit>();
  const byPath = new Map<string, TreeUnit>();
  for (const u of [...units, ...ended.map((e) => ({ ...e, dissolved_on: dayToDate(day) }))]) {
    const unit = { id: u.id, path: u.path, parentId: u.parent_id, dissolvedOn: u.dissolved_on ? u.dissolved_on.toISOString().slice(0, 10) : null };
    byId.set(unit.id, unit);
    byPath.set(unit.path, unit);
  }
  const successors = new Map<number, TreeUnit[]>();
  for (const e of edges) {
    const s = byId.get(e.successor_id);
    if (s) successors.set(e.predecessor_id, [...(successors.get(e.predecessor_id) ?? []), s]);
  }
  const continues = (u: TreeUnit) => u.dissolvedOn === null || u.dissolvedOn > day;
  const residualOf = (unit: TreeUnit): number | null => {
    const own = successors.get(unit.id);
    if (own) return byPath.get(commonHolder(own, byId) ?? "")?.id ?? null;
    for (const path of ancestorPaths(unit.path).reverse()) {
      if (path === unit.path) continue;
      const ancestor = byPath.get(path);
      if (!ancestor) continue;
      if (continues(ancestor)) return ancestor.id;
      const next = successors.get(ancestor.id);
      if (next) return byPath.get(commonHolder(next, byId) ?? "")?.id ?? null;
    }
    return null;
  };
  const sources = ended.map((u) => byId.get(u.id)!);
  await tx.$executeRawUnsafe(`
    INSERT INTO unit_carry_source (source_id, from_day, residual_unit_id, reorganisation_id)
    SELECT s, $2::date, r, $3::int FROM unnest($1::int[], $4::int[]) AS v(s, r)
    ON CONFLICT (source_id) DO UPDATE SET from_day = excluded.from_day, residual_unit_id = excluded.residual_unit_id, reorganisation_id = excluded.reorganisation_id`,
    sources.map((s) => s.id), dayToDate(day), reorganisationId, sources.map(residualOf));
  await refreshCarries(tx, sources.map((s) => s.id));
  // (the ended parents too, as a rebuild sees them: none of their children exists from the day)
  await parentsLostChildren(tx, [...new Set(ended.map((u) => u.parent_id).filter((id): id is number => id !== null))], day);
}

/** An administrator's merge of `sourceId` into another unit from `day` (dissolveUnit): its total carried on. */
export async function carryOnMerge(tx: Tx, sourceId: number, day: string): Promise<void> {
  await tx.$executeRawUnsafe(`
    INSERT INTO unit_carry_source (source_id, from_day) VALUES ($1, $2::date)
    ON CONFLICT (source_id) DO UPDATE SET from_day = excluded.from_day, residual_unit_id = NULL, reorganisation_id = NULL`,
    sourceId, dayToDate(day));
  await lockScopes(tx, await receivingRoots(tx, [sourceId]));
  await refreshCarries(tx, [sourceId]);
}

/**
 * Undoing a reorganisation: its carries go, and the units they had reached (and the new
 * units' facts) are refreshed. Call before its units and successions are removed.
 */
export async function dropReorganisationCarries(tx: Tx, reorganisationId: number): Promise<{ unitIds: number[]; day: string | null }> {
  const roots = await tx.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM unit WHERE parent_id IS NULL`);
  await lockScopes(tx, roots.map((r) => r.id));
  const reached = await tx.$queryRawUnsafe<{ unit_id: number; from_day: Date }[]>(`
    DELETE FROM unit_carry WHERE source_id IN (SELECT source_id FROM unit_carry_source WHERE reorganisation_id = $1)
    RETURNING unit_id, from_day`, reorganisationId);
  await tx.$executeRawUnsafe(`DELETE FROM unit_carry_source WHERE reorganisation_id = $1`, reorganisationId);
  const unitIds = [...new Set(reached.map((r) => r.unit_id))];
  const day = reached.length ? reached[0].from_day.toISOString().slice(0, 10) : null;
  return { unitIds, day };
}

/**
 * Parents that continue past `day` while children of theirs end on it: their reportedOn no
 * longer waits for those children from `day`. Each gets a row on `day`, then its rows from
 * `day` are recomputed, the deepest first, with those of its ancestors; the ranking facts follow.
 */
export async function parentsLostChildren(tx: Tx, parentIds: readonly number[], day: string): Promise<void> {
  if (parentIds.length === 0) return;
  const chain = await tx.$queryRawUnsafe<{ id: number; level: number }[]>(`
    SELECT DISTINCT a.id, a.level FROM unit p
    CROSS JOIN LATERAL (SELECT string_to_array(rtrim(p.path, '/'), '/') AS parts) sp
    CROSS JOIN LATERAL generate_series(1, cardinality(sp.parts)) AS g(k)
    JOIN unit a ON a.path = array_to_string(sp.parts[1:g.k], '/') || '/'
    WHERE p.id = ANY($1::int[])`, [...parentIds]);
  await tx.$executeRawUnsafe(`
    INSERT INTO unit_report (unit_id, date, reported_on)
    SELECT u, $2::date, NULL::date FROM unnest($1::int[]) AS s(u) ORDER BY u ON CONFLICT DO NOTHING`,
    chain.map((c) => c.id), dayToDate(day));
  for (const level of [...new Set(chain.map((c) => c.level))].sort((a, b) => b - a)) {
    await tx.$executeRawUnsafe(
      `UPDATE unit_report p SET reported_on = ${PARENT_REPORTED_ON("p.unit_id", "p.date")} WHERE p.unit_id = ANY($1::int[]) AND p.date >= $2::date`,
      chain.filter((c) => c.level === level).map((c) => c.id),
      dayToDate(day),
    );
  }
  await refreshRankingFactsOfUnits(tx, chain.map((c) => c.id), day);
}
