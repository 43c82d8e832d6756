// The load test's run, shared by `npm run loadtest` (tests/load/run.ts: its own server) and
// `npm run cluster` (tests/cluster/run.ts: nginx in front of three servers, one of them killed
// and restarted during the run). Writers save through POST /api/v1/daily while readers load
// the dashboards, then the database is checked (verify.ts) and the table printed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, writeFileSync } from "node:fs";
import autocannon, { type AutocannonResult } from "autocannon";
import type { Db } from "@/lib/db/client";
import { todayInVietnam } from "@/lib/domain/dates";
import { freePort } from "../support/throwaway-postgres";
import { DEFAULTS, READ_PATHS, READER } from "./config";
import { signIn } from "../support/http-sign-in";
import { createSimUsers, prepareDatabase } from "./setup";
import { verify } from "./verify";
import { startValidatingProxy, type ValidatingProxy } from "./prism";
import { driveClient, type WriterState } from "./writers";

const HOST = "127.0.0.1";

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

export interface LoadOptions {
  duration: number;
  writers: number;
  readers: number;
  refusedShare: number;
  maxRequests: number;
  /** a server already running (nginx in front of the cluster); without it the test starts its own */
  baseUrl?: string;
  /** with baseUrl: the database behind it, already migrated and seeded with the demo (the primary) */
  databaseUrl?: string;
  /** runs while the load does (the cluster kills and restarts a server) */
  during?: () => Promise<void>;
  /** with baseUrl: stops the servers before the database is checked (they finish what is in flight) */
  beforeVerify?: () => Promise<void>;
  /**
   * Saves answered 502 or 504 by the proxy (in flight on a server that was killed): allowed, each
   * stored once or not at all, and at most this many. 0 without a proxy.
   */
  gatewayErrorsAllowed?: number;
  /** the saves go through Prism's validating proxy (prism.ts): an answer not conforming to the API document fails the run */
  throughPrism?: boolean;
}

export interface LoadOutcome {
  passed: boolean;
  rows: Row[];
  lines: string[];
  gatewayErrors: number;
}

export async function runLoadTest(options: LoadOptions): Promise<LoadOutcome> {
  const { duration, writers, readers, refusedShare, maxRequests } = options;
  mkdirSync("test-results", { recursive: true });
  let url: string;
  let db: Db;
  let server: ChildProcess | null = null;
  let base: string;
  if (options.baseUrl && options.databaseUrl) {
    const { createPrismaClient } = await import("@/lib/db/client");
    url = options.databaseUrl;
    db = createPrismaClient(url);
    base = options.baseUrl;
  } else {
    if (!existsSync(".next/BUILD_ID")) {
      console.log("No production build: building it first (next build)…");
      if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) throw new Error("next build failed");
    }
    console.log("Preparing the load database (demo province)…");
    ({ url, db } = await prepareDatabase());
    const port = await freePort();
    base = `http://${HOST}:${port}`;
    const log = createWriteStream("test-results/loadtest-server.log");
    server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port), "--hostname", HOST], {
      env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), SEED_DEMO: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    server.stdout?.pipe(log);
    server.stderr?.pipe(log);
  }
  let proxy: ValidatingProxy | null = null;
  try {
    const sims = await createSimUsers(db, writers);
    if (server) await waitUntilUp(base, server);
    if (options.throughPrism) proxy = await startValidatingProxy(base);
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
      options.during?.(),
    ]);
    // stop the server (it finishes or abandons the requests still in flight) before reading the database
    await proxy?.stop();
    if (server) await stopServer(server);
    await options.beforeVerify?.();
    console.log("Verifying from the database…");
    const gateway = (status: number | undefined) => (options.gatewayErrorsAllowed ?? 0) > 0 && (status === 502 || status === 504);
    const verification = await verify(url, db, states, startedAt, gateway);
    const gatewayErrors = states.reduce((n, s) => n + s.sent.filter((x) => gateway(x.status)).length, 0);
    const refusedAnswers = states.reduce((n, s) => n + s.sent.filter((x) => x.kind.startsWith("refuse") && x.status !== undefined && x.status >= 400 && x.status < 500).length, 0);
    const rows = [summarise("writers (POST /api/v1/daily)", writers, writeResult, writerLatencies), summarise(`readers (${READ_PATHS.length} pages)`, readers, readResult, readerLatencies)];
    const fiveXX = writeResult["5xx"] + readResult["5xx"] - gatewayErrors;
    const unexpected4xx = writeResult["4xx"] - refusedAnswers + readResult["4xx"];
    const transportErrors = writeResult.errors + readResult.errors;
    const tooManyGatewayErrors = gatewayErrors > (options.gatewayErrorsAllowed ?? 0);
    const violations = proxy?.responseViolations() ?? [];
    const passed = verification.problems.length === 0 && fiveXX === 0 && unexpected4xx === 0 && !tooManyGatewayErrors && violations.length === 0
      && writeResult.non2xx - writeResult["4xx"] - gatewayErrors === 0;

    const lines = [
      `Saves acknowledged: ${verification.acknowledged} (plus ${verification.retriesAnswered} retries answered from the first save), refused on purpose: ${verification.refused}, unanswered at the stop: ${verification.unanswered}`,
      `Checked ${verification.cellsChecked} cells and ${verification.auditEvents} audit events; 5xx: ${fiveXX}; unexpected 4xx: ${unexpected4xx}; connection errors: ${transportErrors} (timeouts ${writeResult.timeouts + readResult.timeouts})`,
      ...(options.gatewayErrorsAllowed ? [`Saves answered 502/504 by the proxy (in flight on the killed server): ${gatewayErrors} (at most ${options.gatewayErrorsAllowed}), of them stored (once): ${verification.gatewayStored}, not stored: ${gatewayErrors - verification.gatewayStored}`] : []),
      ...(proxy ? [`Prism (validating proxy): ${violations.length} answers not conforming to the API document${violations.length ? `, e.g. ${violations.slice(0, 3).join(" | ")}` : ""}`] : []),
      ...verification.problems.map((line) => `  PROBLEM: ${line}`),
      passed ? "VERIFICATION PASSED: every acknowledged save stored exactly once, every refused save stored nothing, the audit log matches the figures one to one, no 5xx." : "VERIFICATION FAILED",
    ];
    console.log("");
    console.table(rows.map((r) => ({ ...r, p50: `${r.p50} ms`, p95: `${r.p95} ms`, p99: `${r.p99} ms` })));
    for (const line of lines) console.log(line);
    writeFileSync("test-results/loadtest.json", JSON.stringify({ when: new Date().toISOString(), base: options.baseUrl ?? null, duration, writers, readers, refusedShare, readPaths: READ_PATHS, rows, verification, fiveXX, gatewayErrors, unexpected4xx, transportErrors, ...(proxy ? { prismResponseViolations: violations.length } : {}), passed }, null, 2));
    return { passed, rows, lines, gatewayErrors };
  } finally {
    await proxy?.stop();
    if (server) await stopServer(server);
    await db.$disconnect();
  }
}
