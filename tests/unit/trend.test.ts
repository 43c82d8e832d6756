import { describe, expect, it } from "vitest";
import { buildTrend, summedRunningTotals } from "@/lib/domain/trend";

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
