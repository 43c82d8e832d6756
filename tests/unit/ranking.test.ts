import { describe, expect, it } from "vitest";
import { praiseAndCriticism, praiseSentence, rankChanges, rankRows, type Rankable } from "@/lib/domain/ranking";
import { formatPercent } from "@/lib/domain/format";
import { MESSAGES } from "@/lib/i18n/messages";

const VI_WORDS = { praise: MESSAGES.vi.dashboard.rankings.praise, criticism: MESSAGES.vi.dashboard.rankings.criticism };

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

describe("rankChanges", () => {
  it("counts places gained and percentage points against the earlier ranking", () => {
    const now = [
      { code: "519", name: "Nông Sơn", percent: 51.19, rank: 1 },
      { code: "518", name: "Phú Ninh", percent: 12.1, rank: 2 },
      { code: "504", name: "Tây Giang", percent: null, rank: null },
      { code: "505", name: "Đông Giang", percent: 10, rank: 3 },
    ];
    const weekAgo = [
      { code: "519", name: "Nông Sơn", percent: 40.5, rank: 2 },
      { code: "518", name: "Phú Ninh", percent: 45, rank: 1 },
      { code: "504", name: "Tây Giang", percent: 3, rank: 3 },
    ];
    const changes = rankChanges(now, weekAgo);
    expect(Object.fromEntries(changes)).toEqual({
      "519": { rank: 1, percentPoints: 10.69 },
      "518": { rank: -1, percentPoints: -32.9 },
      "504": { rank: null, percentPoints: null },
      "505": { rank: null, percentPoints: null },
    });
  });
});

describe("praiseAndCriticism and praiseSentence", () => {
  const rows = rankRows([
    { code: "519", name: "Huyện Nông Sơn", percent: 51.19 },
    { code: "509", name: "Huyện Quế Sơn", percent: 41.8 },
    { code: "503", name: "Thành phố Hội An", percent: 30 },
    { code: "507", name: "Thị xã Điện Bàn", percent: 20 },
    { code: "518", name: "Huyện Phú Ninh", percent: 12.1 },
    { code: "516", name: "Huyện Nam Trà My", percent: 16.01 },
    { code: "504", name: "Huyện Tây Giang", percent: null },
  ]);

  it.each([
    { top: 3, bottom: 5, praised: ["519", "509", "503"], criticised: ["518", "516", "507"] },
    { top: 1, bottom: 2, praised: ["519"], criticised: ["518", "516"] },
    { top: 0, bottom: 1, praised: [], criticised: ["518"] },
    { top: 10, bottom: 5, praised: ["519", "509", "503", "507", "516", "518"], criticised: [] },
  ])("top $top, bottom $bottom: no unit both praised and criticised, unranked never named", ({ top, bottom, praised, criticised }) => {
    const result = praiseAndCriticism(rows, top, bottom);
    expect(result.praised.map((r) => r.code)).toEqual(praised);
    expect(result.criticised.map((r) => r.code)).toEqual(criticised);
  });

  it("writes the sentence the way provincial conclusions do", () => {
    const { praised, criticised } = praiseAndCriticism(rows, 2, 2);
    expect(praiseSentence(praised, criticised, formatPercent, VI_WORDS)).toBe("Biểu dương: Nông Sơn (51,19%), Quế Sơn (41,80%); Phê bình: Phú Ninh (12,10%), Nam Trà My (16,01%).");
  });

  it("writes it in English with the words and notation the screen passes", () => {
    const { praised, criticised } = praiseAndCriticism(rows, 2, 2);
    const en = MESSAGES.en.dashboard.rankings;
    expect(praiseSentence(praised, criticised, (value) => formatPercent(value, "en"), { praise: en.praise, criticism: en.criticism }))
      .toBe("Praised: Nông Sơn (51.19%), Quế Sơn (41.80%); Criticised: Phú Ninh (12.10%), Nam Trà My (16.01%).");
  });

  it("says nothing when nobody is ranked", () => {
    expect(praiseSentence([], [], formatPercent, VI_WORDS)).toBe("");
  });

  it("shows values above 100% as they are", () => {
    const over = rankRows([{ code: "1", name: "Xã A", percent: 115.34 }, { code: "2", name: "Xã B", percent: 16.16 }]);
    const { praised, criticised } = praiseAndCriticism(over, 1, 1);
    expect(praiseSentence(praised, criticised, formatPercent, VI_WORDS)).toBe("Biểu dương: A (115,34%); Phê bình: B (16,16%).");
  });
});
