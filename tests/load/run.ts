// `npm run loadtest [-- --duration 60 --writers 200 --readers 100 --refused-share 0.1 --max-requests N] [--through-prism]`
// The daily cutoff, simulated on this machine only (127.0.0.1): the production build (built
// first when missing) on its own database with the demo province; `writers` district users
// save their communes' daily grids through POST /api/v1/daily while `readers` load the
// dashboards (READ_PATHS in config.ts), for `duration` seconds and at most `max-requests`
// requests. Then it checks the database (verify.ts), prints throughput, latency percentiles,
// errors and the verification, saves them to test-results/loadtest.json, and exits 0 only
// when nothing was lost or duplicated and no answer was a 5xx. `--through-prism`: the saves go
// through Prism's validating proxy (prism.ts), and any answer not conforming to the API
// document fails the run too.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import autocannon, { type AutocannonResult } from "autocannon";
import { todayInVietnam } from "@/lib/domain/dates";
import { parseArgs } from "@/lib/cli/command";
import { freePort } from "../support/throwaway-postgres";
import { DEFAULTS, READ_PATHS, READER } from "./config";
import { signIn } from "../support/http-sign-in";
import { createSimUsers, prepareDatabase } from "./setup";
import { verify } from "./verify";
import { startValidatingProxy, type ValidatingProxy } from "./prism";
import { driveClient, type WriterState } from "./writers";

const HOST = "127.0.0.1";

