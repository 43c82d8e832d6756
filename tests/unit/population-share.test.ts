// The rounding rule of targets set as a share of the eligible population (issue 22,
// lib/domain/population-share.ts), as tables.
import { describe, expect, it } from "vitest";
import { allocateShare, basisPointsOf, largestRemainder, parsePercent, populationsOf, type ShareNode } from "@/lib/domain/population-share";

const split = (total: number, weights: Record<string, number>) =>
  Object.fromEntries(largestRemainder(total, Object.entries(weights).map(([code, weight]) => ({ code, weight }))));

describe("largestRemainder", () => {
  it.each([
    // total, weights, expected: the whole parts, then one each to the largest remainders
    [10, { a: 1, b: 1, c: 1 }, { a: 4, b: 3, c: 3 }], // ties: equal weights, the smaller code first
    [100, { a: 1, b: 2, c: 3 }, { a: 17, b: 33, c: 50 }], // 16,67 / 33,33 / 50
    [7, { a: 5, b: 3, c: 2 }, { a: 4, b: 2, c: 1 }], // 3,5 / 2,1 / 1,4: the half goes to a
    [1, { a: 3, b: 5 }, { a: 0, b: 1 }], // a tie-free remainder: b's 0,625 over a's 0,375
    [0, { a: 3, b: 5 }, { a: 0, b: 0 }],
    [5, { a: 0, b: 0 }, { a: 0, b: 0 }], // no population: nothing asked
    [5, { a: 0, b: 10 }, { a: 0, b: 5 }],
  ])("splits %i among %o as %o", (total, weights, expected) => {
    const result = split(total, weights);
    expect(result).toEqual(expected);
    if (Object.values(weights).some((w) => w > 0)) expect(Object.values(result).reduce((s, v) => s + v, 0)).toBe(total);
  });

  it("ties on remainder go to the larger population, then the smaller code", () => {
    // quotas 1,5 / 1,5 / 3: one left over; a and b tie on remainder and population: the smaller code, a
    expect(split(6, { b: 1, a: 1, c: 2 })).toEqual({ a: 2, b: 1, c: 3 });
    // quotas x 1,5, y 0,5, z 2: one left over; x and y tie on remainder: the larger population, x
    expect(split(4, { y: 1, x: 3, z: 4 })).toEqual({ x: 2, y: 0, z: 2 });
  });

  it("stays exact for populations whose products pass 2^53", () => {
    const big = 90_000_000;
    expect(split(big, { a: big, b: big, c: big })).toEqual({ a: 30_000_000, b: 30_000_000, c: 30_000_000 });
  });
});

/** A province of two districts: d1 with communes c1 (1,000), c2 (2,001); d2 with c3 (999). */
const TREE: ShareNode[] = [
  { code: "p", parentCode: null },
  { code: "d1", parentCode: "p" },
  { code: "d2", parentCode: "p" },
  { code: "c1", parentCode: "d1", population: 1_000 },
  { code: "c2", parentCode: "d1", population: 2_001 },
  { code: "c3", parentCode: "d2", population: 999 },
];

describe("allocateShare", () => {
  it("sums the leaves' populations up the tree", () => {
    expect(Object.fromEntries(populationsOf(TREE))).toEqual({ p: 4_000, d1: 3_001, d2: 999, c1: 1_000, c2: 2_001, c3: 999 });
  });

  it.each([
    // share, expected counts: the province's by half-up rounding, then split down by largest remainder
    [5500, { p: 2_200, d1: 1_651, d2: 549, c1: 550, c2: 1_101, c3: 549 }],
    [10000, { p: 4_000, d1: 3_001, d2: 999, c1: 1_000, c2: 2_001, c3: 999 }],
    [3333, { p: 1_333, d1: 1_000, d2: 333, c1: 333, c2: 667, c3: 333 }],
    [1, { p: 0, d1: 0, d2: 0, c1: 0, c2: 0, c3: 0 }], // 0,01% of 4,000 = 0,4: rounds to 0
    [13, { p: 5, d1: 4, d2: 1, c1: 1, c2: 3, c3: 1 }], // 0,13% of 4,000 = 5,2
  ])("a share of %i basis points gives %o", (bp, expected) => {
    const counts = allocateShare(TREE, bp);
    expect(Object.fromEntries(counts)).toEqual(expected);
    // the children add up to their parent at every level, each within one of its exact share
    expect(counts.get("d1")! + counts.get("d2")!).toBe(counts.get("p"));
    expect(counts.get("c1")! + counts.get("c2")!).toBe(counts.get("d1"));
    for (const [code, population] of populationsOf(TREE)) expect(Math.abs(counts.get(code)! - (population * bp) / 10000)).toBeLessThan(1);
  });

  it("rounds the unit's own count half up", () => {
    expect(allocateShare([{ code: "x", parentCode: null, population: 10 }], 5500).get("x")).toBe(6); // 5,5 → 6
    expect(allocateShare([{ code: "x", parentCode: null, population: 10 }], 5499).get("x")).toBe(5); // 5,499 → 5
  });
});

describe("basisPointsOf", () => {
  it.each([[55, 5500], [100, 10000], [55.5, 5550], [0.01, 1], [33.33, 3333]])("%d%% is %i basis points", (percent, bp) => {
    expect(basisPointsOf(percent)).toBe(bp);
  });
});

describe("parsePercent", () => {
  it.each([
    ["55", 5500], ["55,5", 5550], ["55.25", 5525], ["100", 10000], ["0,01", 1], [" 55 % ", 5500], ["7,05", 705],
    ["0", null], ["100,01", null], ["101", null], ["55,555", null], ["-5", null], ["", null], ["năm mươi", null], ["1.000", null],
  ])("%j is %s basis points", (text, bp) => {
    expect(parsePercent(text)).toBe(bp);
  });
});
