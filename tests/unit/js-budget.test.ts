import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measureRoutes } from "../budget/js-budget";

/** A fake build output: shared framework chunk, a small entry page and a heavy dashboard. */
function fakeBuild(): { dir: string; sizes: Record<string, number> } {
  const dir = mkdtempSync(path.join(tmpdir(), "budget-"));
  const chunk = (name: string, bytes: number) => {
    mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
    // Random-ish content so gzip cannot shrink it to nothing.
    let text = "";
    let x = bytes;
    while (text.length < bytes) text += ((x = (x * 1103515245 + 12345) % 2147483648)).toString(36);
    writeFileSync(path.join(dir, "static/chunks", name), text.slice(0, bytes));
    return gzipSync(text.slice(0, bytes), { level: 9 }).length / 1024;
  };
  const sizes = { main: chunk("main.js", 60_000), entry: chunk("entry.js", 5_000), dash: chunk("dash.js", 400_000), css: chunk("x.css", 9_000) };
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/main.js"] }));
  const page = (route: string, files: string[]) => {
    const folder = path.join(dir, "server/app", route);
    mkdirSync(folder, { recursive: true });
    const manifest = { entryJSFiles: { [`[project]/app${route}/page`]: files } };
    writeFileSync(path.join(folder, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST=(globalThis.__RSC_MANIFEST||{});globalThis.__RSC_MANIFEST[${JSON.stringify(`${route}/page`)}]=${JSON.stringify(manifest)};`);
  };
  page("/entry", ["static/chunks/main.js", "static/chunks/entry.js", "static/chunks/x.css"]);
  page("/dashboard", ["static/chunks/dash.js"]);
  return { dir, sizes };
}

describe("JavaScript budget", () => {
  it("counts shared chunks once, ignores CSS, and flags a route over its budget", () => {
    const { dir, sizes } = fakeBuild();
    const weights = measureRoutes(dir);
    const entry = weights.find((w) => w.route === "/entry")!;
    const dashboard = weights.find((w) => w.route === "/dashboard")!;
    expect(entry.kb).toBeCloseTo(sizes.main + sizes.entry, 5);
    expect(entry).toMatchObject({ budgetKb: 150, ok: true });
    expect(dashboard.kb).toBeCloseTo(sizes.main + sizes.dash, 5);
    expect(dashboard).toMatchObject({ budgetKb: 250, ok: false });
  });
});
