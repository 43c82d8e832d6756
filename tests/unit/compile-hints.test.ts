import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT, missingCompileHints } from "@/lib/build/compile-hints";
import { writeFakeBuild } from "../support/fake-build";

function build() {
  return writeFakeBuild({
    chunks: {
      "framework.js": "(globalThis.TURBOPACK||[]).push([1]);",
      "entry.js": "push([2]);",
      "charts.js": "push([3]);", // loaded later with import(): in no manifest
      "app.css": "body{margin:0}",
    },
    rootMainFiles: ["framework.js"],
    pages: { "/entry": ["framework.js", "entry.js", "app.css"], "/login": [] },
  });
}

const read = (dir: string, name: string) => readFileSync(path.join(dir, "static/chunks", name), "utf8");

describe("compile hints on the startup scripts", () => {
  it("puts the hint first in the framework and route scripts, leaving the script after it unchanged", () => {
    const dir = build();
    expect(missingCompileHints(dir)).toEqual(["static/chunks/entry.js", "static/chunks/framework.js"]);
    expect(addCompileHints(dir).sort()).toEqual(["static/chunks/entry.js", "static/chunks/framework.js"]);
    expect(read(dir, "framework.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(read(dir, "entry.js")).toBe(`${COMPILE_HINT}push([2]);`);
    expect(missingCompileHints(dir)).toEqual([]);
  });

  it("leaves chunks loaded later and stylesheets alone", () => {
    const dir = build();
    addCompileHints(dir);
    expect(read(dir, "charts.js")).toBe("push([3]);");
    expect(read(dir, "app.css")).toBe("body{margin:0}");
  });

  it("adds the hint once however often the build step runs", () => {
    const dir = build();
    addCompileHints(dir);
    expect(addCompileHints(dir)).toEqual([]);
    expect(read(dir, "framework.js").split(COMPILE_HINT)).toHaveLength(2);
  });
});
