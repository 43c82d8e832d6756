// `npm run bench`: first the public board (tests/bench/public-board.ts), then it generates the national dataset (63 provinces, 705 districts,
// 10,598 communes, a year of daily figures for four metrics) into its own database
// `vneid_bench` (tests/bench/generate.ts; the weekly report bench reads the same),
// starts the production server on it, and reports p50/p95 server time (the handler's own
// Server-Timing) of the read API against a trivial lookup of one unit by code, as ratios.
// Not part of `npm test`: it takes minutes and gigabytes. `--fresh` regenerates the data;
// otherwise a complete dataset from an earlier run is reused. Results also go to
// tests/bench/last-results.md. Then the imports (tests/bench/imports.ts, results in
// tests/bench/last-imports.md; `--skip-national-year` leaves out the 15.5 M-row file;
// `--reads-only` stops after the read API).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createPrismaClient } from "@/lib/db/client";
import { newToken } from "@/lib/auth/tokens";
import { BENCH_CAMPAIGN, ensureNationalDataset } from "./generate";
import { percentile } from "./stats";
import { benchWeeklyReports } from "./weekly-report";
import { benchImports } from "./imports";
import { benchPublicBoard } from "./public-board";

const ROOT = path.resolve(__dirname, "..", "..");
const WARMUP = 30;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3199);
const GOAL_RATIO = 3;
const GOAL_P95_MS = 50;

async function waitForServer(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("The server exited before answering.");
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("The server did not answer within 2 minutes.");
}

interface Case {
  label: string;
  path: string;
}

async function measure(base: string, token: string, item: Case): Promise<{ server: number[]; total: number[]; rows: number }> {
  const server: number[] = [];
  const total: number[] = [];
  let rows = 0;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${item.path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { rows?: unknown[] };
    const elapsed = performance.now() - started;
    if (!response.ok) throw new Error(`${item.path}: HTTP ${response.status} ${JSON.stringify(body)}`);
    const timing = /app;dur=([\d.]+)/.exec(response.headers.get("server-timing") ?? "");
    if (!timing) throw new Error(`${item.path}: no Server-Timing header`);
    if (i >= WARMUP) {
      server.push(Number(timing[1]));
      total.push(elapsed);
    }
    rows = Array.isArray(body.rows) ? body.rows.length : 1;
  }
  return { server, total, rows };
}

