import { describe, expect, it } from "vitest";
import { buildWeeklyReport, trendStart, type ReportInputs } from "@/lib/reports/build";
import { praiseSentence, reportWords } from "@/lib/reports/text";

const row = (code: string, name: string, actual: number, target: number | null, percent: number | null, rank: number | null) => ({ code, name, actual, target, percent, rank, reportedOn: "2023-06-11" });

const inputs: ReportInputs = {
  unit: { code: "49", name: "Tỉnh Quảng Nam" },
  campaign: { code: "c", name: "Đợt", startDate: "2023-05-01" },
  week: { year: 2023, week: 23 },
  computedAt: "2023-06-12T01:00:00.000Z",
  metric: { code: "activated", name: "Tài khoản đã kích hoạt", nameEn: "Accounts activated" },
  metrics: [
    { code: "activated", name: "Tài khoản đã kích hoạt", nameEn: "Accounts activated", actual: 52_000, target: 62_600, dueDate: "2023-06-30", actualBefore: 45_000, targetBefore: 62_600, nextMilestone: { dueDate: "2023-06-30", target: 62_600 } },
    { code: "cccd", name: "Hồ sơ cấp CCCD", nameEn: "Chip-ID card applications", actual: 10, target: null, dueDate: null, actualBefore: 10, targetBefore: null, nextMilestone: null },
  ],
  ranking: [row("517", "Huyện Núi Thành", 52_000, 62_600, 83.07, 1), row("502", "Thành phố Hội An", 100, 1_000, 10, 2), row("519", "Huyện Nông Sơn", 5, null, null, null)],
  rankingBefore: [row("502", "Thành phố Hội An", 90, 1_000, 9, 1), row("517", "Huyện Núi Thành", 45_000, 62_600, 7.19, 2), row("519", "Huyện Nông Sơn", 5, null, null, null)],
  gaps: [{ ownerCode: "519", missingDays: ["2023-06-11"], leavesMissing: 1, leavesTotal: 3 }],
  trend: [{ day: "2023-05-01", actual: 0 }, { day: "2023-05-31", actual: 30_000 }, { day: "2023-06-11", actual: 52_000 }],
  milestones: [{ dueDate: "2023-06-30", target: 62_600 }],
};

describe("buildWeeklyReport", () => {
  const model = buildWeeklyReport(inputs);

  it("computes each metric's percent, week change in count and points, and projection", () => {
    expect(model.summary[0]).toMatchObject({ percent: 83.07, weekChange: 7_000, weekChangePoints: 11.19, projection: { status: "on-track", dailyPace: 1_000 } });
    expect(model.summary[1]).toMatchObject({ percent: null, weekChange: 0, weekChangePoints: null, projection: null });
  });

  it("ranks with the week's change and the rank change since the Sunday before", () => {
    expect(model.ranking.map((r) => [r.code, r.weekChange, r.rankChange])).toEqual([["517", 7_000, 1], ["502", 10, -1], ["519", 0, null]]);
  });

  it("names who is praised and criticised, and who missed days", () => {
    expect(model.praise.map((p) => p.code)).toEqual(["517", "502"]);
    expect(praiseSentence(model, reportWords("vi"))).toBe("Biểu dương: Núi Thành (83,07%), Hội An (10,00%).");
    expect(praiseSentence(model, reportWords("en"))).toBe("Praised: Núi Thành (83.07%), Hội An (10.00%).");
    expect(model.missing).toEqual([{ code: "519", name: "Huyện Nông Sơn", missingDays: ["2023-06-11"], leavesMissing: 1, leavesTotal: 3 }]);
  });

  it("keeps figures, codes and names in both languages, no words, and plans the trend from the campaign's start", () => {
    expect(model.week).toEqual({ iso: "2023-W23", start: "2023-06-05", end: "2023-06-11" });
    expect(model.summary.map((s) => [s.metricName, s.metricNameEn])).toEqual([["Tài khoản đã kích hoạt", "Accounts activated"], ["Hồ sơ cấp CCCD", "Chip-ID card applications"]]);
    expect(model.asOf).toBe("2023-06-11");
    expect(model.trend.map((p) => p.planned)).toEqual([0, Math.round((62_600 * 30) / 60), Math.round((62_600 * 41) / 60)]);
  });

  it("looks back eight weeks, not before the campaign", () => {
    expect(trendStart({ year: 2023, week: 23 }, null)).toBe("2023-04-17");
    expect(trendStart({ year: 2023, week: 23 }, "2023-05-01")).toBe("2023-05-01");
  });
});
