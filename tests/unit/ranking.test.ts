import { describe, expect, it } from "vitest";
import { rankRows, type Rankable } from "@/lib/domain/ranking";

type Row = Rankable & { code?: string };
const view = (rows: Row[]) => rankRows(rows).map((r) => [r.name, r.rank]);

describe("rankRows", () => {
  it.each<{ label: string; rows: Row[]; expected: [string, number | null][] }>([
    { label: "empty input", rows: [], expected: [] },
    { label: "a single row", rows: [{ name: "Tam Kỳ", percent: 50 }], expected: [["Tam Kỳ", 1]] },
    {
      label: "descending by percent",
      rows: [
        { name: "A", percent: 10 },
        { name: "B", percent: 30 },
        { name: "C", percent: 20 },
      ],
      expected: [["B", 1], ["C", 2], ["A", 3]],
    },
    {
      label: "ties share a rank (1, 2, 2, 4) and are listed by name",
      rows: [
        { name: "Phú Ninh", percent: 12.1 },
        { name: "Nông Sơn", percent: 51.19 },
        { name: "Đại Lộc", percent: 41.8 },
        { name: "Bắc Trà My", percent: 41.8 },
      ],
      expected: [["Nông Sơn", 1], ["Bắc Trà My", 2], ["Đại Lộc", 2], ["Phú Ninh", 4]],
    },
    {
      label: "tie for first (1, 1, 3)",
      rows: [
        { name: "Hội An", percent: 90 },
        { name: "Duy Xuyên", percent: 100 },
        { name: "Đại Lộc", percent: 100 },
      ],
      expected: [["Duy Xuyên", 1], ["Đại Lộc", 1], ["Hội An", 3]],
    },
    {
      label: "three-way tie (1, 1, 1, 4)",
      rows: [
        { name: "C", percent: 5 },
        { name: "Z", percent: 1 },
        { name: "A", percent: 5 },
        { name: "B", percent: 5 },
      ],
      expected: [["A", 1], ["B", 1], ["C", 1], ["Z", 4]],
    },
    {
      label: "tie at the end (1, 2, 2)",
      rows: [
        { name: "Y", percent: 0 },
        { name: "X", percent: 0 },
        { name: "W", percent: 80 },
      ],
      expected: [["W", 1], ["X", 2], ["Y", 2]],
    },
    {
      label: "percent over 100 ranks first",
      rows: [
        { name: "A", percent: 99.99 },
        { name: "B", percent: 115.34 },
      ],
      expected: [["B", 1], ["A", 2]],
    },
    {
      label: "rows without a percent come last, unranked, by name",
      rows: [
        { name: "Hội An", percent: null },
        { name: "Phú Ninh", percent: 12.1 },
        { name: "Duy Xuyên", percent: null },
        { name: "Đại Lộc", percent: null },
        { name: "Nông Sơn", percent: 51.19 },
      ],
      expected: [["Nông Sơn", 1], ["Phú Ninh", 2], ["Duy Xuyên", null], ["Đại Lộc", null], ["Hội An", null]],
    },
    {
      label: "ties and nulls together",
      rows: [
        { name: "Phú Ninh", percent: 12.1 },
        { name: "Nông Sơn", percent: 51.19 },
        { name: "Đại Lộc", percent: 41.8 },
        { name: "Bắc Trà My", percent: 41.8 },
        { name: "Hội An", percent: null },
        { name: "Duy Xuyên", percent: null },
      ],
      expected: [["Nông Sơn", 1], ["Bắc Trà My", 2], ["Đại Lộc", 2], ["Phú Ninh", 4], ["Duy Xuyên", null], ["Hội An", null]],
    },
    {
      label: "only rows without a percent",
      rows: [
        { name: "Đại Lộc", percent: null },
        { name: "Duy Xuyên", percent: null },
      ],
      expected: [["Duy Xuyên", null], ["Đại Lộc", null]],
    },
    {
      label: "zero percent is ranked, not treated as missing",
      rows: [
        { name: "B", percent: null },
        { name: "A", percent: 0 },
      ],
      expected: [["A", 1], ["B", null]],
    },
    {
      label: "names compare numerically and Vietnamese-wise on ties",
      rows: [
        { name: "Phường 10", percent: 7 },
        { name: "Phường 2", percent: 7 },
        { name: "Đông", percent: 7 },
        { name: "Dương", percent: 7 },
      ],
      expected: [["Dương", 1], ["Đông", 1], ["Phường 2", 1], ["Phường 10", 1]],
    },
  ])("$label", ({ rows, expected }) => {
    expect(view(rows)).toEqual(expected);
  });

  it("keeps the other fields of each row and does not modify its input", () => {
    const rows = [
      { code: "1", name: "B", percent: 10 },
      { code: "2", name: "A", percent: 20 },
    ];
    const copy = structuredClone(rows);
    expect(rankRows(rows)).toEqual([
      { code: "2", name: "A", percent: 20, rank: 1 },
      { code: "1", name: "B", percent: 10, rank: 2 },
    ]);
    expect(rows).toEqual(copy);
  });

  it.each([
    { order: "as given", reverse: false },
    { order: "reversed", reverse: true },
  ])("does not depend on the input order ($order)", ({ reverse }) => {
    const rows: Row[] = [
      { name: "Hội An", percent: null },
      { name: "Đại Lộc", percent: 41.8 },
      { name: "Bắc Trà My", percent: 41.8 },
      { name: "Nông Sơn", percent: 51.19 },
      { name: "Duy Xuyên", percent: null },
    ];
    expect(view(reverse ? [...rows].reverse() : rows)).toEqual([
      ["Nông Sơn", 1], ["Bắc Trà My", 2], ["Đại Lộc", 2], ["Duy Xuyên", null], ["Hội An", null],
    ]);
  });
});
