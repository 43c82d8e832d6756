import { beforeEach, describe, expect, it } from "vitest";
import { getRankings } from "@/lib/data/rankings";
import { importCsv } from "@/lib/data/import";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { rebuildTotals } from "@/lib/data/totals";
import { dayToDate } from "@/lib/domain/dates";
import type { Actor } from "@/lib/auth/permissions";
import { ADMIN, createCampaign, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");
let units: Awaited<ReturnType<typeof smallTree>>;

async function target(unitCode: string, value: number, due = "2023-06-30", metric = "activated") {
  const db = testDb();
  const campaign = await db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } });
  const m = await db.metric.findUniqueOrThrow({ where: { code: metric } });
  await db.target.create({ data: { campaignId: campaign.id, unitId: units.get(unitCode)!.id, metricId: m.id, dueDate: dayToDate(due), value } });
}

async function daily(rows: string[]) {
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
}

const rank = (asOf = "2023-06-10", parentCode: string | null = "90", actor: Actor = ADMIN) =>
  getRankings(actor, { parentCode, metricCode: "activated", asOf });

describe("rankings semantics", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    units = await smallTree(db);
    await createCampaign(db);
  });

  it("computes actual, target and percent, and equal percents share a rank", async () => {
    await target("901", 200);
    await target("902", 400);
    await target("90301", 1000); // 903 has no target of its own: it takes its children's sum
    await daily(["2023-06-01,90101,activated,50", "2023-06-02,90102,activated,50", "2023-06-01,90201,activated,200", "2023-06-05,90301,activated,10"]);
    const result = await rank();
    expect(result.rows.map(({ change: _change, hasChildren: _hasChildren, viewable: _viewable, own: _own, ...row }) => row)).toEqual([
      { code: "901", name: "Huyện Bắc", actual: 100, target: 200, percent: 50, rank: 1, populationPercent: null, reportedOn: "2023-06-01" },
      { code: "902", name: "Huyện Nam", actual: 200, target: 400, percent: 50, rank: 1, populationPercent: null, reportedOn: "2023-06-01" },
      { code: "903", name: "Huyện Tây", actual: 10, target: 1000, percent: 1, rank: 3, populationPercent: null, reportedOn: "2023-06-05" },
    ]);
    // no eligible population entered: no share of it (tests/integration/population-share.test.ts has them)
    expect(result.dueDate).toBe("2023-06-30");
  });

  it("lists a unit without a target last, unranked", async () => {
    await target("902", 100);
    await daily(["2023-06-01,90101,activated,500", "2023-06-01,90201,activated,1"]);
    const rows = (await rank()).rows;
    expect(rows.map((r) => [r.code, r.rank, r.percent])).toEqual([["902", 1, 1], ["901", null, null], ["903", null, null]]);
  });

  it("uses the first milestone due on or after the as-of date, then the last", async () => {
    await target("901", 100, "2023-06-15");
    await target("901", 300, "2023-06-30");
    await daily(["2023-06-01,90101,activated,60"]);
    expect((await rank("2023-06-15")).rows[0]).toMatchObject({ target: 100, percent: 60 });
    expect((await rank("2023-06-16")).rows[0]).toMatchObject({ target: 300, percent: 20 });
    expect((await rank("2023-08-01")).rows[0]).toMatchObject({ target: 300 });
  });

  it("a parent's reportedOn follows its slowest child", async () => {
    await daily(["2023-06-09,90101,activated,1", "2023-06-04,90102,activated,1", "2023-06-09,90201,activated,0"]);
    const rows = await rank("2023-06-09");
    const byCode = Object.fromEntries(rows.rows.map((r) => [r.code, r.reportedOn]));
    expect(byCode).toEqual({ "901": "2023-06-04", "902": "2023-06-09", "903": null });
  });

  it("a correction lowering a cumulative total moves every later view", async () => {
    await target("901", 1000);
    await daily(["2023-06-01,90101,activated,300", "2023-06-02,90101,activated,100", "2023-06-03,90101,activated,50"]);
    expect((await rank("2023-06-03")).rows[0]).toMatchObject({ code: "901", actual: 450 });
    const correction = await importCsv(ADMIN, "daily", "date,unit_code,metric,value,kind,reason\n2023-06-02,90101,activated,320,cumulative,Trùng hồ sơ", { now: NOW });
    expect(correction.ok).toBe(true);
    expect((await rank("2023-06-01")).rows[0].actual).toBe(300);
    expect((await rank("2023-06-02")).rows[0].actual).toBe(320);
    expect((await rank("2023-06-03")).rows[0].actual).toBe(370);
    const province = await rank("2023-06-03", null);
    expect(province.rows[0]).toMatchObject({ code: "90", actual: 370 });
  });

  // A unit's actual and reportedOn are those of its latest row on or before the as-of date D,
  // looked for within (D − 7, D] first and further back only when that week has no row.
  describe("each unit's latest row, looked for in the last 7 days first", () => {
    const row = async (asOf: string, code: string) => (await rank(asOf)).rows.find((r) => r.code === code);

    it("a parent whose latest row has no reportedOn shows none, not an earlier row's date", async () => {
      await target("901", 200);
      await daily(["2023-06-01,90101,activated,30", "2023-06-01,90102,activated,20"]);
      // A commune added under 901 later has never reported: 901's next row waits for it.
      const added = await importCsv(ADMIN, "units", "code,name,type,parent_code,level\n90103,Xã Mới,Xã,901,3");
      expect(added.errors).toEqual([]);
      await daily(["2023-06-08,90101,activated,10"]);
      // As of 06-10: the latest row (06-08, within the week) has none; the earlier one (06-01, before the week) has a date.
      const reports = await testDb().$queryRaw<{ date: string; reportedOn: string | null }[]>`
        SELECT date::text AS date, reported_on::text AS "reportedOn" FROM unit_report WHERE unit_id = ${units.get("901")!.id} ORDER BY date`;
      expect(reports).toEqual([{ date: "2023-06-01", reportedOn: "2023-06-01" }, { date: "2023-06-08", reportedOn: null }]);
      const missing = (await getReportingStatus(ADMIN, "901", "2023-06-10")).groups.flatMap((g) => g.missing);
      expect(missing).toContainEqual(expect.objectContaining({ code: "90103", lastReportedOn: null }));

      expect(await row("2023-06-10", "901")).toMatchObject({ actual: 60, target: 200, percent: 30, reportedOn: null });
      // the reference: every row recomputed from the figures and the units as they are now
      await testDb().$transaction((tx) => rebuildTotals(tx));
      expect(await row("2023-06-10", "901")).toMatchObject({ actual: 60, target: 200, percent: 30, reportedOn: null });
    });

    it("a unit silent for more than 7 days keeps its last total and reportedOn", async () => {
      await target("901", 100);
      await target("902", 500);
      await daily(["2023-06-01,90201,activated,200", "2023-06-05,90201,activated,50", "2023-06-12,90101,activated,40", "2023-06-12,90102,activated,10"]);
      // 902's last row (06-05) is 8 days before 06-13, 25 days before 06-30, and before both weeks-ago too
      for (const asOf of ["2023-06-13", "2023-06-30"]) {
        expect(await row(asOf, "902")).toMatchObject({ actual: 250, target: 500, percent: 50, reportedOn: "2023-06-05", change: { percentPoints: 0 } });
        expect((await rank(asOf, "902")).rows).toMatchObject([{ code: "90201", actual: 250, reportedOn: "2023-06-05" }]);
      }
      expect(await row("2023-06-13", "901")).toMatchObject({ actual: 50, target: 100, percent: 50, reportedOn: "2023-06-12", change: { percentPoints: 50 } });
      expect(await row("2023-06-30", "901")).toMatchObject({ actual: 50, percent: 50, reportedOn: "2023-06-12", change: { percentPoints: 0 } });
    });

    it("a row exactly 7 days before the as-of date, or on it, is the latest; a later one is not", async () => {
      await target("901", 200);
      await target("902", 500);
      await target("903", 100);
      await daily([
        "2023-05-20,90101,activated,40", "2023-06-03,90101,activated,50", "2023-06-03,90102,activated,30", // 901: latest on D − 7
        "2023-06-01,90201,activated,100", "2023-06-10,90201,activated,150", // 902: latest on D
        "2023-06-04,90301,activated,30", // 903: latest on D − 6, the first day of the week looked at first
        "2023-06-11,90101,activated,7", "2023-06-11,90201,activated,9", // after D: not counted
      ]);
      const result = await rank("2023-06-10");
      expect(result.rows.map(({ code, actual, target: t, percent, rank: r, reportedOn }) => ({ code, actual, target: t, percent, rank: r, reportedOn }))).toEqual([
        { code: "901", actual: 120, target: 200, percent: 60, rank: 1, reportedOn: "2023-06-03" },
        { code: "902", actual: 250, target: 500, percent: 50, rank: 2, reportedOn: "2023-06-10" },
        { code: "903", actual: 30, target: 100, percent: 30, rank: 3, reportedOn: "2023-06-04" },
      ]);
      expect((await rank("2023-06-10", "901")).rows.map((r) => [r.code, r.actual, r.reportedOn])).toEqual([["90102", 30, "2023-06-03"], ["90101", 90, "2023-06-03"]]); // no targets: by name
    });
  });

  it("keeps each caller inside their scope", async () => {
    const district: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
    await expect(rank("2023-06-10", "902", district)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await rank("2023-06-10", "901", district)).rows.map((r) => r.code)).toEqual(["90102", "90101"]); // no targets: by name, "Hai" before "Một"
    expect((await rank("2023-06-10", null, district)).rows).toEqual([]);
  });
});
