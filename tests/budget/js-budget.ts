// JavaScript weight per route, read from the production build's own manifests, against a
// budget: commune police open the entry screen on cheap phones over weak connections.
//
// A route's JavaScript = the scripts it runs while it starts (lib/build/startup-scripts.ts:
// the framework chunks every page loads + the route's client chunks), each counted once,
// gzip-compressed (level 9, as a server would send them).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { hasBuild, routeStartupScripts } from "@/lib/build/startup-scripts";

export const BUDGETS_KB: { pattern: RegExp; kb: number; label: string }[] = [
  { pattern: /^\/entry(\/|$)/, kb: 150, label: "entry" },
  { pattern: /^\/import(\/|$)/, kb: 150, label: "entry" },
  { pattern: /.*/, kb: 250, label: "dashboards and others" },
];

/** The service worker (public/sw.js, issue 23) is not a page's script: it has a budget of its own. */
export const SERVICE_WORKER_BUDGET_KB = 50;

/** The built service worker's weight (gzip), or null when the build wrote none. */
export function serviceWorkerKb(file = "public/sw.js"): number | null {
  return existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length / 1024 : null;
}

export type RouteWeight = { route: string; kb: number; budgetKb: number; ok: boolean };

export function measureRoutes(buildDir = ".next"): RouteWeight[] {
  const gzipKb = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipKb.has(file)) gzipKb.set(file, gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length / 1024);
    return gzipKb.get(file)!;
  };
  return routeStartupScripts(buildDir).map(({ route, files }) => {
    const kb = files.reduce((sum, f) => sum + sizeOf(f), 0);
    const budgetKb = BUDGETS_KB.find((b) => b.pattern.test(route))!.kb;
    return { route, kb, budgetKb, ok: kb <= budgetKb };
  });
}

export function printWeights(weights: RouteWeight[]): void {
  console.log("route".padEnd(34) + "JS gzip".padStart(10) + "budget".padStart(10));
  for (const w of weights) {
    console.log(`${w.route.padEnd(34)}${`${w.kb.toFixed(1)} kB`.padStart(10)}${`${w.budgetKb} kB`.padStart(10)}${w.ok ? "" : "  OVER BUDGET"}`);
  }
}

/** Prints the table; true when every route is within its budget. */
export function checkBudgets(buildDir = ".next"): boolean {
  if (!hasBuild(buildDir)) {
    console.error("No production build: run `npm run build` first.");
    return false;
  }
  const weights = measureRoutes(buildDir);
  printWeights(weights);
  if (weights.length === 0) console.error("No routes found in the build output.");
  const worker = serviceWorkerKb();
  console.log(`${"service worker (public/sw.js)".padEnd(34)}${(worker === null ? "missing" : `${worker.toFixed(1)} kB`).padStart(10)}${`${SERVICE_WORKER_BUDGET_KB} kB`.padStart(10)}${worker !== null && worker <= SERVICE_WORKER_BUDGET_KB ? "" : "  OVER BUDGET OR MISSING"}`);
  return weights.length > 0 && weights.every((w) => w.ok) && worker !== null && worker <= SERVICE_WORKER_BUDGET_KB;
}
