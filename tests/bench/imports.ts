// `npm run bench`, imports: daily files at the sizes users have, through the real import path
// (`npm run import`, a child process, as an operator runs it), against the physical floor: a
// plain COPY of the same file into an empty table of the same database, in the same run.
//
//   province-year   Quảng Nam, 241 communes × 365 days × 4 metrics ≈ 352,000 rows
//   national day    every commune × 4 metrics ≈ 42,000 rows
//   national year   every commune × 365 days × 4 metrics ≈ 15.5 M rows (`--skip-national-year` skips it)
//
// Each file is checked (dry run), then written into an empty store. Reported: rows/s end to
// end (process start and schema check included), the ratio to COPY, and the importing
// process's peak resident memory. Alone: `npx tsx --conditions=react-server tests/bench/imports.ts`.
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { pipeline } from "node:stream/promises";
import { Client } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createPrismaClient } from "@/lib/db/client";
import { embeddedUrl, ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { loadUnits, readOfficialUnits, type OfficialUnit } from "@/lib/db/seed/official-units";
import { seedReference } from "@/lib/db/seed/reference";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { addDays } from "@/lib/domain/dates";
import { newToken } from "@/lib/auth/tokens";
import { nationalDayCsv, provinceDaysCsv } from "../support/import-files";
import { percentile } from "./stats";

const ROOT = path.resolve(__dirname, "..", "..");
export const IMPORT_BENCH_DATABASE = "vneid_bench_import";
const FIRST_DAY = "2025-01-01";
const PORT = Number(process.env.BENCH_IMPORT_PORT ?? 3198);
/** API saves measured, each of the largest body the API takes. */
const API_SAVES = 3;
/** Rows one POST /api/v1/daily may carry (lib/validation/daily-figures.ts). */
const API_MAX_ROWS = 10_000;

interface Measured {
  label: string;
  rows: number;
  copySeconds: number;
  dryRunSeconds: number;
  writeSeconds: number;
  peakMb: number;
}

/** Writes a file line by line (the national year does not fit in one string). */
async function writeCsv(file: string, parts: Iterable<string>): Promise<void> {
  const out = createWriteStream(file);
  for (const part of parts) if (!out.write(part)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

function* nationalYear(units: readonly OfficialUnit[], days: number): Generator<string> {
  for (let d = 0; d < days; d++) {
    const text = nationalDayCsv(units, addDays(FIRST_DAY, d)).text;
    yield d === 0 ? text : text.slice(text.indexOf("\n") + 1);
    if (!text.endsWith("\n")) yield "\n";
  }
}

async function freshStore(url: string): Promise<void> {
  const client = createPrismaClient(url);
  await client.$executeRawUnsafe("TRUNCATE figure, daily_total, unit_report, audit_event, ranking_fact");
  await client.$disconnect();
}

/** The floor: COPY of the file into an empty, ordinary table (text columns, no index). */
async function copySeconds(url: string, file: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query("DROP TABLE IF EXISTS bench_copy_floor; CREATE TABLE bench_copy_floor (date text, unit_code text, metric text, value text, kind text)");
  const started = performance.now();
  await pipeline(createReadStream(file), client.query(copyFrom("COPY bench_copy_floor FROM STDIN WITH (FORMAT csv, HEADER true)")));
  const seconds = (performance.now() - started) / 1000;
  await client.query("DROP TABLE bench_copy_floor");
  await client.end();
  return seconds;
}

/** `npm run import` as a child process; its wall time and peak resident memory (from /proc). */
async function runImport(url: string, file: string, dryRun: boolean): Promise<{ seconds: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", path.join(ROOT, "lib", "cli", "import.ts"),
    "--kind", "daily", "--file", file, ...(dryRun ? ["--dry-run"] : [])], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let peakKb = 0;
  const poll = setInterval(() => {
    try {
      // tsx runs the script in a child of its own: the deepest process holds the memory
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      for (const pid of [String(child.pid), ...children]) {
        const text = pid === String(child.pid) ? status : readFileSync(`/proc/${pid}/status`, "utf8");
        const rss = Number(/VmRSS:\s+(\d+)/.exec(text)?.[1] ?? 0);
        peakKb = Math.max(peakKb, rss);
      }
    } catch {
      // the process has ended
    }
  }, 100);
  const [code] = (await once(child, "exit")) as [number | null];
  clearInterval(poll);
  if (code !== 0) throw new Error(`import of ${path.basename(file)} failed:\n${output}`);
  return { seconds: (performance.now() - started) / 1000, peakMb: peakKb / 1024 };
}

async function measure(url: string, label: string, file: string, rows: number): Promise<Measured> {
  console.log(`  ${label}: ${rows.toLocaleString("en")} rows…`);
  await freshStore(url);
  const copy = await copySeconds(url, file);
  const dry = await runImport(url, file, true);
  const write = await runImport(url, file, false);
  return { label, rows, copySeconds: copy, dryRunSeconds: dry.seconds, writeSeconds: write.seconds, peakMb: Math.max(dry.peakMb, write.peakMb) };
}

/**
 * /api/health's latency, polled without pause, while the server saves API requests of the
 * most rows one may carry (10,000), one after another: whether any save holds the server.
 */
async function healthDuringApiSaves(url: string, units: readonly OfficialUnit[]): Promise<string> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    const built = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const client = createPrismaClient(url);
  const user = await client.user.create({ data: { username: `bench-api-${Date.now()}`, displayName: "Benchmark", role: "admin", passwordHash: "-" }, select: { id: true } });
  const issued = newToken();
  await client.apiToken.create({ data: { userId: user.id, name: "bench", tokenHash: issued.tokenHash, prefix: issued.prefix } });
  await client.$disconnect();
  const base = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(PORT), "--hostname", "127.0.0.1"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef", NEXTAUTH_URL: base },
  });
  try {
    for (let tries = 0; ; tries++) {
      if (server.exitCode !== null || tries > 240) throw new Error("The server did not start.");
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const latencies: number[] = [];
    const saves: { rows: number; seconds: number; status: number }[] = [];
    for (let i = 0; i < API_SAVES; i++) {
      const day = addDays(FIRST_DAY, 400 + i);
      const rows = nationalDayCsv(units, day).text.trim().split("\n").slice(1).map((line) => {
        const [date, unitCode, metric, value] = line.split(",");
        return { date, unitCode, metric, value: Number(value) };
      });
      // the most rows one request may carry (dailyApiBodySchema), well within the body limit
      const body = JSON.stringify({ rows: rows.slice(0, API_MAX_ROWS) });
      const started = performance.now();
      let done = false;
      const save = fetch(`${base}/api/v1/daily`, { method: "POST", headers: { authorization: `Bearer ${issued.token}`, "content-type": "application/json" }, body })
        .then((r) => r.status).finally(() => (done = true));
      while (!done) {
        const t = performance.now();
        await fetch(`${base}/api/health`);
        latencies.push(performance.now() - t);
      }
      const status = await save;
      if (status !== 200) throw new Error(`POST /api/v1/daily answered ${status}`);
      saves.push({ rows: API_MAX_ROWS, seconds: (performance.now() - started) / 1000, status });
    }
    const ms = (v: number) => v.toFixed(0);
    return [
      `/api/health polled without pause while the server saved ${API_SAVES} requests to POST /api/v1/daily, one after another, each ${saves[0].rows.toLocaleString("en")} rows (the most one request may carry; ${saves.map((s) => `${s.seconds.toFixed(1)} s`).join(", ")}):`,
      `${latencies.length} health answers, p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(percentile(latencies, 95))} ms, max ${ms(Math.max(...latencies))} ms (goal: p95 under 1,000 ms: ${percentile(latencies, 95) < 1000 ? "met" : "NOT met"}).`,
    ].join("\n");
  } finally {
    server.kill("SIGTERM");
  }
}

