// `npm run db:restore -- --file F [--database NAME] [--replace]`: loads a backup made by
// `npm run db:backup` into an empty database: DATABASE_URL's (or the embedded `vneid`), or
// NAME on the same server, created when missing. `--replace` first drops everything in the
// target database (stop the application before). All or nothing.
import { existsSync } from "node:fs";
import { Client } from "pg";
import { restoreDatabase } from "@/lib/db/backup";
import { embeddedUrl } from "@/lib/db/embedded";
import { createDatabaseIfMissing, resolveDatabaseUrl, withDatabase } from "@/lib/db/url";
import { CliError, parseArgs, runCommand } from "./command";

async function dropEverything(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET client_min_messages = warning");
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  if (typeof options.file !== "string") throw new CliError("usage: npm run db:restore -- --file BACKUP [--database NAME] [--replace]");
  if (!existsSync(options.file)) throw new CliError(`no such file: ${options.file}`);
  let url = await resolveDatabaseUrl();
  if (typeof options.database === "string") {
    const admin = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : embeddedUrl("postgres");
    await createDatabaseIfMissing(admin, options.database);
    url = withDatabase(url, options.database);
  }
  if (options.replace === true) await dropEverything(url);
  const summary = await restoreDatabase(url, options.file);
  for (const table of summary.tables) console.log(`${table.name.padEnd(24)} ${String(table.rows).padStart(10)}`);
  console.log(`Restored ${summary.rows} rows into ${new URL(url).pathname.slice(1)}${summary.migrationsApplied.length ? `; then applied ${summary.migrationsApplied.join(", ")}` : ""}.`);
});
