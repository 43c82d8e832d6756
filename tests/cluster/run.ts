// `npm run cluster [-- --duration 45 --writers 60 --readers 30 --servers 3]` (not part of npm test)
// Several app servers and a replicated PostgreSQL on this machine, on loopback: a PostgreSQL
// 15 primary and a streaming replica (Debian's binaries, pg_basebackup -R), the primary
// migrated and seeded with the demo, N servers of the production build (`npm start`, ports
// 3221…) reading from the replica where they may, nginx in front (port 3220). Then the load
// test runs against nginx and, during it, one app server is killed (SIGKILL) and started
// again. It prints the load test's table and verification, every 5xx traced to the killed
// server, and the replica's lag; exits 0 only when the verification holds.
// Run it as root (PostgreSQL runs as the `postgres` user) after `npm run build`.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { parseArgs } from "@/lib/cli/command";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/demo";
import { createDatabaseIfMissing } from "@/lib/db/url";
import { runLoadTest } from "../load/load-test";

const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const ROOT = path.resolve(".cluster");
const HOST = "127.0.0.1";
const PRIMARY_PORT = 55432;
const REPLICA_PORT = 55433;
const NGINX_PORT = 3220;
const FIRST_APP_PORT = 3221;
const DATABASE = "vneid";
const pgUrl = (port: number, database = DATABASE) => `postgresql://postgres@${HOST}:${port}/${database}`;

const children: ChildProcess[] = [];

