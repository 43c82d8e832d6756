import { describe, expect, it } from "vitest";
import { buildTrend, carriedSeries, summedRunningTotals } from "@/lib/domain/trend";

describe("buildTrend", () => {
  const milestones = [
    { dueDate: "2023-06-05", target: 100 },
    { dueDate: "2023-06-30", target: 300 },
  ];

  it("carries the running total over days without figures and averages the last 7 days", () => {
    const totals = [
      { day: "2023-05-28", cumulative: 10 },
      { day: "2023-06-01", cumulative: 80 },
      { day: "2023-06-03", cumulative: 150 },
      { day: "2023-06-04", cumulative: 140 }, // a correction lowered the total
    ];
    const points = buildTrend(totals, "2023-06-02", "2023-06-06", milestones);
    expect(points).toEqual([
      { day: "2023-06-02", cumulative: 80, daily: 0, average7: 11.43, target: 100 },
      { day: "2023-06-03", cumulative: 150, daily: 70, average7: 21.43, target: 100 },
      { day: "2023-06-04", cumulative: 140, daily: -10, average7: 18.57, target: 100 },
      { day: "2023-06-05", cumulative: 140, daily: 0, average7: 18.57, target: 100 },
      { day: "2023-06-06", cumulative: 140, daily: 0, average7: 18.57, target: 300 },
    ]);
  });

  it("starts at zero before the first report and has no target without milestones", () => {
    expect(buildTrend([{ day: "2023-06-02", cumulative: 7 }], "2023-06-01", "2023-06-02", [])).toEqual([
      { day: "2023-06-01", cumulative: 0, daily: 0, average7: 0, target: null },
      { day: "2023-06-02", cumulative: 7, daily: 7, average7: 1, target: null },
    ]);
  });

  it("is empty when the range is reversed", () => {
    expect(buildTrend([], "2023-06-02", "2023-06-01", milestones)).toEqual([]);
  });
});

describe("summedRunningTotals", () => {
  it("adds the units' totals, each carried over its days without a row, from its last row before the window", () => {
    const rows = [
      { unitId: 2, day: "2023-06-03", cumulative: 50 },
      { unitId: 1, day: "2023-05-20", cumulative: 10 }, // before the window: counts from the first day
      { unitId: 1, day: "2023-06-02", cumulative: 25 },
      { unitId: 1, day: "2023-06-04", cumulative: 20 }, // a correction lowered unit 1's total
      { unitId: 2, day: "2023-06-04", cumulative: 55 },
    ];
    expect(summedRunningTotals(rows, "2023-06-01", "2023-06-05")).toEqual([
      { day: "2023-06-01", cumulative: 10 },
      { day: "2023-06-02", cumulative: 25 },
      { day: "2023-06-03", cumulative: 75 },
      { day: "2023-06-04", cumulative: 75 },
      { day: "2023-06-05", cumulative: 75 },
    ]);
  });

  it("is zero on every day without any row, and empty when the range is reversed", () => {
    expect(summedRunningTotals([], "2023-06-01", "2023-06-02")).toEqual([{ day: "2023-06-01", cumulative: 0 }, { day: "2023-06-02", cumulative: 0 }]);
    expect(summedRunningTotals([{ unitId: 1, day: "2023-06-01", cumulative: 3 }], "2023-06-02", "2023-06-01")).toEqual([]);
  });
});

describe("carriedSeries", () => {
  const history = [
    { day: "2025-06-20", cumulative: 100 },
    { day: "2025-06-28", cumulative: 160 },
    { day: "2025-06-30", cumulative: 200 },
  ];

  it("draws a whole predecessor's history before the change and its total from the change on", () => {
    expect(carriedSeries(200, "2025-07-01", 200, history)).toEqual([...history, { day: "2025-07-01", cumulative: 200 }]);
  });

  it("draws a share of a split predecessor's history in the same proportion, ending on the amount carried", () => {
    expect(carriedSeries(50, "2025-07-01", 200, history)).toEqual([
      { day: "2025-06-20", cumulative: 25 },
      { day: "2025-06-28", cumulative: 40 },
      { day: "2025-06-30", cumulative: 50 },
      { day: "2025-07-01", cumulative: 50 },
    ]);
  });

  it("leaves no step on the change's day: summed with the unit's own figures, the day's addition is its own work", () => {
    const own = [{ unitId: 1, day: "2025-07-01", cumulative: 7 }];
    const carried = carriedSeries(200, "2025-07-01", 200, history).map((r) => ({ unitId: -1, ...r }));
    expect(summedRunningTotals([...own, ...carried], "2025-06-29", "2025-07-02")).toEqual([
      { day: "2025-06-29", cumulative: 160 },
      { day: "2025-06-30", cumulative: 200 },
      { day: "2025-07-01", cumulative: 207 },
      { day: "2025-07-02", cumulative: 207 },
    ]);
  });

  it("draws nothing before the change for a source without a past (or one asked not to be drawn): a step from the change on", () => {
    expect(carriedSeries(30, "2025-07-01", 0, history)).toEqual([{ day: "2025-07-01", cumulative: 30 }]);
  });

  it("ignores source rows from the change on (they are the source's, not the receiver's)", () => {
    expect(carriedSeries(200, "2025-07-01", 200, [...history, { day: "2025-07-03", cumulative: 999 }])).toEqual([...history, { day: "2025-07-01", cumulative: 200 }]);
  });
});
