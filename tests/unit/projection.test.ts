import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dailyPaceOf, project, PROJECTION_STATUS_KEYS, type Projection, type ProjectionInput } from "@/lib/domain/projection";
import { MESSAGES } from "@/lib/i18n/messages";

// 2023-06-20 09:00 in Vietnam (02:00 UTC): "today" for every case that gives no asOf.
const NOW = new Date("2023-06-20T02:00:00Z");

describe("project (frozen time: today is 2023-06-20 in Vietnam)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it.each<{ label: string; input: ProjectionInput; expected: Partial<Projection> }>([
    {
      label: "on track: 700 a week (100/day) for 10 days reaches the target",
      input: { actual: 9_000, actualWeekAgo: 8_300, target: 10_000, dueDate: "2023-06-30" },
      expected: { asOf: "2023-06-20", dailyPace: 100, daysLeft: 10, projectedOnDueDate: 10_000, projectedPercent: 100, requiredDailyPace: 100, status: "on-track", projectedDate: "2023-06-30" },
    },
    {
      label: "at risk: projected 95% of the target",
      input: { actual: 9_000, actualWeekAgo: 8_650, target: 10_000, dueDate: "2023-06-30" },
      expected: { dailyPace: 50, projectedOnDueDate: 9_500, projectedPercent: 95, requiredDailyPace: 100, status: "at-risk", projectedDate: "2023-07-10" },
    },
    {
      label: "exactly 90% projected is still at risk",
      input: { actual: 8_000, actualWeekAgo: 7_300, target: 10_000, dueDate: "2023-06-30" },
      expected: { dailyPace: 100, projectedOnDueDate: 9_000, projectedPercent: 90, status: "at-risk" },
    },
    {
      label: "behind: projected below 90%",
      input: { actual: 5_000, actualWeekAgo: 4_930, target: 10_000, dueDate: "2023-06-30" },
      expected: { dailyPace: 10, projectedOnDueDate: 5_100, projectedPercent: 51, requiredDailyPace: 500, status: "behind", projectedDate: "2024-11-01" },
    },
    {
      label: "already met: no required pace, no projected date",
      input: { actual: 10_500, actualWeekAgo: 9_800, target: 10_000, dueDate: "2023-06-30" },
      expected: { status: "met", requiredDailyPace: null, projectedDate: null, projectedOnDueDate: 11_500 },
    },
    {
      label: "the last day: nothing is added any more, no required pace",
      input: { actual: 9_950, actualWeekAgo: 9_250, target: 10_000, dueDate: "2023-06-20" },
      expected: { daysLeft: 0, dailyPace: 100, projectedOnDueDate: 9_950, projectedPercent: 99.5, requiredDailyPace: null, status: "at-risk", projectedDate: "2023-06-21" },
    },
    {
      label: "a past due date not met is behind, whatever the share",
      input: { actual: 9_950, actualWeekAgo: 9_250, target: 10_000, dueDate: "2023-06-15" },
      expected: { daysLeft: -5, projectedOnDueDate: 9_950, requiredDailyPace: null, status: "behind" },
    },
    {
      label: "a past due date that was met stays met",
      input: { actual: 10_000, actualWeekAgo: 9_900, target: 10_000, dueDate: "2023-06-15" },
      expected: { daysLeft: -5, status: "met" },
    },
    {
      label: "zero pace: projection is the actual, no projected date",
      input: { actual: 6_000, actualWeekAgo: 6_000, target: 10_000, dueDate: "2023-06-30" },
      expected: { dailyPace: 0, projectedOnDueDate: 6_000, requiredDailyPace: 400, status: "behind", projectedDate: null },
    },
    {
      label: "a negative day from a correction lowers the pace below zero",
      input: { actual: 9_000, actualWeekAgo: 9_140, target: 10_000, dueDate: "2023-06-30" },
      expected: { dailyPace: -20, projectedOnDueDate: 8_800, projectedPercent: 88, status: "behind", projectedDate: null },
    },
    {
      label: "fractional pace keeps 2 decimals; the projection is rounded to whole accounts",
      input: { actual: 1_000, actualWeekAgo: 990, target: 1_100, dueDate: "2023-07-20" },
      expected: { dailyPace: 1.43, daysLeft: 30, projectedOnDueDate: 1_043, requiredDailyPace: 3.33, projectedDate: "2023-08-29" },
    },
    {
      label: "no target: pace only",
      input: { actual: 700, actualWeekAgo: 0, target: null, dueDate: null },
      expected: { dailyPace: 100, daysLeft: null, projectedOnDueDate: null, status: null, requiredDailyPace: null },
    },
  ])("$label", ({ input, expected }) => {
    expect(project(input)).toMatchObject(expected);
  });

  it("takes an explicit as-of date over today", () => {
    const p = project({ actual: 100, actualWeekAgo: 30, target: 200, dueDate: "2023-06-30", asOf: "2023-06-10" });
    expect(p).toMatchObject({ asOf: "2023-06-10", daysLeft: 20, dailyPace: 10, projectedOnDueDate: 300, status: "on-track" });
  });

  it("uses the Vietnamese day: 23:30 UTC on the 19th is already the 20th in Vietnam", () => {
    vi.setSystemTime(new Date("2023-06-19T23:30:00Z"));
    expect(project({ actual: 0, actualWeekAgo: 0, target: 10, dueDate: "2023-06-30" }).daysLeft).toBe(10);
  });
});

describe("dailyPaceOf and labels", () => {
  it.each([
    { actual: 700, weekAgo: 0, expected: 100 },
    { actual: 10, weekAgo: 0, expected: 1.43 },
    { actual: 0, weekAgo: 7, expected: -1 },
  ])("($actual − $weekAgo) / 7 = $expected", ({ actual, weekAgo, expected }) => {
    expect(dailyPaceOf(actual, weekAgo)).toBe(expected);
  });

  it("has a catalogue entry for every status in both languages", () => {
    const words = (locale: "vi" | "en") => Object.fromEntries(Object.entries(PROJECTION_STATUS_KEYS).map(([status, key]) => [status, MESSAGES[locale].dashboard.status[key]]));
    expect(words("vi")).toEqual({ met: "đạt", "on-track": "đúng tiến độ", "at-risk": "nguy cơ", behind: "chậm" });
    expect(words("en")).toEqual({ met: "met", "on-track": "on track", "at-risk": "at risk", behind: "behind" });
  });
});
