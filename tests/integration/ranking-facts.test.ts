// The ranking facts (lib/data/ranking-facts.ts) kept exact by every writer, and the national
// ranking read from them equal to the ranking read unit by unit from the totals.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { getRankings, type RankingDTO } from "@/lib/data/rankings";
import { importCsv } from "@/lib/data/import";
import { dissolveUnit, saveUnits } from "@/lib/data/units-admin";
import { dayToDate } from "@/lib/domain/dates";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { rankingFactsAgainstRebuild } from "../support/ranking-facts";
import { ADMIN, createCampaign, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");
const DAYS = ["2023-05-20", "2023-06-01", "2023-06-02", "2023-06-04", "2023-06-05", "2023-06-07", "2023-06-09", "2023-06-10", "2023-06-12", "2023-06-20"];

async function daily(text: string) {
  const result = await importCsv(ADMIN, "daily", text, { now: NOW });
  expect(result.errors).toEqual([]);
}

async function targets(values: Record<string, number>) {
  const db = testDb();
  const campaign = await db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } });
  const metric = await db.metric.findUniqueOrThrow({ where: { code: "activated" } });
  const units = await db.unit.findMany({ where: { code: { in: Object.keys(values) } } });
  await db.target.createMany({ data: units.map((u) => ({ campaignId: campaign.id, unitId: u.id, metricId: metric.id, dueDate: dayToDate("2023-06-30"), value: values[u.code] })) });
}

/**
 * The facts equal a rebuild, and on every day the national ranking of districts (from the
 * facts) is the ranking of the province's districts (read unit by unit from daily_total and
 * unit_report: the one province holds them all), and so for provinces and the roots.
 */
async function expectFactsExact(): Promise<void> {
  const { differences, facts } = await rankingFactsAgainstRebuild(testDb());
  expect(differences).toEqual([]);
  expect(facts).toBeGreaterThan(0);
  const rows = (r: RankingDTO) => r.rows;
  for (const asOf of DAYS) {
    for (const metricCode of ["activated", "cccd"]) {
      const national = await getRankings(ADMIN, { parentCode: null, level: 2, metricCode, asOf });
      const inProvince = await getRankings(ADMIN, { parentCode: "90", level: 2, metricCode, asOf });
      expect(rows(national)).toEqual(rows(inProvince));
      const provinces = await getRankings(ADMIN, { parentCode: null, level: 1, metricCode, asOf });
      const roots = await getRankings(ADMIN, { parentCode: null, metricCode, asOf });
      expect(rows(provinces)).toEqual(rows(roots));
    }
  }
}

