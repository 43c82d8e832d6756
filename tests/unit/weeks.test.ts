import { describe, expect, it } from "vitest";
import {
  formatIsoWeek, isoWeekOf, isWeekComplete, lastCompleteWeek, parseIsoWeek, shiftWeek, weekDays, weekEnd, weeksInYear, weekStart,
} from "@/lib/domain/weeks";
import { reportWords, weekLabel, weekShortLabel } from "@/lib/reports/text";

describe("isoWeekOf", () => {
  it.each([
    { day: "2023-06-05", expected: "2023-W23", note: "Monday" },
    { day: "2023-06-11", expected: "2023-W23", note: "Sunday" },
    { day: "2023-06-12", expected: "2023-W24" },
    { day: "2023-01-01", expected: "2022-W52", note: "a Sunday belongs to the previous year's last week" },
    { day: "2023-01-02", expected: "2023-W01" },
    { day: "2020-12-31", expected: "2020-W53", note: "53-week year" },
    { day: "2021-01-03", expected: "2020-W53" },
    { day: "2021-01-04", expected: "2021-W01" },
    { day: "2024-12-30", expected: "2025-W01", note: "a December Monday in next year's week 1" },
    { day: "2026-01-01", expected: "2026-W01", note: "Thursday" },
    { day: "2026-11-23", expected: "2026-W48" },
    { day: "2024-02-29", expected: "2024-W09", note: "leap day" },
  ])("$day is $expected ($note)", ({ day, expected }) => {
    expect(formatIsoWeek(isoWeekOf(day))).toBe(expected);
  });
});

describe("parseIsoWeek", () => {
  it.each([
    { value: "2023-W23", expected: { year: 2023, week: 23 } },
    { value: "2020-W53", expected: { year: 2020, week: 53 } },
    { value: "2023-W01", expected: { year: 2023, week: 1 } },
    { value: "2023-W53", expected: null, note: "2023 has 52 weeks" },
    { value: "2023-W00", expected: null },
    { value: "2023-W1", expected: null },
    { value: "2023W23", expected: null },
    { value: "2023-w23", expected: null },
    { value: " 2023-W23", expected: null },
    { value: "2023-W23\n", expected: null },
    { value: "", expected: null },
  ])("parseIsoWeek($value)", ({ value, expected }) => {
    expect(parseIsoWeek(value)).toEqual(expected);
  });
});

describe("week boundaries", () => {
  it.each([
    { week: "2023-W23", start: "2023-06-05", end: "2023-06-11" },
    { week: "2023-W01", start: "2023-01-02", end: "2023-01-08" },
    { week: "2020-W53", start: "2020-12-28", end: "2021-01-03" },
    { week: "2025-W01", start: "2024-12-30", end: "2025-01-05" },
    { week: "2026-W47", start: "2026-11-16", end: "2026-11-22" },
  ])("$week runs $start – $end", ({ week, start, end }) => {
    const parsed = parseIsoWeek(week)!;
    expect(weekStart(parsed)).toBe(start);
    expect(weekEnd(parsed)).toBe(end);
    expect(weekDays(parsed)).toHaveLength(7);
    expect(weekDays(parsed)[0]).toBe(start);
    expect(weekDays(parsed)[6]).toBe(end);
    expect(formatIsoWeek(isoWeekOf(start))).toBe(week);
    expect(formatIsoWeek(isoWeekOf(end))).toBe(week);
  });

  it.each([
    { year: 2015, weeks: 53 }, { year: 2020, weeks: 53 }, { year: 2026, weeks: 53 },
    { year: 2021, weeks: 52 }, { year: 2023, weeks: 52 }, { year: 2024, weeks: 52 },
  ])("$year has $weeks weeks", ({ year, weeks }) => {
    expect(weeksInYear(year)).toBe(weeks);
  });

  it("shifts across year ends", () => {
    expect(formatIsoWeek(shiftWeek({ year: 2021, week: 1 }, -1))).toBe("2020-W53");
    expect(formatIsoWeek(shiftWeek({ year: 2020, week: 53 }, 1))).toBe("2021-W01");
    expect(formatIsoWeek(shiftWeek({ year: 2023, week: 23 }, 0))).toBe("2023-W23");
  });
});

describe("lastCompleteWeek in Asia/Ho_Chi_Minh", () => {
  it.each([
    { now: "2023-06-12T00:00:00+07:00", expected: "2023-W23", note: "Monday 00:00 in Vietnam: last week just ended" },
    { now: "2023-06-11T16:59:59Z", expected: "2023-W22", note: "Sunday 23:59:59 in Vietnam: this week is not over" },
    { now: "2023-06-11T17:00:00Z", expected: "2023-W23", note: "Sunday 17:00 UTC is Monday 00:00 in Vietnam" },
    { now: "2023-06-07T09:00:00+07:00", expected: "2023-W22", note: "mid-week" },
    { now: "2023-01-02T08:00:00+07:00", expected: "2022-W52", note: "across the year" },
  ])("$note", ({ now, expected }) => {
    expect(formatIsoWeek(lastCompleteWeek(new Date(now)))).toBe(expected);
  });

  it("a week is complete once its Sunday is over in Vietnam", () => {
    const w23 = { year: 2023, week: 23 };
    expect(isWeekComplete(w23, new Date("2023-06-11T16:59:59Z"))).toBe(false);
    expect(isWeekComplete(w23, new Date("2023-06-11T17:00:00Z"))).toBe(true);
  });
});

describe("labels", () => {
  const vi = reportWords("vi");
  const en = reportWords("en");
  it("names the week with its Monday and Sunday, in Vietnamese and in English", () => {
    expect(weekLabel({ year: 2023, week: 23 }, vi)).toBe("Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023");
    expect(weekShortLabel({ year: 2023, week: 23 }, vi)).toBe("Tuần 23/2023");
    expect(weekLabel({ year: 2020, week: 53 }, vi)).toBe("Thứ Hai 28/12/2020 – Chủ Nhật 03/01/2021");
    expect(weekLabel({ year: 2023, week: 23 }, en)).toBe("Monday 05/06/2023 – Sunday 11/06/2023");
    expect(weekShortLabel({ year: 2023, week: 23 }, en)).toBe("Week 23/2023");
  });
});
