import { describe, expect, it } from "vitest";
import { plannedTotal, weekGaps } from "@/lib/domain/week-reporting";

const WEEK = ["2023-06-05", "2023-06-06", "2023-06-07", "2023-06-08", "2023-06-09", "2023-06-10", "2023-06-11"];

describe("weekGaps", () => {
  it("a commune that ended is expected only before the day it ended, and not at all once it had ended", () => {
    const merged = { ownerCode: "A", days: WEEK.slice(0, 2), endedOn: "2023-06-07" };
    expect(weekGaps(["A"], [merged, { ownerCode: "A", days: WEEK }], WEEK)).toEqual([]);
    expect(weekGaps(["A"], [{ ...merged, days: WEEK.slice(0, 1) }, { ownerCode: "A", days: WEEK }], WEEK))
      .toEqual([{ ownerCode: "A", missingDays: ["2023-06-06"], leavesMissing: 1, leavesTotal: 2 }]);
    expect(weekGaps(["A"], [{ ownerCode: "A", days: [], endedOn: "2023-06-01" }, { ownerCode: "A", days: WEEK.slice(1) }], WEEK))
      .toEqual([{ ownerCode: "A", missingDays: ["2023-06-05"], leavesMissing: 1, leavesTotal: 1 }]);
  });

  it("a commune that starts later (a reorganisation's new unit) is expected only from its first day", () => {
    const fresh = { ownerCode: "A", days: WEEK.slice(3), startedOn: "2023-06-08" };
    expect(weekGaps(["A"], [fresh, { ownerCode: "A", days: WEEK }], WEEK)).toEqual([]);
    expect(weekGaps(["A"], [{ ...fresh, days: WEEK.slice(4) }, { ownerCode: "A", days: WEEK }], WEEK))
      .toEqual([{ ownerCode: "A", missingDays: ["2023-06-08"], leavesMissing: 1, leavesTotal: 2 }]);
    // not yet started in the week at all: not counted
    expect(weekGaps(["A"], [{ ownerCode: "A", days: [], startedOn: "2023-07-01" }, { ownerCode: "A", days: WEEK }], WEEK)).toEqual([]);
  });

  it("a parent misses a day when any of its communes does", () => {
    expect(weekGaps(["A", "B"], [
      { ownerCode: "A", days: WEEK },
      { ownerCode: "A", days: WEEK.filter((d) => d !== "2023-06-08") },
      { ownerCode: "B", days: WEEK },
    ], WEEK)).toEqual([{ ownerCode: "A", missingDays: ["2023-06-08"], leavesMissing: 1, leavesTotal: 2 }]);
  });

  it("an owner with no commune listed never reported", () => {
    expect(weekGaps(["C"], [], WEEK.slice(0, 2))).toEqual([{ ownerCode: "C", missingDays: WEEK.slice(0, 2), leavesMissing: 1, leavesTotal: 1 }]);
  });

  it("counts only the days asked about (a week still under way)", () => {
    expect(weekGaps(["A"], [{ ownerCode: "A", days: WEEK.slice(0, 3) }], WEEK.slice(0, 3))).toEqual([]);
  });

  it("ignores leaves of owners not asked about", () => {
    expect(weekGaps(["A"], [{ ownerCode: "A", days: WEEK }, { ownerCode: "Z", days: [] }], WEEK)).toEqual([]);
  });
});

describe("plannedTotal", () => {
  const milestones = [{ dueDate: "2023-06-30", target: 1000 }, { dueDate: "2023-05-31", target: 300 }];
  it.each([
    { day: "2023-04-30", expected: 0, note: "before the campaign" },
    { day: "2023-05-01", expected: 0, note: "first day" },
    { day: "2023-05-16", expected: 150, note: "half way to the first milestone" },
    { day: "2023-05-31", expected: 300, note: "first milestone" },
    { day: "2023-06-15", expected: 650, note: "half way to the second" },
    { day: "2023-06-30", expected: 1000, note: "last milestone" },
    { day: "2023-07-20", expected: 1000, note: "flat after the last" },
  ])("$note: $day → $expected", ({ day, expected }) => {
    expect(plannedTotal("2023-05-01", milestones, day)).toBe(expected);
  });

  it("is null without milestones", () => {
    expect(plannedTotal("2023-05-01", [], "2023-05-10")).toBeNull();
  });
});
