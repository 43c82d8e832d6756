// `npm run db:backup [-- --out FILE]`: a consistent backup of the application's database
// (DATABASE_URL, or the embedded server) to one gzip file the operator keeps (format and
// why not pg_dump: lib/db/backup.ts). Default: backups/vneid-<date>-<time>.jsonl.gz.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { backupDatabase } from "@/lib/db/backup";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { parseArgs, runCommand } from "./command";

runCommand(async () => {
  const { options } = parseArgs(process.argv.slice(2));
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const file = typeof options.out === "string" ? path.resolve(options.out) : path.resolve("backups", `vneid-${stamp}.jsonl.gz`);
  mkdirSync(path.dirname(file), { recursive: true });
  const url = await resolveDatabaseUrl();
  const header = await backupDatabase(url, file);
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  for (const table of header.tables) console.log(`${table.name.padEnd(24)} ${String(table.rows).padStart(10)}`);
  console.log(`Backup written: ${file} (${rows} rows, migration ${header.migrations.at(-1) ?? "none"}).`);
});
