// `npm run dev` and `npm start`: prepare the database (embedded unless DATABASE_URL is set),
// load the demo into an empty database, then run Next.js with DATABASE_URL pointing at it.
// The embedded server stops when this process does. `npm start` runs the production server
// with request ids and one JSON log line per request (lib/observability/http-server.mjs).
// When a configured database cannot be reached at start-up, the server starts anyway: pages
// show a clear error and /api/health answers 503, while the database is prepared again every
// few seconds until it answers (no crash loop).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { EMBEDDED_DIR } from "@/lib/db/embedded";
import { seedDemo } from "@/lib/db/seed/demo";
import { seedReference } from "@/lib/db/seed/reference";
import { logLine, scrubMessage } from "@/lib/observability/log";
import { openDatabase } from "./context";
import { startPublicationTimer } from "./publication-timer";
import { siteUrl } from "./site-url";

const RETRY_MS = Number(process.env.DATABASE_RETRY_MS ?? 5_000);

async function prepareDatabase(): Promise<string> {
  const { url, client } = await openDatabase();
  try {
    if ((await client.unit.count()) === 0 && process.env.SEED_DEMO !== "0") {
      // the demo with its present (lib/db/seed/demo.ts, DemoOptions); SEED_DEMO=2023: Quảng Nam's tree alone, its figures up to today
      const present = process.env.SEED_DEMO !== "2023";
      console.log(present ? "Empty database: loading the demo (province 49 in 2023, the reorganisation of 01/07/2025, city 48 today)…" : "Empty database: loading the demo province…");
      const summary = await seedDemo(client, new Date(), { present });
      console.log(`Demo loaded: ${summary.units} units, ${summary.figures} figures.`);
    } else {
      await seedReference(client);
    }
  } finally {
    await client.$disconnect();
  }
  return url;
}

/** Keeps preparing the database until it answers; the server meanwhile reports it down. */
async function prepareWhenReachable(signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await sleep(RETRY_MS);
    try {
      await prepareDatabase();
      logLine("info", "database-ready", {});
      return;
    } catch (error) {
      logLine("warn", "database-unreachable", { message: scrubMessage((error as Error).message), retryInMs: RETRY_MS });
    }
  }
}

export async function serve(mode: "dev" | "start"): Promise<number> {
  const site = siteUrl(mode, process.env);
  let url: string;
  let pending = false;
  try {
    url = await prepareDatabase();
  } catch (error) {
    const configured = process.env.DATABASE_URL;
    if (!configured) throw error;
    logLine("error", "database-unreachable", { message: scrubMessage((error as Error).message), retryInMs: RETRY_MS });
    url = configured;
    pending = true;
  }
  const entry = mode === "start" ? path.join(__dirname, "..", "observability", "http-server.mjs") : require.resolve("next/dist/bin/next");
  const args = mode === "start" ? process.argv.slice(2) : ["dev", ...process.argv.slice(2)];
  const child = spawn(process.execPath, [entry, ...args], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(mode === "start" ? { NODE_ENV: "production" } : {}),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? localSecret(),
      NEXTAUTH_URL: site,
    },
  });
  const stopRetrying = new AbortController();
  if (pending) void prepareWhenReachable(stopRetrying.signal);
  // the public boards' daily publication times (PUBLISH_SCHEDULE=0 leaves them to `npm run publish`)
  const stopPublishing = process.env.PUBLISH_SCHEDULE === "0" ? () => undefined : startPublicationTimer(url);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      stopRetrying.abort();
      stopPublishing();
      resolve(code ?? 0);
    }),
  );
}

/** A session-signing secret kept in the git-ignored .data folder when none is configured. */
function localSecret(): string {
  const file = path.join(EMBEDDED_DIR, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(EMBEDDED_DIR, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}
