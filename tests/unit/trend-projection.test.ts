import { describe, expect, it } from "vitest";
import { project } from "@/lib/domain/projection";
import { trendHorizon, trendToHorizon } from "@/lib/domain/trend-projection";
import { percentTicks } from "@/components/charts/chart-format";

const trend = (from: string, values: number[]) =>
  values.map((cumulative, i) => ({ day: new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), cumulative }));

describe("trendHorizon: the day the time axis runs to", () => {
  it.each([
    { label: "the next milestone", milestones: [{ dueDate: "2023-06-30", target: 10 }, { dueDate: "2023-12-31", target: 20 }], asOf: "2023-06-20", end: "2023-12-31", expected: "2023-06-30" },
    { label: "a milestone due today counts", milestones: [{ dueDate: "2023-06-20", target: 10 }], asOf: "2023-06-20", end: null, expected: "2023-06-20" },
    { label: "all milestones past: the campaign's end", milestones: [{ dueDate: "2023-06-30", target: 10 }], asOf: "2023-07-05", end: "2023-12-31", expected: "2023-12-31" },
    { label: "nothing ahead: the as-of date", milestones: [], asOf: "2023-07-05", end: "2023-07-01", expected: "2023-07-05" },
    { label: "milestones in any order", milestones: [{ dueDate: "2023-12-31", target: 20 }, { dueDate: "2023-06-30", target: 10 }], asOf: "2023-06-01", end: null, expected: "2023-06-30" },
  ])("$label", ({ milestones, asOf, end, expected }) => {
    expect(trendHorizon(milestones, asOf, end)).toBe(expected);
  });
});

describe("trendToHorizon: stored figures, then the projected and the required path to the next milestone", () => {
  // 8 stored days, 100 a day; as of 2023-06-27; milestone 2023-06-30 with target 1 500.
  const stored = trend("2023-06-20", [800, 900, 1_000, 1_100, 1_200, 1_300, 1_400, 1_500].map((v) => v - 500));
  const milestones = [{ dueDate: "2023-06-30", target: 1_500 }, { dueDate: "2023-12-31", target: 3_000 }];

  it("draws every day up to the next milestone's due date, and stops there", () => {
    const path = trendToHorizon({ trend: stored, milestones, asOf: "2023-06-27", dailyPace: 100 });
    expect(path.horizon).toBe("2023-06-30");
    expect(path.points.map((p) => p.day)).toEqual(["2023-06-20", "2023-06-21", "2023-06-22", "2023-06-23", "2023-06-24", "2023-06-25", "2023-06-26", "2023-06-27", "2023-06-28", "2023-06-29", "2023-06-30"]);
    expect(path.milestones).toEqual([{ dueDate: "2023-06-30", target: 1_500 }]);
  });

  it("the actual line stops on the as-of date; the projection and the required path start there", () => {
    const { points } = trendToHorizon({ trend: stored, milestones, asOf: "2023-06-27", dailyPace: 100 });
    expect(points.slice(6).map(({ day, cumulative, projected, required, target }) => ({ day, cumulative, projected, required, target }))).toEqual([
      { day: "2023-06-26", cumulative: 900, projected: null, required: null, target: 1_500 },
      { day: "2023-06-27", cumulative: 1_000, projected: 1_000, required: 1_000, target: 1_500 },
      { day: "2023-06-28", cumulative: null, projected: 1_100, required: 1_167, target: 1_500 },
      { day: "2023-06-29", cumulative: null, projected: 1_200, required: 1_333, target: 1_500 },
      { day: "2023-06-30", cumulative: null, projected: 1_300, required: 1_500, target: 1_500 },
    ]);
  });

  it("ends on the projection card's projected value (same pace, same rounding)", () => {
    const weekAgo = 1_000 - 7 * 33.33;
    const card = project({ actual: 1_000, actualWeekAgo: Math.round(weekAgo), target: 1_500, dueDate: "2023-06-30", asOf: "2023-06-27" });
    const { points } = trendToHorizon({ trend: stored, milestones, asOf: "2023-06-27", dailyPace: card.dailyPace });
    expect(points[points.length - 1].projected).toBe(card.projectedOnDueDate);
  });

  it("rounds half up and carries a negative pace (after a correction) downwards", () => {
    const { points } = trendToHorizon({ trend: stored, milestones, asOf: "2023-06-27", dailyPace: -0.5 });
    expect(points.slice(-3).map((p) => p.projected)).toEqual([1_000, 999, 999]);
    const up = trendToHorizon({ trend: stored, milestones, asOf: "2023-06-27", dailyPace: 0.5 });
    expect(up.points.slice(-3).map((p) => p.projected)).toEqual([1_001, 1_001, 1_002]);
  });

  it("no required path once the target is met; the projection still runs", () => {
    const { points } = trendToHorizon({ trend: stored, milestones: [{ dueDate: "2023-06-30", target: 900 }], asOf: "2023-06-27", dailyPace: 100 });
    expect(points.every((p) => p.required === null)).toBe(true);
    expect(points[points.length - 1].projected).toBe(1_300);
  });

  it("the target steps to the later milestone's after the first is due, and a milestone before the first day is left out", () => {
    const path = trendToHorizon({ trend: stored, milestones: [{ dueDate: "2023-06-01", target: 100 }, { dueDate: "2023-06-22", target: 500 }, { dueDate: "2023-07-02", target: 2_000 }], asOf: "2023-06-27", dailyPace: 100 });
    expect(path.horizon).toBe("2023-07-02");
    expect(path.milestones.map((m) => m.dueDate)).toEqual(["2023-06-22", "2023-07-02"]);
    expect(path.points.find((p) => p.day === "2023-06-22")?.target).toBe(500);
    expect(path.points.find((p) => p.day === "2023-06-23")?.target).toBe(2_000);
  });

  it("with the milestone due today or all past and no campaign ahead, nothing is drawn after today", () => {
    const path = trendToHorizon({ trend: stored, milestones: [{ dueDate: "2023-06-27", target: 1_500 }], asOf: "2023-06-27", dailyPace: 100 });
    expect(path.points[path.points.length - 1]).toEqual({ day: "2023-06-27", cumulative: 1_000, target: 1_500, projected: null, required: null });
  });

  it("to the campaign's end after the last milestone: projection without a required path", () => {
    const path = trendToHorizon({ trend: stored, milestones: [{ dueDate: "2023-06-25", target: 700 }], asOf: "2023-06-27", dailyPace: 10, campaignEnd: "2023-06-29" });
    expect(path.points.slice(-2).map((p) => [p.day, p.projected, p.required])).toEqual([["2023-06-28", 1_010, null], ["2023-06-29", 1_020, null]]);
  });
});

describe("percentTicks: round percent ticks that include 100%", () => {
  it.each([
    { largest: 87, expected: [0, 25, 50, 75, 100] },
    { largest: 102.66, expected: [0, 50, 100, 150] },
    { largest: 115.34, expected: [0, 50, 100, 150] },
    { largest: 160, expected: [0, 50, 100, 150, 200] },
    { largest: 0, expected: [0, 25, 50, 75, 100] },
    { largest: 640, expected: [0, 100, 200, 300, 400, 500, 600, 700] },
  ])("largest bar $largest%", ({ largest, expected }) => {
    const { ticks, domainMax } = percentTicks(largest);
    expect(ticks.length).toBeLessThanOrEqual(largest > 400 ? 8 : 5);
    expect(ticks).toEqual(expected);
    expect(domainMax).toBe(expected[expected.length - 1]);
    expect(ticks).toContain(100);
  });
});
