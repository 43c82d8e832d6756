// JavaScript weight per route, read from the production build's own manifests, against a
// budget: commune police open the entry screen on cheap phones over weak connections.
//
// A route's JavaScript = the framework chunks every page loads (`rootMainFiles` in
// .next/build-manifest.json) + the route's client chunks (`entryJSFiles` in its
// page_client-reference-manifest.js), each counted once, gzip-compressed (level 9, as a
// server would send them).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export const BUDGETS_KB: { pattern: RegExp; kb: number; label: string }[] = [
  { pattern: /^\/entry(\/|$)/, kb: 150, label: "entry" },
  { pattern: /^\/import(\/|$)/, kb: 150, label: "entry" },
  { pattern: /.*/, kb: 250, label: "dashboards and others" },
];

export type RouteWeight = { route: string; kb: number; budgetKb: number; ok: boolean };

function pageManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function readClientManifest(file: string): Record<string, ClientManifest> {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST ?? {};
}

export function measureRoutes(buildDir = ".next"): RouteWeight[] {
  const buildManifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[]; polyfillFiles?: string[] };
  const gzipKb = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipKb.has(file)) gzipKb.set(file, gzipSync(readFileSync(path.join(buildDir, file)), { level: 9 }).length / 1024);
    return gzipKb.get(file)!;
  };
  const appDir = path.join(buildDir, "server", "app");
  return pageManifests(appDir)
    .flatMap((file) => Object.entries(readClientManifest(file)))
    .map(([page, manifest]) => {
      const route = page.replace(/\/page$/, "") || "/";
      const files = new Set(buildManifest.rootMainFiles);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) if (f.endsWith(".js")) files.add(f);
      const kb = [...files].reduce((sum, f) => sum + sizeOf(f), 0);
      const budgetKb = BUDGETS_KB.find((b) => b.pattern.test(route))!.kb;
      return { route, kb, budgetKb, ok: kb <= budgetKb };
    })
    .filter((r) => !r.route.startsWith("/_"))
    .sort((a, b) => a.route.localeCompare(b.route));
}

export function printWeights(weights: RouteWeight[]): void {
  console.log("route".padEnd(34) + "JS gzip".padStart(10) + "budget".padStart(10));
  for (const w of weights) {
    console.log(`${w.route.padEnd(34)}${`${w.kb.toFixed(1)} kB`.padStart(10)}${`${w.budgetKb} kB`.padStart(10)}${w.ok ? "" : "  OVER BUDGET"}`);
  }
}

/** Prints the table; true when every route is within its budget. */
export function checkBudgets(buildDir = ".next"): boolean {
  if (!existsSync(path.join(buildDir, "build-manifest.json"))) {
    console.error("No production build: run `npm run build` first.");
    return false;
  }
  const weights = measureRoutes(buildDir);
  printWeights(weights);
  if (weights.length === 0) console.error("No routes found in the build output.");
  return weights.length > 0 && weights.every((w) => w.ok);
}
