import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "@/lib/i18n/config";
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

type Catalogues = Record<Locale, Map<string, string>>;

/** Keys of language `a` that language `b` lacks. */
function missingKeys(catalogues: Catalogues, a: Locale, b: Locale): string[] {
  return [...catalogues[a].keys()].filter((key) => !catalogues[b].has(key));
}

/** Empty messages, and messages whose placeholders differ from the Vietnamese one's. */
function messageProblems(catalogues: Catalogues): string[] {
  const problems: string[] = [];
  for (const [key, vi] of catalogues.vi) {
    for (const locale of LOCALES) {
      const message = catalogues[locale].get(key);
      if (message === undefined) continue;
      if (message.trim() === "") problems.push(`${locale}:${key} is empty`);
      if (argumentsOf(message).join() !== argumentsOf(vi).join()) problems.push(`${locale}:${key} has {${argumentsOf(message)}} but vi has {${argumentsOf(vi)}}`);
    }
  }
  return problems;
}

const PAIRS = LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b] as const));

describe("message catalogue", () => {
  const catalogues = Object.fromEntries(LOCALES.map((l) => [l, leaves(MESSAGES[l] as unknown as Tree)])) as Catalogues;

  it.each(PAIRS)("every %s key exists in %s", (a, b) => {
    expect(missingKeys(catalogues, a, b)).toEqual([]);
  });

  it("has no empty message, and the same placeholders in every language", () => {
    expect(messageProblems(catalogues)).toEqual([]);
  });

  it("finds each fault planted in a copy of the catalogue (the checks themselves work)", () => {
    const bad = Object.fromEntries(LOCALES.map((l) => [l, new Map(catalogues[l])])) as Catalogues;
    const [dropped] = [...bad.en.keys()];
    bad.en.delete(dropped);
    bad.en.set("planted.onlyInEnglish", "Only here");
    const emptied = [...bad.vi].find(([key, message]) => key !== dropped && argumentsOf(message).length === 0)![0];
    bad.vi.set(emptied, " ");
    const [renamed, message] = [...bad.en].find(([key, m]) => key !== emptied && argumentsOf(m).length > 0)!;
    const [first] = argumentsOf(message);
    bad.en.set(renamed, message.replaceAll(`{${first}`, `{${first}X`));

    expect(PAIRS.map(([a, b]) => [a, b, missingKeys(bad, a, b)])).toEqual([["vi", "en", [dropped]], ["en", "vi", ["planted.onlyInEnglish"]]]);
    expect(messageProblems(bad).sort()).toEqual([
      `vi:${emptied} is empty`,
      `en:${renamed} has {${argumentsOf(bad.en.get(renamed)!)}} but vi has {${argumentsOf(bad.vi.get(renamed)!)}}`,
    ].sort());
  });
});
