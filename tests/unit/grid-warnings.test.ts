import { describe, expect, test } from "vitest";
import { gridRowWarnings, shownCumulative, type GridCellInput } from "@/lib/domain/grid-warnings";

const cell = (metric: string, previous: number, patch: Partial<GridCellInput> = {}): GridCellInput =>
  ({ metric, previous, stored: null, typed: "", kind: "daily", dirty: false, ...patch });

describe("shownCumulative", () => {
  test.each([
    { label: "untouched, nothing stored", c: cell("a", 100), expected: 100 },
    { label: "untouched, stored today", c: cell("a", 100, { stored: 7 }), expected: 107 },
    { label: "typed as the day's count", c: cell("a", 100, { typed: "5", dirty: true }), expected: 105 },
    { label: "typed as a running total", c: cell("a", 100, { typed: "90", kind: "cumulative", dirty: true }), expected: 90 },
    { label: "a negative day's count", c: cell("a", 3, { typed: "-5", dirty: true }), expected: -2 },
    { label: "not a number yet", c: cell("a", 3, { typed: "1a", dirty: true }), expected: null },
  ])("$label", ({ c, expected }) => expect(shownCumulative(c)).toBe(expected));
});

describe("gridRowWarnings", () => {
  test("activated above accounts is flagged on the activated cell, with the accounts' total", () => {
    const warnings = gridRowWarnings([
      cell("dossiers", 500), cell("accounts", 400), cell("activated", 390, { typed: "20", dirty: true }),
    ]);
    expect(Object.fromEntries(warnings)).toEqual({ activated: [{ code: "funnel", limitMetric: "accounts", value: 410, limit: 400 }] });
  });

  test("accounts above dossiers, from the stored figures of the day", () => {
    const warnings = gridRowWarnings([cell("dossiers", 100, { stored: 1 }), cell("accounts", 100, { stored: 5 }), cell("activated", 10)]);
    expect(Object.fromEntries(warnings)).toEqual({ accounts: [{ code: "funnel", limitMetric: "dossiers", value: 105, limit: 101 }] });
  });

  test("a day's count below zero is flagged with what was typed", () => {
    const warnings = gridRowWarnings([cell("dossiers", 30), cell("accounts", 20, { typed: "-3", dirty: true }), cell("activated", 0)]);
    expect(Object.fromEntries(warnings)).toEqual({ accounts: [{ code: "negative", value: -3 }] });
  });

  test("a running total below zero is flagged", () => {
    const warnings = gridRowWarnings([cell("dossiers", 10), cell("accounts", 2, { typed: "-1", kind: "cumulative", dirty: true }), cell("activated", 0)]);
    expect(warnings.get("accounts")).toEqual([{ code: "negative", value: -1 }]);
  });

  test("a consistent row has no warning", () => {
    expect(gridRowWarnings([cell("dossiers", 10), cell("accounts", 9, { typed: "1", dirty: true }), cell("activated", 5)]).size).toBe(0);
  });
});
