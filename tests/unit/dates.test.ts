import { afterEach, describe, expect, it, vi } from "vitest";
import { addDays, daysBetween, isIsoDate, todayInVietnam } from "@/lib/domain/dates";

describe("calendar days in Asia/Ho_Chi_Minh", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    { instant: "2023-06-06T16:59:59Z", day: "2023-06-06" },
    { instant: "2023-06-06T17:00:00Z", day: "2023-06-07" },
    { instant: "2023-12-31T17:00:00Z", day: "2024-01-01" },
  ])("$instant is $day in Vietnam", ({ instant, day }) => {
    expect(todayInVietnam(new Date(instant))).toBe(day);
  });

  it("uses the current time by default", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2023-06-30T18:30:00Z"));
    expect(todayInVietnam()).toBe("2023-07-01");
  });

  it.each([
    { value: "2023-02-30", ok: false },
    { value: "2023-13-01", ok: false },
    { value: "2023-1-01", ok: false },
    { value: "2023-06-07T00:00", ok: false },
    { value: "", ok: false },
    { value: "2024-02-29", ok: true },
    { value: "2023-06-07", ok: true },
  ])("isIsoDate($value) = $ok", ({ value, ok }) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it("adds days across months and years and counts days between", () => {
    expect(addDays("2023-12-31", 1)).toBe("2024-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2023-06-07", "2023-06-30")).toBe(23);
    expect(daysBetween("2023-06-30", "2023-06-07")).toBe(-23);
  });
});
