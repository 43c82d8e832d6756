import { describe, expect, it } from "vitest";
import { dailyCountOf, funnelViolations, isSpike, SPIKE_WINDOW_DAYS, usualDailyCount } from "@/lib/domain/daily-rules";
import { realisticHistory } from "../support/realistic-history";

const days = (count: number, value: number) => Array.from({ length: count }, () => value);

describe("spikes", () => {
  it.each([
    { label: "below the floor is never a spike", count: 50, recent: days(14, 0), expected: false },
    { label: "without history there is no spike", count: 5000, recent: [], expected: false },
    { label: "nine reported days are too few to judge", count: 5000, recent: days(9, 10), expected: false },
    { label: "ten reported days are enough", count: 5000, recent: days(10, 10), expected: true },
    { label: "exactly five times a steady average", count: 100, recent: days(14, 20), expected: false },
    { label: "more than five times a steady average", count: 101, recent: days(14, 20), expected: true },
    { label: "a busy unit's normal day", count: 900, recent: days(14, 400), expected: false },
    // Over the window's 14 days the average would be 21.4, and 120 more than five times it.
    { label: "the average is over the reported days, not the window", count: 120, recent: days(10, 30), expected: false },
    // Average 6.1, but one day of 40 says the unit is not as quiet as its other days.
    { label: "a noisy history widens the usual count", count: 60, recent: [2, 3, 1, 4, 2, 3, 40, 2, 3, 1], expected: false },
    { label: "ten times a noisy unit's usual day", count: 295, recent: [12, 55, 3, 41, 27, 59, 8, 33, 19, 46, 0, 38, 22, 50], expected: true },
  ])("$label", ({ count, recent, expected }) => {
    expect(isSpike(count, recent)).toBe(expected);
  });

  it("takes the usual count over the reported days, with a margin for noise", () => {
    expect(usualDailyCount(days(9, 10))).toBeNull();
    expect(usualDailyCount(days(10, 10))).toEqual({ average: 10, reportedDays: 10, level: 10 });
    const noisy = usualDailyCount([0, 20, 0, 20, 0, 20, 0, 20, 0, 20]);
    expect(noisy).toMatchObject({ average: 10, reportedDays: 10 });
    // standard deviation 10.54, standard error 3.33: two of them above the average
    expect(noisy?.level).toBeCloseTo(16.67, 2);
  });

  // What issue 19 measured: daily counts 0–59 every day for 30 days in ten thousand communes
  // made the old rule (the sum over 14 days divided by 14) flag 10,769 rows of 317,941.
  it("flags nothing on realistic history, and still flags a day ten times the usual", () => {
    const history = realisticHistory(19, 10_600, 30);
    const flagged: { unit: number; day: number; count: number }[] = [];
    const tenfoldMissed: number[] = [];
    history.forEach((counts, unit) => {
      counts.forEach((count, day) => {
        if (isSpike(count, counts.slice(Math.max(0, day - SPIKE_WINDOW_DAYS), day))) flagged.push({ unit, day, count });
      });
      const recent = counts.slice(-SPIKE_WINDOW_DAYS);
      const usual = recent.reduce((sum, count) => sum + count, 0) / recent.length;
      if (!isSpike(Math.round(10 * usual), recent)) tenfoldMissed.push(unit);
    });
    expect(history.flat()).toHaveLength(318_000);
    expect(flagged).toEqual([]);
    expect(tenfoldMissed).toEqual([]);
  });
});

describe("the funnel", () => {
  it("refuses activated above accounts and accounts above dossiers", () => {
    expect(funnelViolations(new Map([["activated", 11], ["accounts", 10], ["dossiers", 9]]))).toEqual([
      { metric: "activated", limitMetric: "accounts", value: 11, limit: 10 },
      { metric: "accounts", limitMetric: "dossiers", value: 10, limit: 9 },
    ]);
  });
  it("keeps level 2 inside its stages: activated_l2 ≤ activated, accounts_l2 ≤ accounts, activated_l2 ≤ accounts_l2", () => {
    const base: [string, number][] = [["dossiers", 100], ["accounts", 80], ["activated", 60]];
    expect(funnelViolations(new Map([...base, ["accounts_l2", 80], ["activated_l2", 60]]))).toEqual([]);
    expect(funnelViolations(new Map([...base, ["accounts_l2", 81], ["activated_l2", 10]]))).toEqual([
      { metric: "accounts_l2", limitMetric: "accounts", value: 81, limit: 80 },
    ]);
    expect(funnelViolations(new Map([...base, ["accounts_l2", 70], ["activated_l2", 61]]))).toEqual([
      { metric: "activated_l2", limitMetric: "activated", value: 61, limit: 60 },
    ]);
    expect(funnelViolations(new Map([...base, ["accounts_l2", 40], ["activated_l2", 41]]))).toEqual([
      { metric: "activated_l2", limitMetric: "accounts_l2", value: 41, limit: 40 },
    ]);
    // a unit that does not count level 2 is not judged on it
    expect(funnelViolations(new Map([...base, ["activated_l2", 5]]))).toEqual([]);
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
