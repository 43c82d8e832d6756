// The ranking facts kept on write (lib/data/ranking-facts.ts) against a rebuild from
// daily_total and unit_report (rebuildRankingFacts), in SQL. The rebuild is rolled back: the
// store is left exactly as the code under test wrote it.
import { rebuildRankingFacts } from "@/lib/data/ranking-facts";
import type { Db } from "@/lib/db/client";

const EXAMPLES = 10;
const FACTS = "SELECT level, metric_id, date, unit_id, cumulative, reported_on FROM ranking_fact";

class RolledBack extends Error {
  constructor(readonly rows: string[], readonly count: number) {
    super("rolled back");
  }
}

/**
 * Rows (as JSON text, at most 10 each way) that the maintained facts and a rebuild do not
 * share, labelled by which side has them, and how many facts there are: empty when they agree.
 */
export async function rankingFactsAgainstRebuild(db: Db): Promise<{ differences: string[]; facts: number }> {
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE kept_fact ON COMMIT DROP AS ${FACTS}`);
      await rebuildRankingFacts(tx);
      const rows = await tx.$queryRawUnsafe<{ row: string }[]>(`
        (SELECT 'maintained ' || row_to_json(d)::text AS row FROM (TABLE kept_fact EXCEPT ALL ${FACTS}) d LIMIT ${EXAMPLES})
        UNION ALL
        (SELECT 'rebuilt ' || row_to_json(d)::text AS row FROM (${FACTS} EXCEPT ALL TABLE kept_fact) d LIMIT ${EXAMPLES})`);
      const [{ count }] = await tx.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM kept_fact`);
      throw new RolledBack(rows.map((r) => r.row), count);
    }, { timeout: 600_000, maxWait: 60_000 });
  } catch (error) {
    if (error instanceof RolledBack) return { differences: error.rows, facts: error.count };
    throw error;
  }
  throw new Error("unreachable: the comparison always rolls back");
}
