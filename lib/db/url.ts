// Which PostgreSQL to use: DATABASE_URL when set, otherwise the embedded server.
import { Client } from "pg";
import { embeddedUrl, ensureEmbeddedPostgres } from "./embedded";

export const EMBEDDED_DATABASE = "vneid";

/**
 * Returns the connection string for `database` (default: the application database),
 * starting the embedded PostgreSQL and creating the database when needed.
 */
export async function resolveDatabaseUrl(database = EMBEDDED_DATABASE): Promise<string> {
  const configured = process.env.DATABASE_URL;
  if (configured) return configured;
  await ensureEmbeddedPostgres();
  await createDatabaseIfMissing(embeddedUrl("postgres"), database);
  return embeddedUrl(database);
}

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name: ${database}`);
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by another process
      });
    }
  } finally {
    await client.end();
  }
}

/** Drops and recreates `database` (tests only). */
export async function recreateDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${database}" ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

/** The URL of the same server with another database name. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
