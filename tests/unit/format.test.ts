import { describe, expect, it } from "vitest";
import { formatChange, formatDateTime, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";

describe("formatNumber", () => {
  it.each([
    { value: 469004, vi: "469.004", en: "469,004" },
    { value: 0, vi: "0", en: "0" },
    { value: 999, vi: "999", en: "999" },
    { value: 1000, vi: "1.000", en: "1,000" },
    { value: 1234567, vi: "1.234.567", en: "1,234,567" },
    { value: 1_000_000_000, vi: "1.000.000.000", en: "1,000,000,000" },
    { value: -1234, vi: "-1.234", en: "-1,234" },
    { value: 1234.5, vi: "1.235", en: "1,235" },
  ])("$value → vi $vi, en $en", ({ value, vi, en }) => {
    expect(formatNumber(value, "vi")).toBe(vi);
    expect(formatNumber(value, "en")).toBe(en);
  });

  it("defaults to Vietnamese", () => {
    expect(formatNumber(469004)).toBe("469.004");
  });
});

describe("the hand-made notation says what Intl says", () => {
  // formatNumber and formatPercent do without Intl.NumberFormat (slow to build on a phone,
  // and its output could differ between the server's and the browser's ICU); they must print
  // exactly what Intl prints for vi-VN and en-US.
  const intl = (locale: "vi" | "en", decimals: number) =>
    new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  let state = 20230607;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  const values = [
    0, -0, 1, -1, 5, 12, 999, 1000, 9999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 123_456_789, 2_147_483_647, 9_007_199_254_740_991,
    0.5, 1.5, 2.5, -0.5, -1.5, -0.4, 0.005, 0.015, 1.005, 12.345, 12.355, 99.995, 99.994, 100.005, 1_000.5, 24.37, 115.34, 83.07,
    ...Array.from({ length: 2_000 }, () => Math.round((random() - 0.2) * 10 ** Math.floor(random() * 10))),
    ...Array.from({ length: 2_000 }, () => Math.round((random() - 0.2) * 10 ** Math.floor(random() * 7)) / 1000),
  ];

  it.each(["vi", "en"] as const)("%s: numbers, percentages and signed changes, value by value", (locale) => {
    const whole = intl(locale, 0);
    const hundredths = intl(locale, 2);
    for (const value of values) {
      expect(formatNumber(value, locale), `${value}`).toBe(whole.format(value));
      expect(formatPercent(value, locale), `${value}`).toBe(`${hundredths.format(value)}%`);
      expect(formatChange(Math.abs(value), 2, locale).replace(/^\+/, ""), `${value}`).toBe(hundredths.format(Math.abs(value)));
    }
  });
});

describe("formatPercent", () => {
  it.each([
    { value: 24.37, vi: "24,37%", en: "24.37%" },
    { value: 115.34, vi: "115,34%", en: "115.34%" },
    { value: 83.07, vi: "83,07%", en: "83.07%" },
    { value: 12.1, vi: "12,10%", en: "12.10%" },
    { value: 12.5, vi: "12,50%", en: "12.50%" },
    { value: 100, vi: "100,00%", en: "100.00%" },
    { value: 0, vi: "0,00%", en: "0.00%" },
    { value: 0.01, vi: "0,01%", en: "0.01%" },
    { value: 1000.5, vi: "1.000,50%", en: "1,000.50%" },
    { value: null, vi: "—", en: "—" },
  ])("$value → vi $vi, en $en", ({ value, vi, en }) => {
    expect(formatPercent(value, "vi")).toBe(vi);
    expect(formatPercent(value, "en")).toBe(en);
  });

  it("defaults to Vietnamese", () => {
    expect(formatPercent(24.37)).toBe("24,37%");
    expect(formatPercent(null)).toBe("—");
  });
});

describe("formatDay", () => {
  it.each([
    { day: "2023-06-07", expected: "07/06/2023" },
    { day: "2024-02-29", expected: "29/02/2024" },
    { day: "2023-12-31", expected: "31/12/2023" },
    { day: "2024-01-01", expected: "01/01/2024" },
    { day: null, expected: "—" },
    { day: "", expected: "—" },
  ])("$day → $expected", ({ day, expected }) => {
    expect(formatDay(day)).toBe(expected);
  });
});

describe("formatDateTime: an instant as Vietnam's day and time (the audit log, reports, users, tokens)", () => {
  it.each([
    { iso: "2023-06-07T07:05:00.000Z", text: "07/06/2023 14:05" },
    { iso: "2023-06-06T17:00:00.000Z", text: "07/06/2023 00:00" }, // midnight in Vietnam is 00:00, never 24:00
    { iso: "2023-12-31T16:59:00.000Z", text: "31/12/2023 23:59" },
    { iso: null, text: "—" },
  ])("$iso → $text", ({ iso, text }) => expect(formatDateTime(iso)).toBe(text));
});
