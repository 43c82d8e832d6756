// `npm run lighthouse`: Lighthouse (mobile preset: a mid-range phone on a slow 4G link,
// simulated) against the production build on loopback with the demo data, in Debian's
// Chromium. Prints performance and accessibility per page; exits 1 below the goals
// (performance ≥ 90, accessibility ≥ 95), each the median of three runs (LIGHTHOUSE_RUNS).
// Needs `npm run build` first. Nothing leaves the
// machine: Lighthouse's error reporting stays off and the pages load nothing external.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import puppeteer, { type Browser } from "puppeteer-core";
import { throttling } from "lighthouse/core/config/constants.js";
import { pageFunctions } from "lighthouse/core/lib/page-functions.js";
import { missingCompileHints } from "@/lib/build/compile-hints";
import { ensureEmbeddedPostgres, embeddedUrl } from "@/lib/db/embedded";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { signIn } from "../support/http-sign-in";

const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const GOALS = { performance: 90, accessibility: 95 };
/**
 * Lighthouse's mobile preset slows the CPU 4× on the assumption that it runs on a fast desktop
 * (benchmark index ~1500); on a slower host that over-throttles. Lighthouse's documented fix
 * (docs/throttling.md, "calibrating multipliers"; PageSpeed Insights does the same with 1.2×)
 * is a multiplier chosen from the host's benchmark index, which this is: the piecewise-linear
 * table of Lighthouse's CPU throttling calculator. LIGHTHOUSE_CPU_MULTIPLIER overrides it.
 */
export function calibratedMultiplier(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return 1 + Math.max(0, benchmarkIndex - 150) / 650;
}

/** Runs per page; the median counts (LIGHTHOUSE_RUNS to change). */
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

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

async function main(): Promise<number> {
  if (!existsSync(".next/BUILD_ID")) {
    console.error("No production build: run `npm run build` first.");
    return 2;
  }
  if (missingCompileHints().length > 0) {
    console.error("This build's startup scripts lack the compile hint (built with `next build` alone?): run `npm run build`.");
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
  const rows: { name: string; performance: number; accessibility: number; multiplier: number }[] = [];
  let browser: Browser | undefined;
  try {
    // The CPU slowdown is calibrated for each run from the host's benchmark index measured in
    // the same tab just before it (Lighthouse's own benchmark), unless
    // LIGHTHOUSE_CPU_MULTIPLIER fixes it: this shared host measures anywhere from ~1,050 to
    // ~1,800 within minutes, so one measurement at the start mis-calibrated later runs.
    const fixed = Number(process.env.LIGHTHOUSE_CPU_MULTIPLIER);
    console.log(fixed > 0 ? `CPU slowdown ${fixed.toFixed(2)}× (LIGHTHOUSE_CPU_MULTIPLIER)` : "CPU slowdown calibrated before each run from the host's benchmark index (4× on a ~1500 host)");
    const configFor = (multiplier: number) => ({ extends: "lighthouse:default", settings: { throttling: { ...throttling.mobileSlow4G, cpuSlowdownMultiplier: multiplier } } }) as const;
    // The signed-in pages need the user's session cookie in the browser itself: Lighthouse's
    // extraHeaders Cookie is dropped by Chromium, which silently measured the login page
    // instead (the final URL is checked below so that cannot happen unnoticed again).
    browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const tab = await browser.newPage();
    const only = process.env.LIGHTHOUSE_PAGES?.split(",");
    for (const page of PAGES.filter((p) => !only || only.includes(p.name))) {
      const cookie = page.user ? await signIn(BASE, page.user, "demo-vneid-2026") : null;
      const headers = cookie ? { Cookie: cookie } : undefined;
      await tab.deleteCookie(...(await tab.cookies(BASE)));
      if (cookie) {
        await tab.setCookie(...cookie.split("; ").map((pair) => {
          const at = pair.indexOf("=");
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: BASE };
        }));
      }
      // One unscored run first: the first request of a route compiles nothing in a production
      // build, but it does warm the database's caches, as every morning's second visitor finds them.
      await fetch(`${BASE}${page.path}`, headers ? { headers } : {});
      // Lighthouse's own advice (and Lighthouse CI's default): several runs, the median one
      // counts; a single run swings with whatever else the machine does.
      const runs: { performance: number; accessibility: number; multiplier: number; lhr: LighthouseResult }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const multiplier = fixed > 0 ? fixed : calibratedMultiplier(await tab.evaluate(pageFunctions.computeBenchmarkIndex));
        const config = configFor(multiplier);
        const result = await lighthouse(`${BASE}${page.path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
        }, config, tab);
        if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}.`);
        const { categories } = result.lhr;
        if (new URL(result.lhr.finalDisplayedUrl).pathname !== new URL(`${BASE}${page.path}`).pathname) {
          throw new Error(`${page.path} ended at ${result.lhr.finalDisplayedUrl}: the page was not measured.`);
        }
        runs.push({ performance: Math.round((categories.performance.score ?? 0) * 100), accessibility: Math.round((categories.accessibility.score ?? 0) * 100), multiplier, lhr: result.lhr });
      }
      runs.sort((a, b) => a.performance - b.performance);
      const median = runs[Math.floor(runs.length / 2)];
      if (process.env.LIGHTHOUSE_DETAILS) {
        console.log(`${page.name}: performance of each run ${runs.map((r) => `${r.performance} (${r.multiplier.toFixed(2)}×)`).join(", ")}; host benchmark index ${median.lhr.environment.benchmarkIndex}`);
        for (const warning of median.lhr.runWarnings) console.log(`${page.name} warning: ${warning}`);
        for (const id of ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index", "bootup-time", "largest-contentful-paint-element", "layout-shifts"]) {
          const audit = median.lhr.audits[id];
          if (audit) console.log(`${page.name} ${id}: ${audit.displayValue ?? ""} score ${audit.score}`);
          if (audit && id.startsWith("la") && audit.details) console.log(JSON.stringify(audit.details).slice(0, 900));
        }
        // Where the main thread's time goes, and its long tasks (what Total Blocking Time counts).
        for (const id of ["mainthread-work-breakdown", "bootup-time", "long-tasks"]) {
          const details = median.lhr.audits[id]?.details;
          if (details && details.type === "table") {
            for (const item of details.items.slice(0, 10)) console.log(`${page.name} ${id}: ${JSON.stringify(item)}`);
          }
        }
      }
      rows.push({ name: page.name, performance: median.performance, accessibility: median.accessibility, multiplier: median.multiplier });
    }
  } finally {
    await browser?.disconnect();
    await chrome.kill();
    server.kill("SIGTERM");
  }
  console.log(`\n${"page".padEnd(12)}${"path".padEnd(22)}${"performance".padStart(12)}${"accessibility".padStart(15)}${"CPU ×".padStart(8)}`);
  for (const row of rows) {
    const path = PAGES.find((p) => p.name === row.name)!.path;
    console.log(`${row.name.padEnd(12)}${path.padEnd(22)}${String(row.performance).padStart(12)}${String(row.accessibility).padStart(15)}${row.multiplier.toFixed(2).padStart(8)}`);
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