describe("ranking facts", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    await createCampaign(db);
    await targets({ "90": 1000, "901": 200, "902": 300, "903": 100 });
  });

  it("stay equal to a rebuild through imports, late and partial days, corrections and units ended", async () => {
    // several communes and days, in one import
    await daily([
      "date,unit_code,metric,value",
      "2023-06-01,90101,activated,20", "2023-06-01,90201,activated,30", "2023-06-01,90101,accounts,40", "2023-06-02,90201,cccd,6",
      "2023-06-02,90102,activated,15", "2023-06-02,90201,activated,5",
      "2023-06-04,90101,activated,10", "2023-06-04,90102,activated,10", "2023-06-04,90201,activated,10", "2023-06-04,90301,activated,10",
    ].join("\n"));
    await expectFactsExact();
    const before = await getRankings(ADMIN, { parentCode: null, level: 2, metricCode: "activated", asOf: "2023-06-04" });
    expect(before.rows.map((r) => [r.code, r.actual, r.reportedOn])).toEqual([["901", 55, "2023-06-04"], ["902", 45, "2023-06-04"], ["903", 10, "2023-06-04"]]);

    // a new day for one commune only; a late day for another (between stored days)
    await daily("date,unit_code,metric,value\n2023-06-09,90201,activated,7\n2023-06-03,90301,cccd,3");
    await expectFactsExact();

    // a correction lowering an earlier day moves every later fact
    await daily("date,unit_code,metric,value,kind,reason\n2023-06-01,90101,activated,5,cumulative,Trùng hồ sơ");
    await expectFactsExact();
    const corrected = await getRankings(ADMIN, { parentCode: null, level: 2, metricCode: "activated", asOf: "2023-06-12" });
    expect(corrected.rows.find((r) => r.code === "901")?.actual).toBe(40);

    // a commune ends: its district's reportedOn stops waiting for it; a district ends: it leaves the ranking
    await daily("date,unit_code,metric,value\n2023-06-10,90101,activated,1");
    await dissolveUnit(ADMIN, { code: "90102", date: "2023-06-07", reason: "Sáp nhập" });
    await expectFactsExact();
    await dissolveUnit(ADMIN, { code: "903", date: "2023-06-12", reason: "Sáp nhập" });
    await expectFactsExact();
    const after = await getRankings(ADMIN, { parentCode: null, level: 2, metricCode: "activated", asOf: "2023-06-12" });
    expect(after.rows.map((r) => r.code)).toEqual(["901", "902"]);

    // a district created later, without figures: ranked with 0 until it reports
    await saveUnits(ADMIN, [{ code: "904", name: "Huyện Mới", type: "Test", level: 2, parentCode: "90" }, { code: "90401", name: "Xã Mới", type: "Test", level: 3, parentCode: "904" }]);
    await expectFactsExact();
    await daily("date,unit_code,metric,value\n2023-06-05,90401,activated,4");
    await expectFactsExact();
  });

  it("the national ranking reads neither daily_total nor unit_report: only the facts of two days", async () => {
    await daily("date,unit_code,metric,value\n2023-06-01,90101,activated,20\n2023-06-08,90201,activated,30");
    const expected = await getRankings(ADMIN, { parentCode: null, level: 2, metricCode: "activated", asOf: "2023-06-10" });
    const db = testDb();
    await db.$executeRawUnsafe(`ALTER TABLE daily_total RENAME TO daily_total_away`);
    await db.$executeRawUnsafe(`ALTER TABLE unit_report RENAME TO unit_report_away`);
    try {
      expect(await getRankings(ADMIN, { parentCode: null, level: 2, metricCode: "activated", asOf: "2023-06-10" })).toEqual(expected);
      // the province's own ranking still reads unit by unit
      await expect(getRankings(ADMIN, { parentCode: "90", level: 2, metricCode: "activated", asOf: "2023-06-10" })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE daily_total_away RENAME TO daily_total`);
      await db.$executeRawUnsafe(`ALTER TABLE unit_report_away RENAME TO unit_report`);
    }
    expect(expected.rows.map((r) => [r.code, r.actual, r.change.percentPoints])).toEqual([["901", 20, 0], ["902", 30, 10], ["903", 0, 0]]);
  });

  it("the migration fills the facts of an existing database as the rebuild does", async () => {
    await daily("date,unit_code,metric,value\n2023-06-01,90101,activated,20\n2023-06-03,90201,activated,30\n2023-06-02,90102,accounts,8");
    const sql = readFileSync(path.join(MIGRATIONS_DIR, "20261206000600_ranking_facts", "migration.sql"), "utf8");
    const backfill = sql.slice(sql.lastIndexOf("SELECT ranking_facts_refresh("));
    const db = testDb();
    await db.$executeRawUnsafe(`TRUNCATE ranking_fact`);
    await db.$transaction((tx) => tx.$executeRawUnsafe(backfill));
    const { differences, facts } = await rankingFactsAgainstRebuild(db);
    expect(differences).toEqual([]);
    // × every metric (six: four built in, two of level 2): the province on the 3 days, 901 from its first day (3), 902 from its (1), 903 never reported
    expect(facts).toBe((await db.metric.count()) * (3 + 3 + 1));
    expect(await db.metric.count()).toBe(6);
  });
});
