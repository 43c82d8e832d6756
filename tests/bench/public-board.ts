// `npm run bench -- --public-board` (also the first part of `npm run bench`): the public
// board's page (/cong-khai/49, Quảng Nam's demo board published at 07/06/2023 17:00) under
// 100 concurrent connections (autocannon, loopback, the production server as `npm start`
// runs it) against a static file served by the same server (/icons/icon-192.png), as a
// ratio of requests per second. Goal: at least half the static file's throughput. Its own
// database (`<DATABASE_URL's>_board`, or the embedded server's `vneid_board`), recreated
// each run. Results go to tests/bench/last-public-board.md.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import autocannon, { type AutocannonResult } from "autocannon";
import { createPrismaClient, setDb } from "@/lib/db/client";
import { ensureEmbeddedPostgres, embeddedUrl } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/demo";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { publishBoard, updateBoardSettings } from "@/lib/data/public-board";
import { parseCutoff } from "@/lib/domain/public-board";
import { boardSettingsSchema } from "@/lib/validation/public-board";
import { freePort } from "../support/throwaway-postgres";

const ROOT = path.resolve(__dirname, "..", "..");
const CONNECTIONS = 100;
const SECONDS = Number(process.env.BENCH_BOARD_SECONDS ?? 10);
const GOAL = 0.5;

async function databaseUrls(): Promise<{ url: string; admin: string }> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const base = new URL(configured).pathname.slice(1) || "postgres";
    return { url: withDatabase(configured, `${base}_board`.replace(/[^a-z0-9_]/gi, "_").toLowerCase()), admin: withDatabase(configured, "postgres") };
  }
  await ensureEmbeddedPostgres();
  return { url: embeddedUrl("vneid_board"), admin: embeddedUrl("postgres") };
}

const load = (url: string): Promise<AutocannonResult> =>
  new Promise((resolve, reject) => autocannon({ url, connections: CONNECTIONS, duration: SECONDS }, (error, result) => (error ? reject(error) : resolve(result))));

export async function benchPublicBoard(): Promise<boolean> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first.");
  const { url, admin } = await databaseUrls();
  await recreateDatabase(admin, new URL(url).pathname.slice(1));
  await migrate(url);
  const db = createPrismaClient(url);
  setDb(db);
  const operator = { id: null, username: "bench", role: "admin" as const, unitPath: null };
  try {
    await seedDemo(db);
    await updateBoardSettings(operator, boardSettingsSchema.parse({ unit: "49", asOf: "2023-06-07", enabled: "on", metrics: ["dossiers", "accounts", "activated"], rankingMetric: "activated", showRanking: "on", showPraise: "on", times: "", frameOrigins: "" }));
    await publishBoard(operator, { unit: "49", cutoff: parseCutoff("2023-06-07 17:00") });
  } finally {
    await db.$disconnect();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: ROOT, stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), SEED_DEMO: "0", PUBLISH_SCHEDULE: "0", NEXT_TELEMETRY_DISABLED: "1" },
  });
  try {
    for (let attempt = 0; ; attempt++) {
      if (server.exitCode !== null) throw new Error("The server exited before answering.");
      const answer = await fetch(`${base}/cong-khai/49`).catch(() => null);
      if (answer?.ok) break;
      if (attempt > 240) throw new Error("The server did not answer within 2 minutes.");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await fetch(`${base}/icons/icon-192.png`);
    console.log(`Public board: ${CONNECTIONS} connections, ${SECONDS} s each…`);
    const page = await load(`${base}/cong-khai/49`);
    const file = await load(`${base}/icons/icon-192.png`);
    const ratio = page.requests.average / file.requests.average;
    const row = (label: string, r: AutocannonResult) => `| ${label} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} | ${r.errors} |`;
    const report = [
      `Public board page against a static file of the same server, ${CONNECTIONS} connections, ${SECONDS} s each, loopback, production build; measured ${new Date().toISOString()} on this machine (${process.env.BENCH_MACHINE ?? "2 cores, shared"}).`,
      "",
      "| address | requests/s | p50 ms | p99 ms | non-2xx | errors |",
      "|---|---:|---:|---:|---:|---:|",
      row("/cong-khai/49 (page)", page),
      row("/icons/icon-192.png (static)", file),
      "",
      `Ratio page / static: ${ratio.toFixed(2)} (goal ≥ ${GOAL}): ${ratio >= GOAL && page.non2xx === 0 ? "met" : "NOT met"}.`,
    ].join("\n");
    console.log(`\n${report}\n`);
    writeFileSync(path.join(ROOT, "tests", "bench", "last-public-board.md"), `${report}\n`);
    return ratio >= GOAL && page.non2xx === 0;
  } finally {
    server.kill("SIGTERM");
  }
}
