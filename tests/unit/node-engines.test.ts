// `npm install` stays free of EBADENGINE on the oldest Node.js package.json accepts: every
// package in the lockfile must accept that version, so a version bump that drops it fails here
// rather than as a warning nobody reads. One stated exception (README, "Requirements").
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

/** Loaded only by `prisma dev` (a local Prisma Postgres), which this project never starts. */
const EXCEPTIONS = new Set(["@prisma/streams-local"]);

type Version = [number, number, number];

function parse(text: string): Version {
  const [major = 0, minor = 0, patch = 0] = text.replace(/^v/, "").split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : 0));
  return [major, minor, patch];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` satisfies one comparator ("^20.19.0", ">=22", "20.x", "*"). */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const match = /^(\^|~|>=|<=|>|<|=)?\s*v?([\dx*.]+)$/.exec(comparator);
  if (!match) throw new Error(`unread engine range: ${comparator}`);
  const [, op = "=", raw] = match;
  if (raw === "*" || raw === "x") return true;
  const parts = raw.split(".");
  const bound = parse(raw);
  const wildcard = parts.length < 3 || parts.some((p) => p === "x" || p === "*");
  switch (op) {
    case ">=": return compare(version, bound) >= 0;
    case ">": return compare(version, bound) > 0;
    case "<=": return compare(version, bound) <= 0;
    case "<": return compare(version, bound) < 0;
    case "^": return version[0] === bound[0] && compare(version, bound) >= 0;
    case "~": return version[0] === bound[0] && version[1] === bound[1] && compare(version, bound) >= 0;
    default: return wildcard ? parts.every((p, i) => p === "x" || p === "*" || Number(p) === version[i]) : compare(version, bound) === 0;
  }
}

/** npm's ranges as written in engines: alternatives joined by "||", each a set of comparators ("a - b" included). */
export function satisfies(versionText: string, range: string): boolean {
  const version = parse(versionText);
  return range.split("||").some((alternative) => {
    const hyphen = /^\s*([\d.]+)\s+-\s+([\d.]+)\s*$/.exec(alternative);
    if (hyphen) return compare(version, parse(hyphen[1])) >= 0 && compare(version, parse(hyphen[2])) <= 0;
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").split(/\s+/).filter(Boolean);
    return comparators.length === 0 || comparators.every((c) => satisfiesComparator(version, c));
  });
}

describe("Node.js engines", () => {
  const oldest = /^>=\s*([\d.]+)$/.exec(manifest.engines.node)?.[1];

  it("package.json states the oldest Node.js it runs on", () => {
    expect(manifest.engines.node).toBe(">=20.19");
  });

  it.each([
    { version: "20.19.0", range: ">=22", expected: false },
    { version: "20.19.0", range: "^22 || ^24 || >=26", expected: false },
    { version: "20.19.0", range: "^18 || >=20", expected: true },
    { version: "20.19.0", range: "^20.19.0 || ^22.12.0 || >=23", expected: true },
    { version: "20.19.0", range: ">= 16", expected: true },
    { version: "20.19.0", range: "18 - 22", expected: true },
    { version: "20.19.0", range: "20.x", expected: true },
  ])("reads $range for $version ($expected)", ({ version, range, expected }) => expect(satisfies(version, range)).toBe(expected));

  it("every installed package accepts it, but the one stated exception", () => {
    const refusing = Object.entries(lock.packages).flatMap(([where, entry]) => {
      const name = where.replace(/^.*node_modules\//, "");
      const node = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      return where !== "" && node && !EXCEPTIONS.has(name) && !satisfies(`${oldest}.0`, node) ? [`${where}@${entry.version}: node ${node}`] : [];
    });
    expect(refusing).toEqual([]);
  });
});
