import { describe, expect, it } from "vitest";
import { rankRows } from "@/lib/domain/ranking";
import { effectiveTargets, pickDueDate } from "@/lib/domain/milestones";
import { parentReportedOn } from "@/lib/domain/reporting";
import { searchKey } from "@/lib/domain/text";

describe("rankRows", () => {
  it("equal percents share a rank (1, 2, 2, 4) and are listed by name; no target comes last", () => {
    const ranked = rankRows([
      { name: "Phú Ninh", percent: 12.1 },
      { name: "Nông Sơn", percent: 51.19 },
      { name: "Đại Lộc", percent: 41.8 },
      { name: "Bắc Trà My", percent: 41.8 },
      { name: "Hội An", percent: null },
      { name: "Duy Xuyên", percent: null },
    ]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ["Nông Sơn", 1], ["Bắc Trà My", 2], ["Đại Lộc", 2], ["Phú Ninh", 4], ["Duy Xuyên", null], ["Hội An", null],
    ]);
  });

  it("handles no rows", () => {
    expect(rankRows([])).toEqual([]);
  });
});

describe("milestones", () => {
  it.each([
    { asOf: "2023-06-01", expected: "2023-06-15" },
    { asOf: "2023-06-15", expected: "2023-06-15" },
    { asOf: "2023-06-16", expected: "2023-06-30" },
    { asOf: "2023-08-01", expected: "2023-06-30" },
  ])("on $asOf the milestone is $expected", ({ asOf, expected }) => {
    expect(pickDueDate(["2023-06-30", "2023-06-15", "2023-06-15"], asOf)).toBe(expected);
  });

  it("has none without milestones", () => {
    expect(pickDueDate([], "2023-06-01")).toBeNull();
  });

  it("takes a unit's own target, else the sum of its children's, recursively", () => {
    const targets = effectiveTargets([
      { code: "49", parentCode: null, ownTarget: null },
      { code: "517", parentCode: "49", ownTarget: 1000 },
      { code: "20965", parentCode: "517", ownTarget: 300 },
      { code: "518", parentCode: "49", ownTarget: null },
      { code: "21001", parentCode: "518", ownTarget: 200 },
      { code: "21002", parentCode: "518", ownTarget: null },
      { code: "519", parentCode: "49", ownTarget: null },
    ]);
    expect(Object.fromEntries(targets)).toEqual({ "49": 1200, "517": 1000, "20965": 300, "518": 200, "21001": 200, "21002": null, "519": null });
  });
});

describe("reporting", () => {
  it.each([
    { days: ["2023-06-07", "2023-06-05", "2023-06-06"], expected: "2023-06-05" },
    { days: ["2023-06-07", null], expected: null },
    { days: [], expected: null },
  ])("a parent has reported up to its slowest child: $expected", ({ days, expected }) => {
    expect(parentReportedOn(days)).toBe(expected);
  });
});

describe("search without diacritics", () => {
  it.each([
    { text: "Huyện Núi Thành", key: "huyen nui thanh" },
    { text: "Đại Lộc", key: "dai loc" },
    { text: "  Thị xã  Điện Bàn ", key: "thi xa dien ban" },
  ])("$text → $key", ({ text, key }) => {
    expect(searchKey(text)).toBe(key);
  });
});
