// Date and week boxes read what Vietnamese write (dd/mm/yyyy, 48/2026), strictly.
import { describe, expect, it } from "vitest";
import { formatDayInput, formatWeekInput, parseDayInput, parseWeekInput } from "@/lib/domain/date-input";

describe("parseDayInput", () => {
  it.each([
    { text: "04/12/2026", day: "2026-12-04" },
    { text: "4/12/2026", day: "2026-12-04" },
    { text: " 04-12-2026 ", day: "2026-12-04" },
    { text: "04.12.2026", day: "2026-12-04" },
    { text: "29/02/2024", day: "2024-02-29" },
    { text: "31/12/2026", day: "2026-12-31" },
    { text: "01/01/1900", day: "1900-01-01" },
    { text: "2026-12-04", day: "2026-12-04" },
  ])("reads $text as $day", ({ text, day }) => expect(parseDayInput(text)).toEqual({ ok: true, day }));

  it.each([
    { text: "", error: "empty" },
    { text: "   ", error: "empty" },
    { text: "12/04", error: "format" },
    { text: "mm/dd/yyyy", error: "format" },
    { text: "04/12/26", error: "twoDigitYear" },
    { text: "4/12/6", error: "twoDigitYear" },
    { text: "04/12/202", error: "format" },
    { text: "04/12/20260", error: "format" },
    { text: "04/12/1899", error: "year" },
    { text: "31/02/2026", error: "day" },
    { text: "29/02/2026", error: "day" },
    { text: "29/02/2100", error: "day" },
    { text: "31/04/2026", error: "day" },
    { text: "00/12/2026", error: "day" },
    { text: "12/13/2026", error: "month" },
    { text: "04/00/2026", error: "month" },
    { text: "2026-02-30", error: "day" },
    { text: "Dec 4, 2026", error: "format" },
  ])("refuses $text ($error)", ({ text, error }) => expect(parseDayInput(text)).toEqual({ ok: false, error }));

  it("writes a day back as the box shows it", () => {
    expect(formatDayInput("2026-12-04")).toBe("04/12/2026");
    expect(formatDayInput("")).toBe("");
  });
});

describe("parseWeekInput", () => {
  it.each([
    { text: "48/2026", iso: "2026-W48" },
    { text: "Tuần 48/2026", iso: "2026-W48" },
    { text: "tuần 1 / 2026", iso: "2026-W01" },
    { text: "Week 48/2026", iso: "2026-W48" },
    { text: "W48/2026", iso: "2026-W48" },
    { text: "2026-W48", iso: "2026-W48" },
    // 2026 starts on a Thursday: a long year, with a week 53
    { text: "53/2026", iso: "2026-W53" },
    { text: "53/2020", iso: "2020-W53" },
  ])("reads $text as $iso", ({ text, iso }) => expect(parseWeekInput(text)).toMatchObject({ ok: true, iso }));

  it.each([
    { text: "", error: "empty" },
    { text: "Week 48, 2026", error: "format" },
    { text: "48/26", error: "twoDigitYear" },
    { text: "0/2026", error: "week" },
    { text: "54/2026", error: "week" },
    { text: "53/2025", error: "week53" },
    { text: "53/2023", error: "week53" },
    { text: "48/1850", error: "year" },
  ])("refuses $text ($error)", ({ text, error }) => expect(parseWeekInput(text)).toEqual({ ok: false, error }));

  it("writes a week back as the box shows it", () => {
    expect(formatWeekInput("2026-W08")).toBe("8/2026");
  });
});