async function main(): Promise<number> {
  // the public board's page against a static file (tests/bench/public-board.ts); `--public-board`: that alone
  const board = await benchPublicBoard();
  if (process.argv.includes("--public-board")) return board ? 0 : 1;
  const dataset = await ensureNationalDataset(process.argv.includes("--fresh"));
  const generation = dataset.generation;
  const prisma = createPrismaClient(dataset.url);
  const counts = await prisma.$queryRaw<{ figures: bigint; totals: bigint; reports: bigint; start: string }[]>`
    SELECT (SELECT count(*) FROM figure) AS figures, (SELECT count(*) FROM daily_total) AS totals,
           (SELECT count(*) FROM unit_report) AS reports, (SELECT start_date::text FROM campaign WHERE code = ${BENCH_CAMPAIGN}) AS start`;
  const asOf = (await prisma.$queryRaw<{ last: string }[]>`SELECT max(date)::text AS last FROM figure`)[0].last;
  let user = await prisma.user.findUnique({ where: { username: "bench" }, select: { id: true } });
  user ??= await prisma.user.create({ data: { username: "bench", displayName: "Benchmark", role: "admin", passwordHash: "-" }, select: { id: true } });
  const issued = newToken();
  await prisma.apiToken.create({ data: { userId: user.id, name: "bench", tokenHash: issued.tokenHash, prefix: issued.prefix } });
  // The rankings' per-unit lookup, as lib/data/rankings.ts first issues it (within the last
  // 7 days, RECENT_DAYS there), must be one backward index scan, never a scan of the days.
  const plan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT ARRAY[x.cumulative] FROM daily_total x WHERE x.unit_id = 1 AND x.metric_id = 3 AND x.date <= '${asOf}'::date AND x.date > '${asOf}'::date - 7::int ORDER BY x.date DESC LIMIT 1`);
  const planText = plan.map((p) => p["QUERY PLAN"]).join(" | ");
  // The national ranking's facts (lib/data/ranking-facts.ts): one index range of the level's latest fact day.
  const factPlan = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
    `EXPLAIN SELECT f.unit_id, f.cumulative, f.reported_on FROM ranking_fact f WHERE f.level = 2 AND f.metric_id = 3
     AND f.date = (SELECT max(x.date) FROM ranking_fact x WHERE x.level = 2 AND x.metric_id = 3 AND x.date <= '${asOf}'::date)`);
  const factPlanText = factPlan.map((p) => p["QUERY PLAN"]).join(" | ");
  await prisma.$disconnect();

  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.log("No production build: running `next build`…");
    const built = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (built.status !== 0) throw new Error("next build failed");
  }
  const base = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(PORT), "--hostname", "127.0.0.1"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: dataset.url, NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_SECRET: "bench-only-secret-0123456789abcdef", NEXTAUTH_URL: base },
  });
  try {
    await waitForServer(base, server);
    const district = "517";
    const cases: Case[] = [
      { label: "floor: one unit by code", path: `/api/v1/units/21001` },
      { label: "rankings: 705 districts, national", path: `/api/v1/rankings?level=2&metric=activated&asOf=${asOf}` },
      { label: "rankings: 18 districts of province 49", path: `/api/v1/rankings?parent=49&metric=activated&asOf=${asOf}` },
      { label: `rankings: communes of district ${district}`, path: `/api/v1/rankings?parent=${district}&metric=activated&asOf=${asOf}` },
      { label: "unit overview: progress of province 49", path: `/api/v1/progress?unit=49&metric=activated&asOf=${asOf}` },
    ];
    const results = [];
    for (const item of cases) {
      console.log(`Measuring ${item.label}…`);
      results.push({ ...item, ...(await measure(base, issued.token, item)) });
    }
    const floor = { p50: percentile(results[0].server, 50), p95: percentile(results[0].server, 95) };
    const fmt = (v: number) => v.toFixed(2);
    const lines = [
      `National dataset: ${counts[0].figures.toLocaleString("en")} figures, ${counts[0].totals.toLocaleString("en")} daily_total rows, ${counts[0].reports.toLocaleString("en")} unit_report rows; campaign from ${counts[0].start}, as of ${asOf}; ${generation}.`,
      `Server time = the route handler's own duration (Server-Timing: authentication, validation, data layer, JSON), ${SAMPLES} sequential requests after ${WARMUP} warm-up ones, production build (\`next start\`), measured ${new Date().toISOString()} on this machine (${process.env.BENCH_MACHINE ?? "2 cores, shared"}).`,
      "",
      "| query | rows | p50 ms | p95 ms | p50 / floor | p95 / floor | round trip p95 ms | goal (≤ 3× floor, p95 < 50 ms) |",
      "|---|---:|---:|---:|---:|---:|---:|---|",
      ...results.map((r, index) => {
        const p50 = percentile(r.server, 50);
        const p95 = percentile(r.server, 95);
        const ok = index === 0 ? "floor" : p95 / floor.p95 <= GOAL_RATIO && p95 < GOAL_P95_MS ? "met" : "NOT met";
        return `| ${r.label} | ${r.rows} | ${fmt(p50)} | ${fmt(p95)} | ${fmt(p50 / floor.p50)}× | ${fmt(p95 / floor.p95)}× | ${fmt(percentile(r.total, 95))} | ${ok} |`;
      }),
      "",
      `Plan of the per-unit lookup: ${planText}`,
      "",
      `Plan of the national ranking's facts: ${factPlanText}`,
    ];
    const report = lines.join("\n");
    console.log(`\n${report}\n`);
    writeFileSync(path.join(ROOT, "tests", "bench", "last-results.md"), `${report}\n`);
  } finally {
    server.kill("SIGTERM");
  }
  // `--reads-only`: the read API above only, without the weekly reports and the imports
  if (process.argv.includes("--reads-only")) return 0;
  console.log("Weekly report downloads on the same dataset:");
  const reports = await benchWeeklyReports(dataset.url);
  console.log("Imports (tests/bench/imports.ts):");
  const imports = await benchImports({ nationalYear: !process.argv.includes("--skip-national-year") });
  console.log(`\n${imports}\n`);
  writeFileSync(path.join(ROOT, "tests", "bench", "last-imports.md"), `${imports}\n`);
  return reports && board ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
