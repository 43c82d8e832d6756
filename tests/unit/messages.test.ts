import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

type Tree = { [key: string]: string | Tree };

/** Every leaf of a catalogue as `namespace.key.path` → message. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU argument names of a message: {name}, {count, plural, …}. */
function argumentsOf(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:[,}])/g)].map((m) => m[1]))].sort();
}

describe("message catalogue", () => {
  const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(MESSAGES[l] as unknown as Tree)]));

  it.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b])))("every %s key exists in %s", (a, b) => {
    const missing = [...catalogues[a].keys()].filter((key) => !catalogues[b].has(key));
    expect(missing).toEqual([]);
  });

  it("has no empty message, and the same placeholders in every language", () => {
    const problems: string[] = [];
    for (const [key, vi] of catalogues.vi) {
      for (const locale of LOCALES) {
        const message = catalogues[locale].get(key);
        if (message === undefined) continue;
        if (message.trim() === "") problems.push(`${locale}:${key} is empty`);
        if (argumentsOf(message).join() !== argumentsOf(vi).join()) problems.push(`${locale}:${key} has {${argumentsOf(message)}} but vi has {${argumentsOf(vi)}}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("notices a missing key (the check itself works)", () => {
    const en = leaves(MESSAGES.en as unknown as Tree);
    const broken = new Map(en);
    broken.delete([...en.keys()][0]);
    expect([...catalogues.vi.keys()].filter((key) => !broken.has(key))).toHaveLength(1);
  });
});
