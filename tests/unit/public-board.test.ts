// The public board's pure rules: cutoffs and stamps in Vietnam's time, the due daily times,
// what a snapshot shows under the board's settings, and the press paragraph (every figure
// the snapshot's, every percentage percentOf's, Vietnamese number format).
import { describe, expect, it } from "vitest";
import { cutoffAt, dueCutoffs, parseCutoff, parseStamp, publicView, withChanges, type BoardSnapshot } from "@/lib/domain/public-board";
import { percentOf } from "@/lib/domain/percent";
import { pressParagraph } from "@/lib/reports/board-text";
import { parsePublicFile } from "@/lib/validation/public-board";

const SNAPSHOT: BoardSnapshot = {
  version: 1,
  unit: { code: "49", name: "Tỉnh Quảng Nam" },
  childKind: "district",
  cutoff: "2023-06-07T17:00:00+07:00",
  stamp: "2023-06-07T1700",
  asOf: "2023-06-07",
  publishedAt: "2023-06-07T10:00:00.000Z",
  campaign: { code: "cao-diem-2023", name: "Cao điểm 2023" },
  metrics: [
    { metric: "dossiers", name: "Hồ sơ", nameEn: "Dossiers", actual: 469_004, target: null, percent: null, dueDate: null },
    { metric: "accounts", name: "Tài khoản", nameEn: "Accounts", actual: 382_455, target: null, percent: null, dueDate: null },
    { metric: "activated", name: "Kích hoạt", nameEn: "Activated", actual: 186_568, target: 738_291, percent: percentOf(186_568, 738_291), dueDate: "2023-06-30" },
  ],
  rankingMetric: "activated",
  rows: [
    { code: "503", name: "Thành phố Hội An", actual: 30_000, target: 58_600, percent: 51.19, rank: 1, reportedOn: "2023-06-07", rankChange: null, pointsChange: null },
    { code: "517", name: "Huyện Núi Thành", actual: 20_900, target: 50_000, percent: 41.8, rank: 2, reportedOn: "2023-06-06", rankChange: null, pointsChange: null },
    { code: "509", name: "Huyện Phú Ninh", actual: 1_210, target: 10_000, percent: 12.1, rank: 3, reportedOn: "2023-06-07", rankChange: null, pointsChange: null },
  ],
  previousStamp: null,
  praised: [{ name: "Thành phố Hội An", percent: 51.19 }],
  criticised: [{ name: "Huyện Phú Ninh", percent: 12.1 }],
  trend: [{ day: "2023-06-06", actual: 180_000 }, { day: "2023-06-07", actual: 186_568 }],
};
const ALL = { metrics: ["dossiers", "accounts", "activated"], rankingMetric: "activated", showRanking: true, showPraise: true };

describe("cutoffs", () => {
  it.each([
    { text: "2023-06-07 17:00", iso: "2023-06-07T10:00:00.000Z", stamp: "2023-06-07T1700" },
    { text: "2023-06-07T00:30", iso: "2023-06-06T17:30:00.000Z", stamp: "2023-06-07T0030" },
    { text: " 2024-02-29 23:59 ", iso: "2024-02-29T16:59:00.000Z", stamp: "2024-02-29T2359" },
  ])("$text is $iso, file $stamp", ({ text, iso, stamp }) => {
    const cutoff = parseCutoff(text)!;
    expect(cutoff.instant.toISOString()).toBe(iso);
    expect(cutoff.stamp).toBe(stamp);
    expect(parseStamp(stamp)?.instant.toISOString()).toBe(iso);
  });

  it.each(["2023-02-30 10:00", "2023-06-07 24:00", "2023-06-07 7:00", "07/06/2023 17:00", "2023-06-07"])("refuses %s", (text) => {
    expect(parseCutoff(text)).toBeNull();
  });

  it("now, to the minute, on Vietnam's day across UTC midnight", () => {
    expect(cutoffAt(new Date("2023-06-06T17:05:42Z"))).toMatchObject({ day: "2023-06-07", time: "00:05", stamp: "2023-06-07T0005" });
  });

  it("the daily times due: today's at or before now, in Vietnam", () => {
    const now = new Date("2023-06-07T10:00:00Z"); // 17:00 in Vietnam
    expect(dueCutoffs(["17:00", "11:00", "17:01", "bad"], now).map((c) => c.stamp)).toEqual(["2023-06-07T1100", "2023-06-07T1700"]);
    expect(dueCutoffs(["11:00"], new Date("2023-06-06T23:59:00Z"))).toEqual([]); // 06:59 on the 7th
  });
});

