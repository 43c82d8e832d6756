// The end-to-end checks that walk "every page" (accessibility, English, dark mode) take their
// pages from tests/e2e/pages.ts; this keeps that list equal to the pages in the code, as the
// authorization matrix does for actions: a page file with no entry fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "@/lib/db/seed/demo";
import { PAGES, REDIRECTS } from "../e2e/pages";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every app/**\/page.tsx as its route ("/admin/users/[id]"), route groups "(name)" left out. */
function pageFiles(dir = "app"): Map<string, string> {
  const found = new Map<string, string>();
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) for (const [route, file] of pageFiles(rel)) found.set(route, file);
    else if (entry.name === "page.tsx") {
      const segments = dir.split("/").slice(1).filter((s) => !/^\(.*\)$/.test(s));
      found.set(`/${segments.join("/")}`, rel);
    }
  }
  return found;
}

/**
 * The route an address opens: segments match one for one, "[name]" matches any one; a static
 * segment wins over a dynamic one, as in Next. Catch-all segments are not used in the app yet.
 */
function routeOf(address: string, routes: string[]): string | undefined {
  const wanted = address.split("?")[0].split("/").filter(Boolean);
  const matches = routes.filter((route) => {
    const segments = route.split("/").filter(Boolean);
    return segments.length === wanted.length && segments.every((s, i) => s === wanted[i] || /^\[[^.\]]+\]$/.test(s));
  });
  const staticCount = (route: string) => route.split("/").filter((s) => s && !s.startsWith("[")).length;
  return matches.sort((a, b) => staticCount(b) - staticCount(a))[0];
}

describe("the pages the end-to-end checks walk", () => {
  const files = pageFiles();
  const routes = [...files.keys()];

  it("finds the app's pages, dynamic ones included", () => {
    expect(routes).toEqual(expect.arrayContaining(["/", "/login", "/admin/users/[id]", "/admin/campaigns/[code]", "/units/[code]/rankings"]));
    expect(routes.some((route) => route.includes("[..."))).toBe(false);
  });

  it("has an entry for every page, and every entry opens a page", () => {
    const covered = new Set([...PAGES.map((p) => routeOf(p.path, routes)), ...Object.keys(REDIRECTS)]);
    expect(routes.filter((route) => !covered.has(route)), "add these pages to tests/e2e/pages.ts").toEqual([]);
    expect(PAGES.filter((p) => routeOf(p.path, routes) === undefined).map((p) => p.path), "entries for pages that no longer exist").toEqual([]);
  });

  it("opens each page as a demo user, with samples the demo has", () => {
    const users = new Set<string>(DEMO_USERS.map((u) => u.username));
    expect(PAGES.filter((p) => p.user !== null && !users.has(p.user)).map((p) => p.path)).toEqual([]);
    const named = PAGES.flatMap((p) => [...p.path.matchAll(/\{user:([^}]+)\}/g)].map((m) => m[1]));
    expect(named.filter((name) => !users.has(name))).toEqual([]);
  });

  it("leaves out only pages that redirect to a checked page", () => {
    for (const [route, target] of Object.entries(REDIRECTS)) {
      expect(files.has(route), route).toBe(true);
      expect(readFileSync(path.join(ROOT, files.get(route)!), "utf8")).toContain(`redirect("${target}")`);
      expect(PAGES.map((p) => p.path)).toContain(target);
    }
  });
});
