import { describe, expect, it } from "vitest";
import { percentOf } from "@/lib/domain/percent";

describe("percentOf: actual / target × 100, half up to 2 decimals", () => {
  it.each([
    { label: "the printed 83.06% is really 83.07%", actual: 52000, target: 62600, expected: 83.07 },
    { label: "province example", actual: 186568, target: 738291, expected: 25.27 },
    { label: "above 100% shows its real value", actual: 11534, target: 10000, expected: 115.34 },
    { label: "exact", actual: 1, target: 8, expected: 12.5 },
    { label: "half rounds up", actual: 1, target: 16000, expected: 0.01 },
    { label: "below half rounds down", actual: 1, target: 40000, expected: 0 },
    { label: "zero actual", actual: 0, target: 500, expected: 0 },
    { label: "large counts stay exact", actual: 99_999_999, target: 100_000_000, expected: 100 },
  ])("$label", ({ actual, target, expected }) => {
    expect(percentOf(actual, target)).toBe(expected);
  });

  it.each([null, undefined, 0, -5])("has no percent without a positive target (%s)", (target) => {
    expect(percentOf(10, target)).toBeNull();
  });
});
