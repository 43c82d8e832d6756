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

/** An empty database for `url`, dropped and recreated. */
export async function freshDatabase(url: string): Promise<void> {
  const admin = process.env.DATABASE_URL ?? embeddedUrl("postgres");
  await recreateDatabase(admin, new URL(url).pathname.slice(1));
}

export async function ensureDatabase(url: string): Promise<void> {
  const admin = process.env.DATABASE_URL ?? embeddedUrl("postgres");
  await createDatabaseIfMissing(admin, new URL(url).pathname.slice(1));
}