export async function benchImports(options: { nationalYear: boolean }): Promise<string> {
  await ensureEmbeddedPostgres();
  const admin = process.env.DATABASE_URL ? withDatabase(process.env.DATABASE_URL, "postgres") : embeddedUrl("postgres");
  const url = withDatabase(admin, IMPORT_BENCH_DATABASE);
  await recreateDatabase(admin, IMPORT_BENCH_DATABASE);
  await migrate(url);
  const client = createPrismaClient(url);
  await seedReference(client);
  const units = readOfficialUnits();
  await loadUnits(client, units);
  await client.$disconnect();

  const dir = path.join(os.tmpdir(), "vneid-bench-imports");
  rmSync(dir, { recursive: true, force: true });
  const { mkdirSync, writeFileSync } = await import("node:fs");
  mkdirSync(dir, { recursive: true });
  const results: Measured[] = [];
  const province = provinceDaysCsv(units, "49", FIRST_DAY, 365);
  writeFileSync(path.join(dir, "province-year.csv"), province.text);
  results.push(await measure(url, "province-year (Quảng Nam, 365 days)", path.join(dir, "province-year.csv"), province.rows));
  const day = nationalDayCsv(units, FIRST_DAY);
  writeFileSync(path.join(dir, "national-day.csv"), day.text);
  results.push(await measure(url, "national day", path.join(dir, "national-day.csv"), day.rows));
  if (options.nationalYear) {
    await writeCsv(path.join(dir, "national-year.csv"), nationalYear(units, 365));
    results.push(await measure(url, "national year", path.join(dir, "national-year.csv"), day.rows * 365));
  }
  rmSync(dir, { recursive: true, force: true });

  const f = (v: number) => v.toFixed(1);
  // the issue's goal is for a year's file, dry run and write alike; a day's file is mostly start-up
  const goal = (r: Measured) =>
    r.label === "national day" ? "— (start-up bound)" : r.rows / r.writeSeconds >= 20_000 && r.rows / r.dryRunSeconds >= 20_000 ? "met" : "NOT met";
  const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString("en");
  const lines = [
    `Imports through \`npm run import\` (a child process, start-up and schema check included) into an empty store with the official unit list, measured ${new Date().toISOString()} on this machine (${process.env.BENCH_MACHINE ?? "2 cores, shared"}). COPY = the same file into an empty table of the same database.`,
    "",
    "| file | rows | COPY s | dry run s | dry run rows/s | write s | write rows/s | write / COPY | peak MB | goal (≥ 20,000 rows/s) |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ...results.map((r) => `| ${r.label} | ${r.rows.toLocaleString("en")} | ${f(r.copySeconds)} | ${f(r.dryRunSeconds)} | ${rate(r.rows, r.dryRunSeconds)} | ${f(r.writeSeconds)} | ${rate(r.rows, r.writeSeconds)} | ${f(r.writeSeconds / r.copySeconds)}× | ${Math.round(r.peakMb)} | ${goal(r)} |`),
  ];
  if (!options.nationalYear) lines.push("", "National year skipped (`--skip-national-year`).");
  // the imports' table first (the national year takes most of an hour), then the server's part
  console.log(`\n${lines.join("\n")}\n`);
  lines.push("", await healthDuringApiSaves(url, units));
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  benchImports({ nationalYear: !process.argv.includes("--skip-national-year") }).then(
    (report) => {
      console.log(`\n${report}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
