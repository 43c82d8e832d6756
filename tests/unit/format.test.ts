import { describe, expect, it } from "vitest";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";

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
