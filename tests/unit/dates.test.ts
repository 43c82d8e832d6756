import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, dateToDay, dayToDate, daysBetween, isIsoDate, TIME_ZONE, todayInVietnam } from "@/lib/domain/dates";

describe("isIsoDate", () => {
  it.each([
    { value: "2023-06-07", ok: true },
    { value: "2024-02-29", ok: true, note: "leap day" },
    { value: "2000-02-29", ok: true, note: "leap century" },
    { value: "2023-12-31", ok: true },
    { value: "2023-01-01", ok: true },
    { value: "2023-02-29", ok: false, note: "not a leap year" },
    { value: "1900-02-29", ok: false, note: "century, not leap" },
    { value: "2023-02-30", ok: false },
    { value: "2023-04-31", ok: false },
    { value: "2023-13-01", ok: false },
    { value: "2023-00-10", ok: false },
    { value: "2023-06-00", ok: false },
    { value: "2023-06-32", ok: false },
    { value: "2023-1-01", ok: false },
    { value: "2023-01-1", ok: false },
    { value: "23-01-01", ok: false },
    { value: "2023/06/07", ok: false },
    { value: "07/06/2023", ok: false },
    { value: "2023-06-07T00:00", ok: false },
    { value: " 2023-06-07", ok: false },
    { value: "2023-06-07 ", ok: false },
    { value: "2023-06-07\n", ok: false },
    { value: "", ok: false },
    { value: "abcd-ef-gh", ok: false },
  ])("isIsoDate($value) = $ok", ({ value, ok }) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

describe("todayInVietnam (Asia/Ho_Chi_Minh, UTC+7)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("uses the Vietnamese time zone", () => {
    expect(TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
  });

  it.each([
    { instant: "2023-06-06T16:59:59Z", day: "2023-06-06" },
    { instant: "2023-06-06T16:59:59.999Z", day: "2023-06-06" },
    { instant: "2023-06-06T17:00:00Z", day: "2023-06-07" },
    { instant: "2023-06-06T00:00:00Z", day: "2023-06-06" },
    { instant: "2023-06-06T23:59:59Z", day: "2023-06-07" },
    { instant: "2023-06-30T17:00:00Z", day: "2023-07-01" },
    { instant: "2023-12-31T16:59:59Z", day: "2023-12-31" },
    { instant: "2023-12-31T17:00:00Z", day: "2024-01-01" },
    { instant: "2024-02-28T17:00:00Z", day: "2024-02-29" },
    { instant: "2023-06-07T00:00:00+07:00", day: "2023-06-07" },
  ])("$instant is $day in Vietnam", ({ instant, day }) => {
    expect(todayInVietnam(new Date(instant))).toBe(day);
  });

  it.each([
    { instant: "2023-06-06T16:59:59Z", day: "2023-06-06" },
    { instant: "2023-06-06T17:00:00Z", day: "2023-06-07" },
    { instant: "2023-06-30T18:30:00Z", day: "2023-07-01" },
  ])("without an argument uses the current time: $instant → $day", ({ instant, day }) => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date(instant));
    expect(todayInVietnam()).toBe(day);
  });
});

describe("dayToDate / dateToDay", () => {
  it.each(["2023-06-07", "2024-02-29", "2023-12-31", "2000-01-01"])("%s is UTC midnight and round-trips", (day) => {
    const date = dayToDate(day);
    expect(date.toISOString()).toBe(`${day}T00:00:00.000Z`);
    expect(dateToDay(date)).toBe(day);
  });

  it("dateToDay reads the UTC calendar day", () => {
    expect(dateToDay(new Date("2023-06-07T23:59:59.999Z"))).toBe("2023-06-07");
  });
});

describe("addDays", () => {
  it.each([
    { day: "2023-06-07", days: 0, expected: "2023-06-07" },
    { day: "2023-06-07", days: 1, expected: "2023-06-08" },
    { day: "2023-06-07", days: -7, expected: "2023-05-31" },
    { day: "2023-06-30", days: 1, expected: "2023-07-01" },
    { day: "2023-07-01", days: -1, expected: "2023-06-30" },
    { day: "2023-01-31", days: 1, expected: "2023-02-01" },
    { day: "2023-02-28", days: 1, expected: "2023-03-01" },
    { day: "2024-02-28", days: 1, expected: "2024-02-29" },
    { day: "2024-03-01", days: -1, expected: "2024-02-29" },
    { day: "2023-12-31", days: 1, expected: "2024-01-01" },
    { day: "2024-01-01", days: -1, expected: "2023-12-31" },
    { day: "2023-12-25", days: 10, expected: "2024-01-04" },
    { day: "2023-01-01", days: 365, expected: "2024-01-01" },
    { day: "2024-01-01", days: 366, expected: "2025-01-01" },
  ])("$day + $days = $expected", ({ day, days, expected }) => {
    expect(addDays(day, days)).toBe(expected);
  });
});

describe("daysBetween", () => {
  it.each([
    { from: "2023-06-07", to: "2023-06-07", expected: 0 },
    { from: "2023-06-07", to: "2023-06-08", expected: 1 },
    { from: "2023-06-07", to: "2023-06-30", expected: 23 },
    { from: "2023-06-30", to: "2023-06-07", expected: -23 },
    { from: "2023-06-30", to: "2023-07-01", expected: 1 },
    { from: "2024-02-28", to: "2024-03-01", expected: 2 },
    { from: "2023-02-28", to: "2023-03-01", expected: 1 },
    { from: "2023-12-31", to: "2024-01-01", expected: 1 },
    { from: "2023-01-01", to: "2024-01-01", expected: 365 },
    { from: "2024-01-01", to: "2025-01-01", expected: 366 },
  ])("$from → $to = $expected", ({ from, to, expected }) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    { day: "2023-06-07", days: 40 },
    { day: "2023-12-20", days: -400 },
  ])("is the inverse of addDays ($day, $days)", ({ day, days }) => {
    expect(daysBetween(day, addDays(day, days))).toBe(days);
  });
});