function numberOption(options: Record<string, string | true>, name: string, fallback: number): number {
  const value = options[name];
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`--${name} must be a number`);
  return parsed;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function waitUntilUp(base: string, server: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see test-results/loadtest-server.log`);
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the server did not come up");
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
}

function run(options: Parameters<typeof autocannon>[0], latencies: number[]): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

interface Row {
  workload: string;
  connections: number;
  requests: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  "2xx": number;
  "4xx": number;
  "5xx": number;
  errors: number;
  timeouts: number;
}

function summarise(workload: string, connections: number, result: AutocannonResult, latencies: number[]): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    workload,
    connections,
    requests: latencies.length,
    perSecond: Math.round((latencies.length / result.duration) * 10) / 10,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    "2xx": result["2xx"],
    "4xx": result["4xx"],
    "5xx": result["5xx"],
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function main(): Promise<number> {
  const { options } = parseArgs(process.argv.slice(2));
  const duration = numberOption(options, "duration", DEFAULTS.durationSeconds);
  const writers = Math.floor(numberOption(options, "writers", DEFAULTS.writers));
  const readers = Math.floor(numberOption(options, "readers", DEFAULTS.readers));
  const refusedShare = numberOption(options, "refused-share", DEFAULTS.refusedShare);
  const maxRequests = Math.floor(numberOption(options, "max-requests", DEFAULTS.maxRequests));
  mkdirSync("test-results", { recursive: true });

  if (!existsSync(".next/BUILD_ID")) {
    console.log("No production build: building it first (next build)…");
    if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  console.log("Preparing the load database (demo province)…");
  const { url, db } = await prepareDatabase();
  const sims = await createSimUsers(db, writers);
  const port = await freePort();
  const base = `http://${HOST}:${port}`;
  const log = createWriteStream("test-results/loadtest-server.log");
  const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port), "--hostname", HOST], {
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), SEED_DEMO: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  let proxy: ValidatingProxy | null = null;
  try {
    await waitUntilUp(base, server);
    if (options["through-prism"]) proxy = await startValidatingProxy(base);
    const writeBase = proxy?.url ?? base;
    const cookie = await signIn(base, READER.username, READER.password);
    // warm up: every route compiled and loaded once before the clock starts
    for (const path of READ_PATHS) await fetch(`${base}${path}`, { headers: { cookie } }).then((r) => r.arrayBuffer());
    await fetch(`${writeBase}/api/v1/daily`, { method: "POST", headers: { authorization: `Bearer ${sims[0].token}`, "content-type": "application/json" }, body: "{}" }).then((r) => r.arrayBuffer());
    const day = todayInVietnam();
    const states: WriterState[] = sims.map((sim) => ({ sim, day, sent: [], sequence: 0 }));
    const lastBody = { text: "" };
    let nextWriter = 0;
    const writerLatencies: number[] = [];
    const readerLatencies: number[] = [];
    console.log(`Running ${duration} s: ${writers} district users saving, ${readers} readers, against ${base}${proxy ? ` (saves through Prism's validating proxy, ${proxy.url})` : ""} …`);
    const startedAt = new Date(Date.now() - 1_000);
    const [writeResult, readResult] = await Promise.all([
      run({
        url: writeBase,
        connections: writers,
        duration,
        maxOverallRequests: Math.ceil(maxRequests / 2),
        timeout: DEFAULTS.timeoutSeconds,
        requests: [{ method: "POST", path: "/api/v1/daily", onResponse: (_status, body) => (lastBody.text = body) }],
        setupClient: (client) => driveClient(client, states[nextWriter++ % states.length], { refusedShare, retryEvery: DEFAULTS.retryEvery }, lastBody),
      }, writerLatencies),
      run({
        url: base,
        connections: readers,
        duration,
        maxOverallRequests: Math.floor(maxRequests / 2),
        timeout: DEFAULTS.timeoutSeconds,
        requests: READ_PATHS.map((path) => ({ method: "GET", path, headers: { cookie } })),
      }, readerLatencies),
    ]);
    // stop the server (it finishes or abandons the requests still in flight) before reading the database
    await proxy?.stop();
    await stopServer(server);
    console.log("Verifying from the database…");
    const verification = await verify(url, db, states, startedAt);
    const refusedAnswers = states.reduce((n, s) => n + s.sent.filter((x) => x.kind.startsWith("refuse") && x.status !== undefined && x.status >= 400 && x.status < 500).length, 0);
    const rows = [summarise("writers (POST /api/v1/daily)", writers, writeResult, writerLatencies), summarise(`readers (${READ_PATHS.length} pages)`, readers, readResult, readerLatencies)];
    const fiveXX = writeResult["5xx"] + readResult["5xx"];
    const unexpected4xx = writeResult["4xx"] - refusedAnswers + readResult["4xx"];
    const transportErrors = writeResult.errors + readResult.errors;
    const violations = proxy?.responseViolations() ?? [];
    const passed = verification.problems.length === 0 && fiveXX === 0 && unexpected4xx === 0 && writeResult.non2xx - writeResult["4xx"] === 0 && violations.length === 0;

    console.log("");
    console.table(rows.map((r) => ({ ...r, p50: `${r.p50} ms`, p95: `${r.p95} ms`, p99: `${r.p99} ms` })));
    console.log(`Saves acknowledged: ${verification.acknowledged} (plus ${verification.retriesAnswered} retries answered from the first save), refused on purpose: ${verification.refused}, unanswered at the stop: ${verification.unanswered}`);
    console.log(`Checked ${verification.cellsChecked} cells and ${verification.auditEvents} audit events; 5xx: ${fiveXX}; unexpected 4xx: ${unexpected4xx}; connection errors: ${transportErrors} (timeouts ${writeResult.timeouts + readResult.timeouts})`);
    if (proxy) console.log(`Prism (validating proxy): ${violations.length} answers not conforming to the API document${violations.length ? `, e.g. ${violations.slice(0, 3).join(" | ")}` : ""}`);
    for (const line of verification.problems) console.log(`  PROBLEM: ${line}`);
    console.log(passed ? "VERIFICATION PASSED: every acknowledged save stored exactly once, every refused save stored nothing, the audit log matches the figures one to one, no 5xx." : "VERIFICATION FAILED");
    writeFileSync("test-results/loadtest.json", JSON.stringify({ when: new Date().toISOString(), duration, writers, readers, refusedShare, readPaths: READ_PATHS, rows, verification, fiveXX, unexpected4xx, transportErrors, ...(proxy ? { prismResponseViolations: violations.length } : {}), passed }, null, 2));
    return passed ? 0 : 1;
  } finally {
    await proxy?.stop();
    await stopServer(server);
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Load test failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
