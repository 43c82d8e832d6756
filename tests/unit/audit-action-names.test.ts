// Every kind of audit event the code writes has a name people can read in both languages
// (catalogue entry.audit.actionNames), so the audit log never shows a bare code.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

const ROOT = path.resolve(__dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.posix.join(dir, name);
    if (rel.startsWith("lib/db/generated")) return [];
    return statSync(path.join(ROOT, rel)).isDirectory() ? sources(rel) : rel.endsWith(".ts") ? [rel] : [];
  });
}

describe("audit action names", () => {
  const written = new Set(
    // the string literals on the lines of lib/ that write an audit event (`action: …`, `audit(…)`)
    sources("lib").flatMap((file) =>
      readFileSync(path.join(ROOT, file), "utf8").split("\n").filter((line) => /\baction: |\baudit\(/.test(line))
        .flatMap((line) => [...line.matchAll(/"([a-z]+\.[a-z_]+)"/g)].map((m) => m[1]))),
  );

  it("finds the actions the code writes", () => {
    expect(written.has("figure.create")).toBe(true);
    expect(written.size).toBeGreaterThan(10);
  });

  it.each(LOCALES)("names every written action in %s", (locale) => {
    const names = MESSAGES[locale].entry.audit.actionNames as Record<string, Record<string, string>>;
    const missing = [...written].filter((action) => {
      const [group, verb] = action.split(".");
      return !names[group]?.[verb];
    });
    expect(missing).toEqual([]);
  });
});
