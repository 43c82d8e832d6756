import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { measureRoutes, SERVICE_WORKER_BUDGET_KB, serviceWorkerKb } from "../budget/js-budget";
import { writeFakeBuild } from "../support/fake-build";

/** Random-ish content of a given length, so gzip cannot shrink it to nothing. */
function noise(bytes: number): string {
  let text = "";
  let x = bytes;
  while (text.length < bytes) text += ((x = (x * 1103515245 + 12345) % 2147483648)).toString(36);
  return text.slice(0, bytes);
}

describe("JavaScript budget", () => {
  it("counts shared chunks once, ignores CSS, and flags a route over its budget", () => {
    const chunks = { "main.js": noise(60_000), "entry.js": noise(5_000), "dash.js": noise(400_000), "x.css": noise(9_000) };
    const kb = (name: keyof typeof chunks) => gzipSync(chunks[name], { level: 9 }).length / 1024;
    const dir = writeFakeBuild({
      chunks,
      rootMainFiles: ["main.js"],
      pages: { "/entry": ["main.js", "entry.js", "x.css"], "/dashboard": ["dash.js"] },
    });
    const weights = measureRoutes(dir);
    const entry = weights.find((w) => w.route === "/entry")!;
    const dashboard = weights.find((w) => w.route === "/dashboard")!;
    expect(entry.kb).toBeCloseTo(kb("main.js") + kb("entry.js"), 5);
    expect(entry).toMatchObject({ budgetKb: 150, ok: true });
    expect(dashboard.kb).toBeCloseTo(kb("main.js") + kb("dash.js"), 5);
    expect(dashboard).toMatchObject({ budgetKb: 250, ok: false });
  });
});

describe("service worker budget", () => {
  it("weighs the built worker gzip-compressed, and knows when there is none", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sw-budget-"));
    const file = path.join(dir, "sw.js");
    expect(serviceWorkerKb(file)).toBeNull();
    writeFileSync(file, noise(30_000));
    expect(serviceWorkerKb(file)).toBeCloseTo(gzipSync(noise(30_000), { level: 9 }).length / 1024, 5);
    expect(SERVICE_WORKER_BUDGET_KB).toBe(50);
  });
});
