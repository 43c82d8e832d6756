import { describe, expect, it } from "vitest";
import { percentOf, pointsBetween } from "@/lib/domain/percent";

describe("percentOf: actual / target × 100, rounded half up to 2 decimals", () => {
  it.each([
    { label: "the printed 83.06% is really 83.07%", actual: 52000, target: 62600, expected: 83.07 },
    { label: "province example", actual: 186568, target: 738291, expected: 25.27 },
    { label: "above 100% keeps its real value", actual: 11534, target: 10000, expected: 115.34 },
    { label: "exactly 100%", actual: 500, target: 500, expected: 100 },
    { label: "double the target", actual: 1000, target: 500, expected: 200 },
    { label: "exact value with one decimal (1/8 = 12.5)", actual: 1, target: 8, expected: 12.5 },
    { label: "exact half of a hundredth rounds up (1/16000 = 0.00625)", actual: 1, target: 16000, expected: 0.01 },
    { label: "below half rounds down (1/40000 = 0.0025)", actual: 1, target: 40000, expected: 0 },
    { label: "3/16000 = 0.01875 rounds up", actual: 3, target: 16000, expected: 0.02 },
    { label: "5/16000 = 0.03125 rounds half up", actual: 5, target: 16000, expected: 0.03 },
    { label: "2/3 = 66.666… rounds up", actual: 2, target: 3, expected: 66.67 },
    { label: "1/3 = 33.333… rounds down", actual: 1, target: 3, expected: 33.33 },
    { label: "1/200 = 0.5 exactly", actual: 1, target: 200, expected: 0.5 },
    { label: "zero actual", actual: 0, target: 500, expected: 0 },
    { label: "target of one", actual: 7, target: 1, expected: 700 },
    { label: "large counts stay exact", actual: 99_999_999, target: 100_000_000, expected: 100 },
    { label: "large counts just under a half", actual: 999_949_999, target: 1_000_000_000, expected: 99.99 },
    { label: "large counts exactly at a half", actual: 999_950_000, target: 1_000_000_000, expected: 100 },
    { label: "max counts over max", actual: 1_000_000_000, target: 1_000_000_000, expected: 100 },
  ])("$label: $actual / $target → $expected", ({ actual, target, expected }) => {
    expect(percentOf(actual, target)).toBe(expected);
  });

  it.each([
    { target: null },
    { target: undefined },
    { target: 0 },
    { target: -5 },
  ])("has no percent without a positive target ($target)", ({ target }) => {
    expect(percentOf(10, target)).toBeNull();
    expect(percentOf(0, target)).toBeNull();
  });

  it.each([
    [52000, 62600],
    [186568, 738291],
    [11534, 10000],
    [1, 3],
  ])("returns a number with at most 2 decimals (%i / %i)", (actual, target) => {
    const value = percentOf(actual, target);
    expect(typeof value).toBe("number");
    expect(Math.round((value as number) * 100) / 100).toBe(value);
  });
});

describe("pointsBetween: the one change in percentage points (rankings and the weekly report)", () => {
  it.each([
    { now: 24.37, before: 24.36, points: 0.01 },
    { now: 25.27, before: 24.37, points: 0.9 },
    { now: 10, before: 12.5, points: -2.5 },
    { now: 115.34, before: 0, points: 115.34 },
    { now: null, before: 12, points: null },
    { now: 12, before: null, points: null },
  ])("$before → $now: $points", ({ now, before, points }) => expect(pointsBetween(now, before)).toBe(points));
});
