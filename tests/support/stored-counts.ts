// How many rows the figure write path has stored, counted in one statement: the figures, their
// audit events, the derived totals and reported-on rows, and the remembered submissions.
// Tests of all-or-nothing compare it with NOTHING_STORED, or before and after a refusal.
import { Client } from "pg";

export interface StoredCounts {
  figures: number;
  audits: number;
  dailyTotals: number;
  unitReports: number;
  submissions: number;
}

export const NOTHING_STORED: StoredCounts = { figures: 0, audits: 0, dailyTotals: 0, unitReports: 0, submissions: 0 };

const COUNTS = `
  SELECT (SELECT count(*) FROM figure)::int AS "figures",
         (SELECT count(*) FROM audit_event WHERE entity = 'figure')::int AS "audits",
         (SELECT count(*) FROM daily_total)::int AS "dailyTotals",
         (SELECT count(*) FROM unit_report)::int AS "unitReports",
         (SELECT count(*) FROM daily_submission)::int AS "submissions"`;

/**
 * Counted on a fresh connection to `databaseUrl`, whatever state the application's pool is in
 * (a test may have just cut its connections).
 */
export async function storedCounts(databaseUrl: string): Promise<StoredCounts> {
  const client = new Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await client.query<StoredCounts>(COUNTS)).rows[0];
  } finally {
    await client.end();
  }
}
