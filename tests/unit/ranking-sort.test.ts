import { describe, expect, it } from "vitest";
import { defaultDirection, sortRankingRows, type SortableRankingRow } from "@/lib/domain/ranking-sort";
import { formatChange } from "@/lib/domain/format";

const row = (code: string, name: string, percent: number | null, rank: number | null, reportedOn: string | null, rankChange: number | null): SortableRankingRow => ({
  code, name, target: percent === null ? null : 100, actual: percent ?? 0, percent, rank, reportedOn, change: { rank: rankChange, percentPoints: null },
});
const rows = [row("a", "Đại Lộc", 40, 2, "2023-06-09", -1), row("b", "Bắc Trà My", 60, 1, "2023-06-10", 2), row("c", "Tây Giang", null, null, null, null), row("d", "Hội An", 10, 3, "2023-06-08", 0)];

describe("sortRankingRows", () => {
  it.each([
    { key: "rank", dir: "asc", expected: ["b", "a", "d", "c"] },
    { key: "rank", dir: "desc", expected: ["d", "a", "b", "c"] },
    { key: "name", dir: "asc", expected: ["b", "a", "d", "c"] },
    { key: "name", dir: "desc", expected: ["c", "d", "a", "b"] },
    { key: "percent", dir: "desc", expected: ["b", "a", "d", "c"] },
    { key: "percent", dir: "asc", expected: ["d", "a", "b", "c"] },
    { key: "rankChange", dir: "desc", expected: ["b", "d", "a", "c"] },
    { key: "reportedOn", dir: "asc", expected: ["d", "a", "b", "c"] },
  ] as const)("$key $dir (missing values last)", ({ key, dir, expected }) => {
    expect(sortRankingRows(rows, key, dir).map((r) => r.code)).toEqual(expected);
  });

  it("sorts names first A→Z and figures best first", () => {
    expect([defaultDirection("name"), defaultDirection("rank"), defaultDirection("percent")]).toEqual(["asc", "asc", "desc"]);
  });
});

describe("formatChange", () => {
  it.each([
    [3, 0, "+3"],
    [-2, 0, "−2"],
    [0, 0, "0"],
    [1.25, 2, "+1,25"],
    [-0.001, 2, "0,00"],
    [null, 0, "—"],
    [1234, 0, "+1.234"],
  ] as const)("%s (%s decimals) → %s", (value, decimals, expected) => {
    expect(formatChange(value, decimals)).toBe(expected);
  });
});
