// `npx tsx --conditions=react-server tests/bench/reorganisation.ts`: the 2025 reorganisation
// (the official 2025 list and mapping, prisma/data) on the whole country's 2023 tree holding a
// year of daily figures up to 30/06/2025 (about 15 million rows, generated once into its own
// database, `vneid_bench_reorg`, and reused): the dry run, the write (ends, new units,
// successions, audit, and the carries of every ended commune's running totals), and its undo,
// each timed. Issue 20 asks for under a minute each. Not part of npm test or npm run bench.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Client } from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedReference } from "@/lib/db/seed/reference";
import { createDatabaseIfMissing, recreateDatabase, withDatabase } from "@/lib/db/url";
import { generateNationalDataset } from "./generate";

const DATABASE = "vneid_bench_reorg";
const LAST_DAY = "2025-06-30";
const DATA = path.resolve(__dirname, "..", "..", "prisma", "data");

async function ready(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT (SELECT count(*) FROM unit WHERE valid_from IS NULL)::int AS units, (SELECT count(*) FROM unit_reorganisation)::int AS reorganisations,
      (SELECT max(date)::text FROM figure) AS last`);
    return rows[0].units === 11_366 && rows[0].reorganisations === 0 && rows[0].last === LAST_DAY;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set");
  const admin = withDatabase(base, "postgres");
  const url = withDatabase(base, DATABASE);
  await createDatabaseIfMissing(admin, DATABASE);
  if (!(await ready(url))) {
    console.log(`Generating the national dataset up to ${LAST_DAY} into ${DATABASE}…`);
    await recreateDatabase(admin, DATABASE);
    await migrate(url);
    const prisma = createPrismaClient(url);
    await seedReference(prisma);
    await prisma.$disconnect();
    const generated = await generateNationalDataset(url, LAST_DAY);
    console.log(`Dataset: ${generated.units} units, ${generated.figures} figures in ${generated.seconds.toFixed(0)} s.`);
  } else {
    await migrate(url);
  }
  process.env.DATABASE_URL = url;
  const { importReorganisation, undoReorganisation } = await import("@/lib/data/reorganisation");
  const { db } = await import("@/lib/db/client");
  const system = { id: null, username: "system", role: "admin" as const, unitPath: null };
  const input = {
    date: "2025-07-01",
    unitsText: readFileSync(path.join(DATA, "admin-units-vn-2025-07.csv"), "utf8"),
    changesText: readFileSync(path.join(DATA, "unit-changes-vn-2025-07.csv"), "utf8"),
  };
  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await work();
    console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  const dry = await timed("dry run", () => importReorganisation(system, { ...input, dryRun: true }));
  if (!dry.ok) throw new Error(`dry run refused: ${JSON.stringify(dry.errors.slice(0, 3))}`);
  const written = await timed("write (with the carries of a year's figures)", () => importReorganisation(system, input));
  if (!written.ok || written.id === null) throw new Error("write refused");
  const [{ carries, sources }] = await db().$queryRaw<{ carries: number; sources: number }[]>`
    SELECT (SELECT count(*) FROM unit_carry)::int AS carries, (SELECT count(*) FROM unit_carry_source)::int AS sources`;
  console.log(`  ${sources} carry sources, ${carries} carry rows`);
  await timed("undo", () => undoReorganisation(system, written.id!, "benchmark"));
  await db().$disconnect();
}

main().then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
