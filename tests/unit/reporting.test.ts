import { describe, expect, it } from "vitest";
import { parentReportedOn } from "@/lib/domain/reporting";

describe("parentReportedOn: a parent has reported up to its slowest child", () => {
  it.each<{ label: string; days: (string | null)[]; expected: string | null }>([
    { label: "no children", days: [], expected: null },
    { label: "one child", days: ["2023-06-07"], expected: "2023-06-07" },
    { label: "one child never reported", days: [null], expected: null },
    { label: "earliest of several", days: ["2023-06-07", "2023-06-05", "2023-06-06"], expected: "2023-06-05" },
    { label: "all on the same day", days: ["2023-06-07", "2023-06-07"], expected: "2023-06-07" },
    { label: "earliest across a month end", days: ["2023-07-01", "2023-06-30"], expected: "2023-06-30" },
    { label: "earliest across a year end", days: ["2024-01-01", "2023-12-31", "2024-01-02"], expected: "2023-12-31" },
    { label: "one child null at the end", days: ["2023-06-07", null], expected: null },
    { label: "one child null at the start", days: [null, "2023-06-07"], expected: null },
    { label: "one child null in the middle", days: ["2023-06-05", null, "2023-06-01"], expected: null },
    { label: "all null", days: [null, null], expected: null },
  ])("$label → $expected", ({ days, expected }) => {
    expect(parentReportedOn(days)).toBe(expected);
  });
});
