// Ranking facts (table ranking_fact): for the levels ranked across the whole country, each
// unit's running total per metric and its reportedOn as of every day on which any unit of the
// level has a unit_report row, carried forward, so that ranking the 705 districts as of D is
// one index range instead of five lookups per district (docs/dashboards.md, "Benchmark").
// The work is the SQL function ranking_facts_refresh (prisma/migrations/20261206000600_ranking_facts),
// which the migration also ran to fill existing databases; it reads unit_total (daily_total
// and the leaves' figures) and unit_report, so it runs after them, in the same transaction and under the same
// province locks (lockScopes) as the write that moved them.
import { dayToDate } from "@/lib/domain/dates";

type Tx = { $executeRawUnsafe(sql: string, ...params: unknown[]): PromiseLike<number> };

/**
 * The levels with facts: those a national ranking lists many units of (63 provinces, 705
 * districts). A province's or a district's own ranking reads its few children directly;
 * communes (10,598 × 4 metrics × 365 days) are not kept.
 */
export const RANKING_FACT_LEVELS: readonly number[] = [1, 2];

const REFRESH = `SELECT ranking_facts_refresh($1::int[], array_agg(c.unit_id), array_agg(c.from_day))::text FROM`;

/**
 * After the daily engine's write (lib/data/daily-engine.ts), in its transaction: each unit
 * whose totals moved (temp tables daily_shift: the parents; daily_series: the leaves written)
 * or whose reportedOn was recomputed (daily_report_from) is refreshed from its first such day.
 */
export async function refreshRankingFactsAfterWrite(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(
    `${REFRESH} (SELECT unit_id, min(day) AS from_day FROM daily_shift GROUP BY unit_id
                 UNION ALL SELECT unit_id, min(day) FROM daily_series WHERE change GROUP BY unit_id
                 UNION ALL SELECT unit_id, from_day FROM daily_report_from) c`,
    RANKING_FACT_LEVELS,
  );
}

/** A unit ended on `day` (lib/data/totals.ts unitEnded): its ancestors' reportedOn moved from that day. */
export async function refreshRankingFactsOfUnits(tx: Tx, unitIds: readonly number[], day: string): Promise<void> {
  if (unitIds.length === 0) return;
  await tx.$executeRawUnsafe(
    `${REFRESH} (SELECT s.u AS unit_id, $3::date AS from_day FROM unnest($2::int[]) AS s(u)) c`,
    RANKING_FACT_LEVELS,
    [...unitIds],
    dayToDate(day),
  );
}

/** Every fact again, from daily_total and unit_report (after rebuildTotals, and as the tests' reference). */
export async function rebuildRankingFacts(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`TRUNCATE ranking_fact`);
  await tx.$executeRawUnsafe(
    `${REFRESH} (SELECT id AS unit_id, '-infinity'::date AS from_day FROM unit WHERE level = ANY($1::int[])) c`,
    RANKING_FACT_LEVELS,
  );
}
