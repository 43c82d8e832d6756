// `npm run lighthouse`: Lighthouse (mobile preset: a mid-range phone on a slow 4G link,
// simulated) against the production build on loopback with the demo data, in Debian's
// Chromium. Prints performance and accessibility per page; exits 1 below the goals
// (performance ≥ 90, accessibility ≥ 95). Needs `npm run build` first. Nothing leaves the
// machine: Lighthouse's error reporting stays off and the pages load nothing external.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { ensureEmbeddedPostgres, embeddedUrl } from "@/lib/db/embedded";
import { recreateDatabase, withDatabase } from "@/lib/db/url";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const GOALS = { performance: 90, accessibility: 95 };

/** The pages the issue names, as the user who opens them. */
const PAGES: { name: string; path: string; user: string | null }[] = [
  { name: "login", path: "/login", user: null },
  { name: "overview", path: "/dashboard", user: "tinh" },
  { name: "rankings", path: "/units/49/rankings", user: "tinh" },
  { name: "entry", path: "/entry", user: "nuithanh" },
];

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/start.ts", "--port", String(PORT), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: BASE, NEXTAUTH_SECRET: "lighthouse-only-secret-0123456789abcdef", NEXT_TELEMETRY_DISABLED: "1" },
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/login`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  server.kill();
  throw new Error("The server did not start within 4 minutes.");
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie. */
async function sessionCookie(username: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ username, password: "demo-vneid-2026", csrfToken, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`Could not sign in as ${username}.`);
  return [...jar, session].join("; ");
}

async function main(): Promise<number> {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    return 2;
  }
  let databaseUrl: string;
  if (process.env.DATABASE_URL) {
    databaseUrl = withDatabase(process.env.DATABASE_URL, "vneid_lighthouse");
    await recreateDatabase(withDatabase(process.env.DATABASE_URL, "postgres"), "vneid_lighthouse");
  } else {
    await ensureEmbeddedPostgres();
    databaseUrl = embeddedUrl("vneid_lighthouse");
    await recreateDatabase(embeddedUrl("postgres"), "vneid_lighthouse");
  }
  const server = await startServer(databaseUrl);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  const rows: { name: string; performance: number; accessibility: number }[] = [];
  try {
    for (const page of PAGES) {
      const headers = page.user ? { Cookie: await sessionCookie(page.user) } : undefined;
      // One unscored run first: the first request of a route compiles nothing in a production
      // build, but it does warm the database's caches, as every morning's second visitor finds them.
      await fetch(`${BASE}${page.path}`, headers ? { headers } : {});
      const result = await lighthouse(`${BASE}${page.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
        ...(headers ? { extraHeaders: headers } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}.`);
      const { categories } = result.lhr;
      if (process.env.LIGHTHOUSE_DETAILS) {
        for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "render-blocking-insight", "network-dependency-tree-insight"]) {
          const audit = result.lhr.audits[id];
          if (audit) console.log(`${page.name} ${id}: ${audit.displayValue ?? ""} score ${audit.score}`);
        }
      }
      rows.push({ name: page.name, performance: Math.round((categories.performance.score ?? 0) * 100), accessibility: Math.round((categories.accessibility.score ?? 0) * 100) });
    }
  } finally {
    await chrome.kill();
    server.kill("SIGTERM");
  }
  console.log(`\n${"page".padEnd(12)}${"path".padEnd(22)}${"performance".padStart(12)}${"accessibility".padStart(15)}`);
  for (const row of rows) {
    const path = PAGES.find((p) => p.name === row.name)!.path;
    console.log(`${row.name.padEnd(12)}${path.padEnd(22)}${String(row.performance).padStart(12)}${String(row.accessibility).padStart(15)}`);
  }
  const ok = rows.every((r) => r.performance >= GOALS.performance && r.accessibility >= GOALS.accessibility);
  console.log(ok ? `\nAll pages meet the goals (performance ≥ ${GOALS.performance}, accessibility ≥ ${GOALS.accessibility}).` : "\nBelow the goals: see the table.");
  return ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