function asPostgres(args: string[]): void {
  const result = spawnSync("runuser", ["-u", "postgres", "--", ...args], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${path.basename(args[0])} failed: ${result.stderr.trim().split("\n").at(-1)}`);
}

const pgCtl = (dir: string, port: number, action: "start" | "stop") => asPostgres([
  `${PG_BIN}/pg_ctl`, "-D", dir, "-l", `${dir}.log`, "-w", "-m", "fast",
  ...(action === "start" ? ["-o", `-p ${port} -c listen_addresses=${HOST} -c unix_socket_directories='' -c max_connections=200`] : []), action,
]);

function stopPostgres(): void {
  for (const dir of ["replica", "primary"]) {
    const data = path.join(ROOT, dir);
    if (existsSync(path.join(data, "postmaster.pid"))) spawnSync("runuser", ["-u", "postgres", "--", `${PG_BIN}/pg_ctl`, "-D", data, "-m", "fast", "-w", "stop"]);
  }
}

/** A primary and its streaming replica, from scratch. */
async function startPostgres(): Promise<void> {
  stopPostgres();
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const ids = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim();
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim();
  chownSync(ROOT, Number(ids), Number(gid));
  const primary = path.join(ROOT, "primary");
  const replica = path.join(ROOT, "replica");
  // trust on loopback only: a throwaway cluster; production uses scram-sha-256 (docs/deployment.md)
  asPostgres([`${PG_BIN}/initdb`, "-D", primary, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
  pgCtl(primary, PRIMARY_PORT, "start");
  asPostgres([`${PG_BIN}/pg_basebackup`, "-h", HOST, "-p", String(PRIMARY_PORT), "-U", "postgres", "-D", replica, "-R", "-X", "stream", "-c", "fast"]);
  pgCtl(replica, REPLICA_PORT, "start");
}

function startApp(index: number, env: NodeJS.ProcessEnv): ChildProcess {
  const port = FIRST_APP_PORT + index;
  const log = createWriteStream(path.join(ROOT, `app-${port}.log`), { flags: "a" });
  // its own process group, so that SIGKILL reaches the Next.js server under `npm start` at once
  const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port), "--hostname", HOST], {
    env, stdio: ["ignore", "pipe", "pipe"], detached: true,
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  children.push(child);
  return child;
}

async function waitHealthy(base: string, what: string, process: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (process.exitCode !== null) throw new Error(`${what} exited (${process.exitCode}); see ${ROOT}`);
    const answer = await fetch(`${base}/api/health`).catch(() => null);
    if (answer?.status === 200) return;
    await sleep(250);
  }
  throw new Error(`${what} did not come up`);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}

function startNginx(servers: number): ChildProcess {
  const dir = path.join(ROOT, "nginx");
  mkdirSync(dir, { recursive: true, mode: 0o777 });
  for (const sub of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, sub), { recursive: true, mode: 0o777 });
  const upstreams = Array.from({ length: servers }, (_, i) => `    server ${HOST}:${FIRST_APP_PORT + i} max_fails=1 fail_timeout=5s;`).join("\n");
  const config = readFileSync(path.join(__dirname, "nginx.conf.template"), "utf8")
    .replaceAll("{{DIR}}", dir).replace("{{SERVERS}}", upstreams).replace("{{LISTEN}}", `${HOST}:${NGINX_PORT}`);
  writeFileSync(path.join(dir, "nginx.conf"), config);
  const nginx = spawn(process.env.NGINX ?? "nginx", ["-c", path.join(dir, "nginx.conf"), "-p", dir, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"], detached: true });
  children.push(nginx);
  return nginx;
}

/** Every 5xx nginx answered, by the upstream that answered or failed it. */
function fiveHundreds(): { total: number; fromKilled: number; lines: string[] } {
  const log = path.join(ROOT, "nginx", "access.log");
  const lines = existsSync(log) ? readFileSync(log, "utf8").split("\n").filter((line) => /^5\d\d /.test(line)) : [];
  return { total: lines.length, fromKilled: 0, lines };
}

async function replicationLag(): Promise<string> {
  const client = new Client({ connectionString: pgUrl(PRIMARY_PORT, "postgres") });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string; sent: string; replay_lag: string | null; bytes: string }>(
      `SELECT state, sent_lsn::text AS sent, replay_lag::text, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::text AS bytes FROM pg_stat_replication`);
    return rows.map((r) => `state ${r.state}, replay lag ${r.replay_lag ?? "0 (idle)"}, ${r.bytes} bytes behind the primary`).join("; ") || "no replica connected";
  } finally {
    await client.end();
  }
}

async function countOn(port: number, sql: string): Promise<number> {
  const client = new Client({ connectionString: pgUrl(port) });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const { options } = parseArgs(process.argv.slice(2));
  const num = (name: string, fallback: number) => (typeof options[name] === "string" ? Number(options[name]) : fallback);
  const duration = num("duration", 45);
  const servers = Math.max(1, Math.floor(num("servers", 3)));
  const kill = servers > 1 && options["no-kill"] === undefined;
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npm run build` first");
  if (spawnSync(process.env.NGINX ?? "nginx", ["-v"]).status !== 0) throw new Error("nginx is not installed (apt-get install -y nginx)");

  console.log(`PostgreSQL 15: primary on ${PRIMARY_PORT}, streaming replica on ${REPLICA_PORT} …`);
  await startPostgres();
  await createDatabaseIfMissing(pgUrl(PRIMARY_PORT, "postgres"), DATABASE);
  await migrate(pgUrl(PRIMARY_PORT));
  const seeding = createPrismaClient(pgUrl(PRIMARY_PORT));
  await seedDemo(seeding);
  await seeding.$disconnect();

  const base = `http://${HOST}:${NGINX_PORT}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: pgUrl(PRIMARY_PORT),
    DATABASE_REPLICA_URL: pgUrl(REPLICA_PORT),
    // one secret for the whole fleet: a session signed by one server is read by every other
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    TRUST_PROXY: "loopback",
    SEED_DEMO: "0",
  };
  console.log(`${servers} app servers on ports ${FIRST_APP_PORT}–${FIRST_APP_PORT + servers - 1}, nginx on ${NGINX_PORT} …`);
  const apps = Array.from({ length: servers }, (_, i) => startApp(i, env));
  await Promise.all(apps.map((app, i) => waitHealthy(`http://${HOST}:${FIRST_APP_PORT + i}`, `app server ${FIRST_APP_PORT + i}`, app)));
  await waitHealthy(base, "nginx", startNginx(servers));

  const victim = servers - 1;
  const victimPort = FIRST_APP_PORT + victim;
  const events: string[] = [];
  const during = async () => {
    if (!kill) return;
    await sleep((duration * 1000) / 3);
    killGroup(apps[victim], "SIGKILL");
    events.push(`${new Date().toISOString()} app server ${victimPort} killed (SIGKILL)`);
    await sleep(5_000);
    apps[victim] = startApp(victim, env);
    await waitHealthy(`http://${HOST}:${victimPort}`, `app server ${victimPort} (restarted)`, apps[victim]);
    events.push(`${new Date().toISOString()} app server ${victimPort} restarted and healthy`);
  };

  const stopApps = async () => {
    await Promise.all(apps.map(async (app) => {
      const exited = new Promise((resolve) => (app.exitCode !== null || app.signalCode !== null ? resolve(null) : app.once("exit", resolve)));
      killGroup(app, "SIGTERM");
      await Promise.race([exited, sleep(30_000)]);
    }));
  };
  const outcome = await runLoadTest({
    duration, writers: num("writers", 60), readers: num("readers", 30), refusedShare: 0.1, maxRequests: 400_000,
    baseUrl: base, databaseUrl: pgUrl(PRIMARY_PORT), during, beforeVerify: stopApps, gatewayErrorsAllowed: kill ? num("writers", 60) : 0,
  });
  for (const event of events) console.log(event);
  // every 5xx nginx answered must come from the killed server (its requests in flight)
  const errors = fiveHundreds();
  const fromKilled = errors.lines.filter((line) => line.split(" ")[1]?.split(",").at(-1)?.trim() === `${HOST}:${victimPort}`);
  const elsewhere = errors.total - (kill ? fromKilled.length : 0);
  console.log(`nginx 5xx answers: ${errors.total}, of them for requests in flight on the killed server ${victimPort}: ${kill ? fromKilled.length : 0}, elsewhere: ${elsewhere}`);
  await sleep(1_000);
  console.log(`Replica: ${await replicationLag()}`);
  const figures = "SELECT count(*) AS n FROM figure";
  const [onPrimary, onReplica] = [await countOn(PRIMARY_PORT, figures), await countOn(REPLICA_PORT, figures)];
  console.log(`Figures on the primary: ${onPrimary}, on the replica: ${onReplica}`);
  const passed = outcome.passed && elsewhere === 0 && outcome.gatewayErrors <= fromKilled.length + 0 && onPrimary === onReplica;
  console.log(passed ? "CLUSTER VERIFICATION PASSED" : "CLUSTER VERIFICATION FAILED");
  writeFileSync("test-results/cluster.json", JSON.stringify({ when: new Date().toISOString(), servers, duration, killed: kill ? victimPort : null, events, rows: outcome.rows, lines: outcome.lines, nginx5xx: errors.total, fromKilled: fromKilled.length, replica: await replicationLag(), passed }, null, 2));
  return passed ? 0 : 1;
}

async function shutdown(): Promise<void> {
  for (const child of children) killGroup(child, "SIGTERM");
  await sleep(2_000);
  for (const child of children) killGroup(child, "SIGKILL");
  stopPostgres();
}

main().then(
  async (code) => {
    await shutdown();
    process.exit(code);
  },
  async (error: unknown) => {
    console.error(`The cluster run failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown();
    process.exit(1);
  },
);
