import { describe, expect, it } from "vitest";
import { dailyCountOf, funnelViolations, isSpike } from "@/lib/domain/daily-rules";

describe("spikes", () => {
  it.each([
    { label: "below the floor is never a spike", count: 50, recentTotal: 0, expected: false },
    { label: "above the floor without history", count: 51, recentTotal: 0, expected: true },
    { label: "exactly five times the average", count: 100, recentTotal: 280, expected: false },
    { label: "more than five times the average", count: 101, recentTotal: 280, expected: true },
    { label: "a busy unit's normal day", count: 900, recentTotal: 14 * 400, expected: false },
  ])("$label", ({ count, recentTotal, expected }) => {
    expect(isSpike(count, recentTotal)).toBe(expected);
  });
});

describe("the funnel", () => {
  it("refuses activated above accounts and accounts above dossiers", () => {
    expect(funnelViolations(new Map([["activated", 11], ["accounts", 10], ["dossiers", 9]]))).toEqual([
      { metric: "activated", limitMetric: "accounts", value: 11, limit: 10 },
      { metric: "accounts", limitMetric: "dossiers", value: 10, limit: 9 },
    ]);
  });
  it("skips metrics that are not known and accepts equality", () => {
    expect(funnelViolations(new Map([["activated", 11]]))).toEqual([]);
    expect(funnelViolations(new Map([["activated", 10], ["accounts", 10], ["cccd", 1]]))).toEqual([]);
  });
});

describe("daily count of an entry", () => {
  it("reads a cumulative entry against the day before", () => {
    expect(dailyCountOf("cumulative", 130, 100)).toBe(30);
    expect(dailyCountOf("cumulative", 90, 100)).toBe(-10);
    expect(dailyCountOf("daily", 7, 100)).toBe(7);
  });
});
