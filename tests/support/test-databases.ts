// Where the test suites keep their data: databases next to the application's, on the same
// server (the embedded one, or DATABASE_URL's), so tests never touch real figures.
import { ensureEmbeddedPostgres, embeddedUrl } from "@/lib/db/embedded";
import { createDatabaseIfMissing, recreateDatabase, withDatabase } from "@/lib/db/url";

export async function testDatabaseUrl(suffix: "test" | "e2e"): Promise<string> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const base = new URL(configured).pathname.slice(1) || "postgres";
    return withDatabase(configured, `${base}_${suffix}`.replace(/[^a-z0-9_]/gi, "_").toLowerCase());
  }
  await ensureEmbeddedPostgres();
  return embeddedUrl(`vneid_${suffix}`);
}

/** The server's maintenance database, from which databases are created and dropped. */
function adminUrl(): string {
  const configured = process.env.DATABASE_URL;
  return configured ? withDatabase(configured, "postgres") : embeddedUrl("postgres");
}

/** An empty database for `url`, dropped and recreated. */
export async function freshDatabase(url: string): Promise<void> {
  await recreateDatabase(adminUrl(), new URL(url).pathname.slice(1));
}

export async function ensureDatabase(url: string): Promise<void> {
  await createDatabaseIfMissing(adminUrl(), new URL(url).pathname.slice(1));
}
