// The overview answers the morning questions with the rankings' and the reporting page's
// own rules: the praise and criticism lists are the rankings page's, and the count of units
// not reported is the reporting page's.
import { beforeEach, describe, expect, it } from "vitest";
import { getMorningSummary } from "@/lib/data/overview-morning";
import { getRankings } from "@/lib/data/rankings";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { importCsv } from "@/lib/data/import";
import { dayToDate } from "@/lib/domain/dates";
import { formatPercent } from "@/lib/domain/format";
import { praiseAndCriticism, praiseSentence } from "@/lib/domain/ranking";
import type { Actor } from "@/lib/auth/permissions";
import { ADMIN, createCampaign, createUnits } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");
const DISTRICTS = [["901", "Huyện Một"], ["902", "Huyện Hai"], ["903", "Thị xã Ba"], ["904", "Huyện Bốn"], ["905", "Huyện Năm"], ["906", "Thành phố Sáu"], ["907", "Huyện Bảy"]] as const;
let units: Map<string, { id: number; path: string }>;

async function target(unitCode: string, value: number) {
  const db = testDb();
  const campaign = await db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } });
  const metric = await db.metric.findUniqueOrThrow({ where: { code: "activated" } });
  await db.target.create({ data: { campaignId: campaign.id, unitId: units.get(unitCode)!.id, metricId: metric.id, dueDate: dayToDate("2023-06-30"), value } });
}

async function daily(rows: string[]) {
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
}

const query = (unitCode = "90", asOf = "2023-06-10") => ({ unitCode, metricCode: "activated", asOf });

describe("the overview's morning questions", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    units = await createUnits(db, [
      ["90", "Tỉnh Thử Nghiệm", null],
      ...DISTRICTS.map(([code, name]) => [code, name, "90"] as [string, string, string]),
      ...DISTRICTS.map(([code], i) => [`${code}01`, `Xã ${i + 1}`, code] as [string, string, string]),
      ["90102", "Xã Phụ", "901"],
    ]);
    await createCampaign(db);
    // Seven districts of 100 each; district 907 has no target and is not ranked.
    for (const [code] of DISTRICTS.slice(0, 6)) await target(code, 100);
    await daily([
      "2023-06-10,90101,activated,90", "2023-06-10,90201,activated,75", "2023-06-10,90301,activated,60",
      "2023-06-09,90401,activated,45", "2023-06-10,90501,activated,30", "2023-06-08,90601,activated,12",
      "2023-06-10,90701,activated,5",
    ]);
  });

  it("names the three best ranked (best first) and the worst ranked after them (worst first), as the rankings page does", async () => {
    const summary = await getMorningSummary(ADMIN, query());
    expect(summary.ranked).toBe(6);
    expect(summary.praised.map((u) => [u.code, u.rank, u.percent])).toEqual([["901", 1, 90], ["902", 2, 75], ["903", 3, 60]]);
    expect(summary.criticised.map((u) => [u.code, u.rank, u.percent])).toEqual([["906", 6, 12], ["905", 5, 30], ["904", 4, 45]]);
    const ranking = await getRankings(ADMIN, { parentCode: "90", metricCode: "activated", asOf: "2023-06-10" });
    const rule = praiseAndCriticism(ranking.rows);
    expect(summary.praised.map((u) => u.code)).toEqual(rule.praised.map((u) => u.code));
    expect(summary.criticised.map((u) => u.code)).toEqual(rule.criticised.map((u) => u.code));
    // The official sentence, in each language, from the same rows.
    expect(praiseSentence(summary.praised, summary.criticised, (p) => formatPercent(p, "vi"), { praise: "Biểu dương", criticism: "Phê bình" }))
      .toBe("Biểu dương: Một (90,00%), Hai (75,00%), Ba (60,00%); Phê bình: Sáu (12,00%), Năm (30,00%), Bốn (45,00%).");
    expect(praiseSentence(summary.praised, summary.criticised, (p) => formatPercent(p, "en"), { praise: "Praised", criticism: "Criticised" }))
      .toBe("Praised: Một (90.00%), Hai (75.00%), Ba (60.00%); Criticised: Sáu (12.00%), Năm (30.00%), Bốn (45.00%).");
  });

  it("counts the leaf units without a figure for the day, as the reporting page does", async () => {
    const summary = await getMorningSummary(ADMIN, query());
    // 8 communes; 90102 never reported, 90401 and 90601 reported earlier.
    expect(summary).toMatchObject({ asOf: "2023-06-10", leaves: 8, notReported: 3 });
    const status = await getReportingStatus(ADMIN, "90", "2023-06-10");
    expect(summary.notReported).toBe(status.leaves - status.reported);
    expect(await getMorningSummary(ADMIN, query("90", "2023-06-09"))).toMatchObject({ asOf: "2023-06-09", leaves: 8, notReported: 7 });
  });

  it("answers for a district inside the caller's scope and refuses another", async () => {
    const district: Actor = { id: null, username: "mot", role: "district", unitPath: "90/901/" };
    const own = await getMorningSummary(district, query("901"));
    expect(own).toMatchObject({ leaves: 2, notReported: 1, ranked: 0, praised: [], criticised: [] });
    await expect(getMorningSummary(district, query("90"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getMorningSummary(district, query("902"))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a commune's overview has no one to rank and counts itself", async () => {
    expect(await getMorningSummary(ADMIN, query("90101"))).toMatchObject({ ranked: 0, praised: [], criticised: [], leaves: 1, notReported: 0 });
  });
});
