// The project's migration runner. Prisma's CLI cannot fetch its schema engine on a closed
// network, so migrations (SQL in Prisma's folder layout) are applied here, and recorded in
// a `_prisma_migrations` table of Prisma's own shape and checksums, so that
// `prisma migrate status` and `deploy` agree wherever Prisma's engines are available.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";

export const MIGRATIONS_DIR = path.resolve(__dirname, "..", "..", "prisma", "migrations");
/** Arbitrary constant naming our advisory lock: two runners never migrate at once. */
const ADVISORY_LOCK_KEY = 720_06_2023;

export class MigrationError extends Error {}

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      // Prisma's checksum: SHA-256 of the file's bytes, hex.
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies every pending migration in order, each in its own transaction. Refuses to run
 * when an applied migration's file changed since (checksum) or a migration failed earlier.
 * Returns the names of the migrations it applied.
 */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR, options: { upTo?: string } = {}): Promise<string[]> {
  const all = readMigrations(dir);
  // `upTo` (a restore bringing a database to a backup's level first) stops after that migration.
  const migrations = options.upTo === undefined ? all : all.filter((m) => m.name <= (options.upTo as string));
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(rows.map((row) => [row.migration_name, row]));
    for (const row of rows) {
      if (!row.finished_at) {
        throw new MigrationError(
          `Migration ${row.migration_name} failed earlier and was not completed. Fix the database by hand, then mark it rolled back.`,
        );
      }
    }
    for (const migration of migrations) {
      const done = byName.get(migration.name);
      if (done) {
        if (done.checksum !== migration.checksum) {
          throw new MigrationError(
            `Migration ${migration.name} was changed after it was applied (checksum differs). ` +
              `Restore the original file and put the change in a new migration.`,
          );
        }
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      applied.push(migration.name);
    }
    const known = new Set(all.map((m) => m.name));
    const unknown = rows.filter((row) => !known.has(row.migration_name)).map((row) => row.migration_name);
    if (unknown.length > 0) {
      throw new MigrationError(`The database has migrations this code does not know: ${unknown.join(", ")}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock_all()").catch(() => undefined);
    await client.end();
  }
  return applied;
}
