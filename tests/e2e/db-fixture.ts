// Fixtures inserted beside the demo by direct SQL, for the specs of units over time. Both
// Playwright projects share the database: a fixture runs in one transaction under an advisory
// lock of its own, and checks inside whether an earlier run inserted it.
import { Client } from "pg";

/** Runs `insert` in one transaction holding the advisory lock `lock` (a number of the spec's own). */
export async function withFixture(lock: number, insert: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock($1)", [lock]);
    await insert(client);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    await client.end();
  }
}

/** Inserts a unit with its life (first day, day it ended), under the unit at `parentPath`; its id. */
export function unitInserter(client: Client) {
  return async (code: string, name: string, search: string, type: string, level: number, kind: string, parentPath: string | null, from: string | null, to: string): Promise<number> => {
    const { rows: [row] } = await client.query<{ id: number }>(
      `INSERT INTO unit (code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM unit WHERE path = $7), coalesce($7, '') || $1 || '/', $8, $9, now()) RETURNING id`,
      [code, name, search, type, level, kind, parentPath, from, to]);
    return row.id;
  };
}