describe("what the public sees", () => {
  it("only the metrics listed; no children without the ranking metric or the ranking", () => {
    const narrowed = publicView(SNAPSHOT, { ...ALL, metrics: ["dossiers"] });
    expect(narrowed.metrics.map((m) => m.metric)).toEqual(["dossiers"]);
    expect(narrowed.rows).toEqual([]);
    expect(narrowed.trend).toEqual([]);
    expect(narrowed.praised).toEqual([]);
    expect(publicView(SNAPSHOT, { ...ALL, showRanking: false }).rows).toEqual([]);
    expect(publicView(SNAPSHOT, { ...ALL, showPraise: false })).toMatchObject({ praised: [], criticised: [], rows: SNAPSHOT.rows });
  });

  it("change since the previous publication: places and points", () => {
    const before = withChanges([{ ...SNAPSHOT.rows[0], rank: 2, percent: 50 }, { ...SNAPSHOT.rows[1], rank: 1, percent: 52 }], null);
    const now = withChanges(SNAPSHOT.rows.slice(0, 2), before);
    expect(now.map((r) => [r.code, r.rankChange, r.pointsChange])).toEqual([["503", 1, 1.19], ["517", -1, -10.2]]);
  });
});

describe("the press paragraph", () => {
  it("every figure computed, in Vietnamese format", () => {
    const text = pressParagraph(publicView(SNAPSHOT, ALL));
    expect(text).toBe(
      "Tính đến 17:00 ngày 07/06/2023, Tỉnh Quảng Nam đã tạo lập 469.004 hồ sơ định danh điện tử; đã thu nhận 382.455 tài khoản định danh điện tử; " +
      "đã kích hoạt 186.568 tài khoản, đạt 25,27% so với chỉ tiêu 738.291 được giao đến ngày 30/06/2023. " +
      "Dẫn đầu về tỷ lệ hoàn thành chỉ tiêu: Thành phố Hội An (51,19%), Huyện Núi Thành (41,80%), Huyện Phú Ninh (12,10%). " +
      "2/3 đơn vị đã báo cáo số liệu ngày 07/06/2023. Biểu dương: Hội An (51,19%); Phê bình: Phú Ninh (12,10%).",
    );
  });

  it("names no child when the ranking is not published; English on request", () => {
    const text = pressParagraph(publicView(SNAPSHOT, { ...ALL, showRanking: false }), "en");
    expect(text).toBe("As of 17:00 on 07/06/2023, Tỉnh Quảng Nam had created 469,004 eID registration dossiers; had registered 382,455 eID accounts; had activated 186,568 accounts, 25.27% of the target of 738,291 due by 30/06/2023.");
    expect(text).not.toContain("Hội An");
  });
});

describe("public file names", () => {
  it.each([
    ["index.json", { kind: "index" }],
    ["latest.json", { kind: "json", which: "latest" }],
    ["2023-06-07T1700.csv", { kind: "csv", which: "2023-06-07T1700" }],
    ["2023-06-07T1700", { kind: "page", which: "2023-06-07T1700" }],
    ["latest-1080x1350.png", { kind: "png", which: "latest", size: "1080x1350" }],
    ["2023-06-07T1700-1200x675.png", { kind: "png", which: "2023-06-07T1700", size: "1200x675" }],
  ])("%s", (name, expected) => expect(parsePublicFile(name)).toEqual(expected));

  it.each(["2023-13-07T1700.json", "latest.xml", "..%2f", "2023-06-07T2500.json", "x.json"])("refuses %s", (name) => expect(parsePublicFile(name)).toBeNull());
});
