// `npx tsx --conditions=react-server tests/bench/units-import.ts`: the official unit lists
// through the units import (lib/data/import.ts → the units' writer), into an empty database,
// then the same file again (nothing to change) and the file with every name changed (every
// unit updated and audited). Not part of npm test or npm run bench.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrate } from "@/lib/db/migrate";
import { recreateDatabase, withDatabase } from "@/lib/db/url";

const LISTS = ["admin-units-vn-2023-04.csv", "admin-units-vn-2025-07.csv"];
const DIR = process.env.UNITS_DIR ?? path.resolve(__dirname, "..", "..", "..", "shared", "data");

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const url = withDatabase(base, `${new URL(base).pathname.slice(1)}_units_bench`);
  process.env.DATABASE_URL = url;
  const { importCsv } = await import("@/lib/data/import");
  const { db } = await import("@/lib/db/client");
  const admin = { id: null, username: "system", role: "admin" as const, unitPath: null };
  for (const list of LISTS) {
    await recreateDatabase(withDatabase(base, "postgres"), new URL(url).pathname.slice(1));
    await migrate(url);
    const text = readFileSync(path.join(DIR, list), "utf8");
    const renamed = text.split("\n").map((line, i) => (i === 0 || !line ? line : line.replace(/^([^,]+),([^,]+),/, "$1,$2 mới,"))).join("\n");
    for (const [label, file] of [["empty database", text], ["same file again", text], ["every name changed", renamed]] as const) {
      const start = performance.now();
      const result = await importCsv(admin, "units", file);
      const ms = performance.now() - start;
      const audits = await db().auditEvent.count();
      console.log(`${list} ${label}: ok=${result.ok} rows=${result.rows} ${(ms / 1000).toFixed(2)} s, audit events so far ${audits}${result.ok ? "" : ` ${JSON.stringify(result.errors.slice(0, 3))}`}`);
    }
    await db().$disconnect();
  }
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
