import { describe, expect, it } from "vitest";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";

describe("Vietnamese-first formatting", () => {
  it.each([
    { value: 469004, vi: "469.004", en: "469,004" },
    { value: 0, vi: "0", en: "0" },
    { value: 1234567, vi: "1.234.567", en: "1,234,567" },
  ])("numbers: $value", ({ value, vi, en }) => {
    expect(formatNumber(value)).toBe(vi);
    expect(formatNumber(value, "en")).toBe(en);
  });

  it.each([
    { value: 24.37, vi: "24,37%", en: "24.37%" },
    { value: 115.34, vi: "115,34%", en: "115.34%" },
    { value: 12.1, vi: "12,10%", en: "12.10%" },
    { value: null, vi: "—", en: "—" },
  ])("percentages: $value", ({ value, vi, en }) => {
    expect(formatPercent(value)).toBe(vi);
    expect(formatPercent(value, "en")).toBe(en);
  });

  it("dates as dd/mm/yyyy", () => {
    expect(formatDay("2023-06-07")).toBe("07/06/2023");
    expect(formatDay(null)).toBe("—");
  });
});
