// Generates the national benchmark dataset into its own database: the official list of
// 63 provinces, 705 districts and 10,598 communes, one campaign with two milestones and
// targets for every unit and metric, and a year of daily figures for every commune and the
// four metrics (about 15 million rows), streamed with PostgreSQL COPY. The maintained totals
// (daily_total, unit_report) are then built set-based, level by level, as after any bulk load.
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { readOfficialUnits } from "@/lib/db/seed/official-units";
import { addDays } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";
import { unitKindOf } from "@/lib/domain/unit-kinds";
import { rebuildDailyTotals, rebuildUnitReports } from "@/lib/data/totals";
import { rebuildRankingFacts } from "@/lib/data/ranking-facts";
import { createPrismaClient } from "@/lib/db/client";
import { embeddedUrl, ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { seedReference } from "@/lib/db/seed/reference";
import { createDatabaseIfMissing, recreateDatabase } from "@/lib/db/url";
import { todayInVietnam } from "@/lib/domain/dates";
import { seededRandom } from "@/lib/domain/random";

export const BENCH_DAYS = 365;
export const BENCH_CAMPAIGN = "bench-2023";
/** The benchmarks' own database, beside the application's. */
export const BENCH_DATABASE = "vneid_bench";

interface BenchUnit {
  id: number;
  code: string;
  parentId: number | null;
  level: number;
  path: string;
}

async function copyRows(client: Client, sql: string, rows: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(sql)) as unknown as Writable;
  // Batch lines into ~1 MB chunks: far fewer writes than one per row.
  function* chunks() {
    let buffer = "";
    for (const row of rows) {
      buffer += row;
      if (buffer.length > 1_000_000) {
        yield buffer;
        buffer = "";
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), stream);
}

const log = (message: string, started: number) => console.log(`  ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

export async function generateNationalDataset(url: string, today: string): Promise<{ units: number; figures: number; seconds: number }> {
  const begin = Date.now();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '512MB'; SET work_mem = '64MB'");

  // Units, with ids and paths computed here so that one COPY loads them all.
  let t = Date.now();
  const official = readOfficialUnits().sort((a, b) => Number(a.level) - Number(b.level));
  const byCode = new Map<string, BenchUnit>();
  const units: BenchUnit[] = [];
  const unitLines: string[] = [];
  const now = new Date().toISOString();
  for (const [index, u] of official.entries()) {
    const parent = u.parent_code ? byCode.get(u.parent_code)! : null;
    const unit: BenchUnit = { id: index + 1, code: u.code, parentId: parent?.id ?? null, level: Number(u.level), path: `${parent?.path ?? ""}${u.code}/` };
    byCode.set(u.code, unit);
    units.push(unit);
    const text = (s: string) => s.replace(/[\t\n\\]/g, " ");
    unitLines.push([unit.id, u.code, text(u.name), searchKey(u.name), text(u.type), unitKindOf(unit.level, u.type), unit.level, unit.parentId ?? "\\N", unit.path, now].join("\t") + "\n");
  }
  await copyRows(client, "COPY unit (id, code, name, search_name, type, kind, level, parent_id, path, updated_at) FROM STDIN", unitLines);
  await client.query("SELECT setval(pg_get_serial_sequence('unit', 'id'), (SELECT max(id) FROM unit))");
  log(`${units.length} units`, t);

  const metrics = (await client.query<{ id: number; code: string }>("SELECT id, code FROM metric ORDER BY sort_order")).rows;
  const start = addDays(today, -(BENCH_DAYS - 1));
  const midMilestone = addDays(today, 14);
  const endMilestone = addDays(today, 60);
  const campaign = await client.query<{ id: number }>(
    "INSERT INTO campaign (code, name, start_date, end_date) VALUES ($1, 'Đợt đo hiệu năng (toàn quốc)', $2, $3) RETURNING id",
    [BENCH_CAMPAIGN, start, endMilestone],
  );
  const campaignId = campaign.rows[0].id;

  // Leaves: communes, and districts without communes. Targets from a population per leaf,
  // summed up the tree so every unit has its own target (as provinces assign them).
  const hasChildren = new Set(units.filter((u) => u.parentId !== null).map((u) => u.parentId));
  const leaves = units.filter((u) => !hasChildren.has(u.id));
  const rand = seededRandom(63);
  const population = new Map(leaves.map((leaf) => [leaf.id, 2000 + Math.floor(rand() * 14000)]));
  const shares = { dossiers: 0.9, accounts: 0.8, activated: 0.7, cccd: 0.3 } as Record<string, number>;
  const targets = new Map<string, number>();
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const leaf of leaves) {
    for (const metric of metrics) {
      for (const [due, share] of [[midMilestone, 0.6], [endMilestone, 1]] as const) {
        const value = Math.round(population.get(leaf.id)! * shares[metric.code] * share);
        for (let u: BenchUnit | undefined = leaf; u; u = u.parentId ? byId.get(u.parentId) : undefined) {
          const key = `${u.id}\t${metric.id}\t${due}`;
          targets.set(key, (targets.get(key) ?? 0) + value);
        }
      }
    }
  }
  t = Date.now();
  await copyRows(client, "COPY target (campaign_id, unit_id, metric_id, due_date, value) FROM STDIN",
    (function* () { for (const [key, value] of targets) yield `${campaignId}\t${key}\t${value}\n`; })());
  log(`${targets.size} targets`, t);

  // Figures: a year of daily counts, without the indexes, which are rebuilt once afterwards (far
  // faster than maintaining them row by row). Figure's references are checked by a statement
  // trigger (migration 20261206000000), once for the whole COPY; daily_total has no keys.
  t = Date.now();
  await client.query(`
    ALTER TABLE figure DROP CONSTRAINT figure_pkey;
    DROP INDEX figure_unit_id_date_idx;
    ALTER TABLE daily_total DROP CONSTRAINT daily_total_pkey;
    ALTER TABLE unit_report DROP CONSTRAINT unit_report_pkey;`);
  const days = Array.from({ length: BENCH_DAYS }, (_, d) => addDays(start, d));
  const weekend = days.map((day) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
  let figures = 0;
  function* figureLines() {
    for (const [index, leaf] of leaves.entries()) {
      const pace = 0.15 + ((index * 7919) % 100) / 100 * 0.8;
      const perDay = (population.get(leaf.id)! / BENCH_DAYS) * pace;
      const cumulative = [0, 0, 0, 0];
      // A few communes are late: the last days are missing.
      const missing = index % 97 === 0 ? 3 : index % 31 === 0 ? 1 : 0;
      let block = "";
      for (let d = 0; d < BENCH_DAYS - missing; d++) {
        const dossiers = Math.round(perDay * (weekend[d] ? 0.4 : 1) * (0.6 + rand() * 0.8));
        const accounts = Math.round(dossiers * (0.8 + rand() * 0.15));
        const activated = Math.min(accounts, Math.round(accounts * (0.5 + pace * 0.3)));
        const cccd = Math.round(dossiers * 0.3 * rand());
        const counts = [dossiers, accounts, activated, cccd];
        for (let m = 0; m < 4; m++) {
          cumulative[m] += counts[m];
          block += `${leaf.id}\t${metrics[m].id}\t${days[d]}\t${counts[m]}\t${cumulative[m]}\n`;
        }
        figures += 4;
      }
      yield block;
    }
  }
  await copyRows(client, "COPY figure (unit_id, metric_id, date, value, cumulative) FROM STDIN", figureLines());
  log(`${figures.toLocaleString("en")} figures copied`, t);
  t = Date.now();
  await client.query(`
    ALTER TABLE figure ADD CONSTRAINT figure_pkey PRIMARY KEY (unit_id, metric_id, date);
    CREATE INDEX figure_unit_id_date_idx ON figure (unit_id, date);`);
  log("figure indexes", t);
  await client.end();


  // The maintained totals, set-based and level by level: the same functions as after a seed,
  // in transactions without the application's statement timeout (these take minutes).
  const prisma = createPrismaClient(url);
  const longTransaction = <T>(work: (tx: Parameters<Parameters<typeof prisma.$transaction>[0]>[0]) => Promise<T>) =>
    prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL statement_timeout = 0");
      await tx.$executeRawUnsafe("SET LOCAL maintenance_work_mem = '512MB'");
      await tx.$executeRawUnsafe("SET LOCAL work_mem = '64MB'");
      return work(tx);
    }, { timeout: 3_600_000, maxWait: 60_000 });
  t = Date.now();
  await longTransaction((tx) => rebuildDailyTotals(tx));
  log("daily_total rows (each level up from the leaves)", t);
  t = Date.now();
  await longTransaction(async (tx) => {
    await tx.$executeRawUnsafe("ALTER TABLE daily_total ADD CONSTRAINT daily_total_pkey PRIMARY KEY (unit_id, metric_id, date)");
  });
  log("daily_total key", t);
  t = Date.now();
  // unit_report's parent rows look up their children's rows: the key must exist first.
  await longTransaction(async (tx) => {
    await tx.$executeRawUnsafe("TRUNCATE unit_report");
    await tx.$executeRawUnsafe("INSERT INTO unit_report (unit_id, date, reported_on) SELECT DISTINCT unit_id, date, date FROM figure");
    await tx.$executeRawUnsafe("ALTER TABLE unit_report ADD CONSTRAINT unit_report_pkey PRIMARY KEY (unit_id, date)");
    await rebuildUnitReports(tx, { keepLeaves: true });
  });
  log("unit_report built", t);
  t = Date.now();
  await longTransaction((tx) => rebuildRankingFacts(tx));
  log("ranking facts (provinces, districts)", t);
  await prisma.$disconnect();
  t = Date.now();
  const vacuum = new Client({ connectionString: url });
  await vacuum.connect();
  await vacuum.query("VACUUM ANALYZE");
  await vacuum.end();
  log("vacuum analyze", t);
  return { units: units.length, figures, seconds: (Date.now() - begin) / 1000 };
}

export function benchUrls(): { admin: string; bench: string } {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const at = (db: string) => { const u = new URL(configured); u.pathname = `/${db}`; return u.toString(); };
    return { admin: at("postgres"), bench: at(BENCH_DATABASE) };
  }
  return { admin: embeddedUrl("postgres"), bench: embeddedUrl(BENCH_DATABASE) };
}

async function datasetComplete(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const row = await client.query(`SELECT
      (SELECT count(*) FROM unit)::int AS units,
      (SELECT count(*) FROM campaign WHERE code = $1)::int AS campaigns,
      (SELECT count(*) FROM pg_indexes WHERE indexname = 'unit_report_pkey')::int AS done,
      (SELECT start_date::text FROM campaign WHERE code = $1) AS start`, [BENCH_CAMPAIGN]);
    return row.rows[0].units === 11_366 && row.rows[0].campaigns === 1 && row.rows[0].done === 1;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

/**
 * The national dataset every benchmark reads (`npm run bench`: the read API and the weekly
 * report), generated once into `vneid_bench` and reused while complete; `fresh` regenerates it.
 */
export async function ensureNationalDataset(fresh: boolean): Promise<{ url: string; generation: string }> {
  if (!process.env.DATABASE_URL) await ensureEmbeddedPostgres();
  const urls = benchUrls();
  await createDatabaseIfMissing(urls.admin, BENCH_DATABASE);
  if (!fresh && (await datasetComplete(urls.bench))) {
    // a dataset of an earlier run is brought to the current schema first (the runner applies
    // only what is pending): the app under measurement reads what today's migrations made
    await migrate(urls.bench);
    return { url: urls.bench, generation: "reused the dataset of an earlier run (`npm run bench -- --fresh` to regenerate)" };
  }
  console.log(`Generating the national dataset into ${BENCH_DATABASE}…`);
  await recreateDatabase(urls.admin, BENCH_DATABASE);
  await migrate(urls.bench);
  const prisma = createPrismaClient(urls.bench);
  await seedReference(prisma);
  await prisma.$disconnect();
  const result = await generateNationalDataset(urls.bench, todayInVietnam());
  const generation = `generated ${result.units.toLocaleString("en")} units and ${result.figures.toLocaleString("en")} figures in ${result.seconds.toFixed(0)} s`;
  console.log(`Dataset: ${generation}.`);
  return { url: urls.bench, generation };
}
