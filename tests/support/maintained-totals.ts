// The totals kept on write (each figure's running total, daily_total, unit_report) against a
// rebuild from the stored daily counts (rebuildTotals, as tests/support/stored-figures.ts
// compares them), done in SQL so that it stays quick at the sizes of a national import. The
// rebuild is rolled back: the store is left exactly as the code under test wrote it.
import { rebuildTotals } from "@/lib/data/totals";
import type { Db } from "@/lib/db/client";

/** Rows (as JSON text, at most EXAMPLES per table) that differ, labelled by which side has them. */
export interface TotalsDifference {
  figureCumulative: string[];
  dailyTotal: string[];
  unitReport: string[];
}

const EXAMPLES = 10;

class RolledBack extends Error {
  constructor(readonly difference: TotalsDifference) {
    super("rolled back");
  }
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Rows of the kept snapshot `kept` and of the rebuilt `query` that the other has not. */
async function differing(tx: Tx, kept: string, query: string): Promise<string[]> {
  const rows = await tx.$queryRawUnsafe<{ row: string }[]>(`
    (SELECT 'maintained ' || row_to_json(d)::text AS row FROM (TABLE ${kept} EXCEPT ALL ${query}) d LIMIT ${EXAMPLES})
    UNION ALL
    (SELECT 'rebuilt ' || row_to_json(d)::text AS row FROM (${query} EXCEPT ALL TABLE ${kept}) d LIMIT ${EXAMPLES})`);
  return rows.map((r) => r.row);
}

/** What differs between the maintained totals and a rebuild: empty lists when they agree. */
export async function totalsAgainstRebuild(db: Db): Promise<TotalsDifference> {
  const cumulative = "SELECT unit_id, metric_id, date, cumulative FROM figure";
  const totals = "SELECT unit_id, metric_id, date, daily, cumulative FROM daily_total";
  const reports = "SELECT unit_id, date, reported_on FROM unit_report";
  try {
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE kept_cumulative ON COMMIT DROP AS ${cumulative}`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE kept_total ON COMMIT DROP AS ${totals}`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE kept_report ON COMMIT DROP AS ${reports}`);
      await rebuildTotals(tx);
      throw new RolledBack({
        figureCumulative: await differing(tx, "kept_cumulative", cumulative),
        dailyTotal: await differing(tx, "kept_total", totals),
        unitReport: await differing(tx, "kept_report", reports),
      });
    }, { timeout: 600_000, maxWait: 60_000 });
  } catch (error) {
    if (error instanceof RolledBack) return error.difference;
    throw error;
  }
  throw new Error("unreachable: the comparison always rolls back");
}
