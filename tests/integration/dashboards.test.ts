import { beforeEach, describe, expect, it } from "vitest";
import { getRankings } from "@/lib/data/rankings";
import { getProgress } from "@/lib/data/progress";
import { getUnitOverview } from "@/lib/data/overview";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { effectiveTargetsAt, milestoneKey } from "@/lib/data/targets";
import { importCsv } from "@/lib/data/import";
import { rebuildTotals } from "@/lib/data/totals";
import { DailyEngine, type DailyRow, type Tx } from "@/lib/data/daily-engine";
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

async function daily(rows: string[], reason?: string) {
  const header = reason ? "date,unit_code,metric,value,kind,reason" : "date,unit_code,metric,value";
  const result = await importCsv(ADMIN, "daily", [header, ...rows.map((r) => (reason ? `${r},${reason}` : r))].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
}

const query = (asOf: string, parentCode: string | null = "90") => ({ parentCode, metricCode: "activated", asOf });

/** The maintained totals must equal a rebuild from the raw figures. */
async function expectTotalsMatchRebuild() {
  const db = testDb();
  const snapshot = async () => ({
    totals: await db.$queryRaw`SELECT unit_id, metric_id, date, daily, cumulative FROM daily_total ORDER BY 1, 2, 3`,
    reports: await db.$queryRaw`SELECT unit_id, date, reported_on FROM unit_report ORDER BY 1, 2`,
  });
  const maintained = await snapshot();
  await db.$transaction((tx) => rebuildTotals(tx));
  expect(await snapshot()).toEqual(maintained);
}

describe("dashboards: rankings, progress, overview, reporting status", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    units = await smallTree(db);
    await createCampaign(db);
  });

  it("ranking ties share a rank and a unit with no target is unranked and last", async () => {
    await target("901", 200);
    await target("902", 400);
    await daily(["2023-06-01,90101,activated,100", "2023-06-01,90201,activated,200", "2023-06-01,90301,activated,999"]);
    const rows = (await getRankings(ADMIN, query("2023-06-10"))).rows;
    expect(rows.map((r) => [r.code, r.percent, r.rank])).toEqual([["901", 50, 1], ["902", 50, 1], ["903", null, null]]);
  });

  it("reports the change in rank and in percentage points over 7 days", async () => {
    await target("901", 100);
    await target("902", 100);
    await daily(["2023-06-01,90101,activated,30", "2023-06-01,90201,activated,20", "2023-06-09,90201,activated,25"]);
    const rows = (await getRankings(ADMIN, query("2023-06-10"))).rows;
    expect(rows.map((r) => [r.code, r.rank, r.change])).toEqual([
      ["902", 1, { rank: 1, percentPoints: 25 }],
      ["901", 2, { rank: -1, percentPoints: 0 }],
      ["903", null, { rank: null, percentPoints: null }],
    ]);
  });

  it("ranks every unit of a level under a parent (all communes of the province)", async () => {
    await target("90101", 10);
    await target("90201", 10);
    await daily(["2023-06-01,90101,activated,5", "2023-06-01,90201,activated,7"]);
    const ranking = await getRankings(ADMIN, { ...query("2023-06-10"), level: 3 });
    expect(ranking.rows.map((r) => [r.code, r.rank])).toEqual([["90201", 1], ["90101", 2], ["90301", null], ["90102", null]]); // "Bốn" before "Hai"
    const national = await getRankings(ADMIN, { ...query("2023-06-10", null), level: 2 });
    expect(national.rows.map((r) => r.code).sort()).toEqual(["901", "902", "903"]);
  });

  it("reportedOn of a parent follows its slowest child, and a zero counts as reported", async () => {
    await daily(["2023-06-09,90101,activated,1", "2023-06-04,90102,activated,1", "2023-06-09,90201,dossiers,0"]);
    const byCode = async (asOf: string, parent: string | null = "90") =>
      Object.fromEntries((await getRankings(ADMIN, query(asOf, parent))).rows.map((r) => [r.code, r.reportedOn]));
    expect(await byCode("2023-06-09")).toEqual({ "901": "2023-06-04", "902": "2023-06-09", "903": null });
    // On the 5th, 90101 had not reported yet: its district had not either.
    expect(await byCode("2023-06-05")).toEqual({ "901": null, "902": null, "903": null });
    // 903's only commune reports: the province is now held back by 901's slowest commune.
    await daily(["2023-06-08,90301,activated,3"]);
    expect(await byCode("2023-06-09", null)).toEqual({ "90": "2023-06-04" });
    // 90102 catches up after 90101: 901 and the province follow the slower of the two.
    await daily(["2023-06-10,90102,activated,2"]);
    expect(await byCode("2023-06-10")).toEqual({ "901": "2023-06-09", "902": "2023-06-09", "903": "2023-06-08" });
    expect(await byCode("2023-06-10", null)).toEqual({ "90": "2023-06-08" });
    // A late report for an earlier day moves the days from it to the commune's next report.
    expect(await byCode("2023-06-07")).toEqual({ "901": null, "902": null, "903": null });
    await daily(["2023-06-06,90101,activated,1"]);
    expect(await byCode("2023-06-07")).toEqual({ "901": "2023-06-04", "902": null, "903": null });
    expect(await byCode("2023-06-10")).toEqual({ "901": "2023-06-09", "902": "2023-06-09", "903": "2023-06-08" });
    await expectTotalsMatchRebuild();
  });

  it("one import of many communes and days, late ones included, moves reportedOn as saves one by one would", async () => {
    await daily(["2023-06-09,90101,activated,1", "2023-06-04,90201,activated,1"]);
    // One import: four communes, several days each, one of them earlier than a stored report.
    await daily([
      "2023-06-06,90101,activated,1", "2023-06-10,90101,activated,1",
      "2023-06-05,90102,activated,1", "2023-06-08,90102,dossiers,0", "2023-06-10,90102,activated,1",
      "2023-06-07,90201,activated,1", "2023-06-07,90301,activated,1", "2023-06-10,90301,activated,1",
    ]);
    const byCode = async (asOf: string, parent: string | null = "90") =>
      Object.fromEntries((await getRankings(ADMIN, query(asOf, parent))).rows.map((r) => [r.code, r.reportedOn]));
    expect(await byCode("2023-06-06")).toEqual({ "901": "2023-06-05", "902": "2023-06-04", "903": null });
    expect(await byCode("2023-06-08")).toEqual({ "901": "2023-06-06", "902": "2023-06-07", "903": "2023-06-07" });
    expect(await byCode("2023-06-09")).toEqual({ "901": "2023-06-08", "902": "2023-06-07", "903": "2023-06-07" });
    expect(await byCode("2023-06-10", null)).toEqual({ "90": "2023-06-07" });
    await expectTotalsMatchRebuild();
  });

  it("checks and writes many communes and days in as many statements as one figure: work grows with the rows, not per row", async () => {
    const db = testDb();
    /** The SQL statements the engine sends to stage, check and write `rows` (rolled back afterwards). */
    const statementsFor = async (rows: DailyRow[]) => {
      let statements = 0;
      const rollback = new Error("rollback");
      await expect(db.$transaction(async (tx) => {
        const counted = new Proxy(tx, {
          get(target, name, receiver) {
            const value = Reflect.get(target, name, receiver) as unknown;
            if (typeof value !== "function" || !String(name).startsWith("$")) return value;
            return (...args: unknown[]) => (statements++, (value as (...a: unknown[]) => unknown).apply(target, args));
          },
        }) as Tx;
        const engine = await DailyEngine.open(counted, ADMIN, { now: NOW });
        await engine.stage(rows);
        const checked = await engine.check();
        expect(checked.issueCount).toBe(0);
        expect(await engine.write()).toBe(rows.length);
        throw rollback;
      })).rejects.toBe(rollback);
      return statements;
    };
    const row = (ref: number, unitCode: string, date: string): DailyRow => ({ ref, date, unitCode, metric: "activated", value: 1, kind: "daily" });
    const one = await statementsFor([row(1, "90101", "2023-06-01")]);
    const many = await statementsFor(["90101", "90102", "90201", "90301"].flatMap((commune, c) =>
      ["2023-06-01", "2023-06-02", "2023-06-03"].map((day, d) => row(c * 3 + d + 1, commune, day))));
    expect(one).toBeGreaterThan(0);
    expect(many).toBe(one);
    // 1,200 days of one commune (a 40 KB file): the same statements as 12 days, each set-based
    const days = (count: number) => Array.from({ length: count }, (_, i) => row(i + 1, "90101", new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)));
    expect(await statementsFor(days(1_200))).toBe(await statementsFor(days(12)));
  });

  it("effective targets of several metrics and milestones at once: a unit's own, else its children's summed", async () => {
    await target("901", 100, "2023-06-15");
    await target("90201", 40, "2023-06-15");
    await target("90", 900, "2023-06-30");
    await target("90101", 70, "2023-06-30");
    await target("90301", 5, "2023-06-30");
    await target("90102", 8, "2023-06-15", "dossiers");
    await target("903", 30, "2023-06-15", "dossiers");
    const db = testDb();
    const [activated, dossiers] = await Promise.all(["activated", "dossiers"].map((code) => db.metric.findUniqueOrThrow({ where: { code } })));
    const campaign = await db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } });
    const asked = ["90", "901", "902", "903"].map((code) => ({ id: units.get(code)!.id, code, path: units.get(code)!.path }));
    const milestones = [
      { metricId: activated.id, dueDate: "2023-06-15" }, { metricId: activated.id, dueDate: "2023-06-30" },
      { metricId: dossiers.id, dueDate: "2023-06-15" }, { metricId: dossiers.id, dueDate: "2023-06-30" },
    ];
    const targets = await effectiveTargetsAt(campaign.id, milestones, asked);
    const table = milestones.map((m) => asked.map((u) => targets.get(milestoneKey(m.metricId, m.dueDate))!.get(u.id)));
    expect(table).toEqual([
      [140, 100, 40, null], // activated 15/06: the province from its districts, Nam from its commune
      [900, 70, null, 5], // activated 30/06: the province's own, the districts' from their communes
      [38, 8, null, 30], // dossiers 15/06
      [null, null, null, null], // no such milestone: no target
    ]);
  });

  it("a correction lowering a cumulative total changes every view consistently", async () => {
    await target("901", 1000);
    await target("902", 1000);
    await target("90101", 600);
    await daily(["2023-06-01,90101,activated,300", "2023-06-02,90101,activated,100", "2023-06-03,90101,activated,50", "2023-06-02,90201,activated,400"]);
    const views = async () => {
      const districts = await getRankings(ADMIN, query("2023-06-03"));
      const communes = await getRankings(ADMIN, query("2023-06-03", "901"));
      const province = await getRankings(ADMIN, query("2023-06-03", null));
      const progress = await getProgress(ADMIN, { unitCode: "901", metricCode: "activated", asOf: "2023-06-03" });
      const overview = await getUnitOverview(ADMIN, { unitCode: "901", metricCode: "activated", asOf: "2023-06-03" });
      return {
        district: districts.rows.find((r) => r.code === "901")!,
        commune: communes.rows.find((r) => r.code === "90101")!,
        province: province.rows[0],
        progress,
        overview,
        firstDistrict: districts.rows[0].code,
      };
    };
    const before = await views();
    expect(before.district).toMatchObject({ actual: 450, percent: 45, rank: 1 });
    expect(before.firstDistrict).toBe("901");

    await daily(["2023-06-02,90101,activated,120,cumulative"], "Trùng hồ sơ");
    const after = await views();
    expect(after.district).toMatchObject({ actual: 170, percent: 17, rank: 2 });
    expect(after.firstDistrict).toBe("902");
    expect(after.commune).toMatchObject({ actual: 170, target: 600, percent: 28.33 });
    expect(after.province).toMatchObject({ code: "90", actual: 570 });
    expect(after.progress).toMatchObject({ actual: 170, target: 1000, percent: 17 });
    expect(after.overview.progress).toMatchObject(after.progress);
    expect(after.overview.trend.find((p) => p.day === "2023-06-02")).toMatchObject({ cumulative: 120, daily: -180 });
    expect(after.overview.trend.at(-1)).toMatchObject({ day: "2023-06-03", cumulative: 170 });
    await expectTotalsMatchRebuild();
  });

  it("progress and overview: target, milestone, projection and trend from the maintained totals", async () => {
    await target("901", 100, "2023-06-15");
    await target("901", 400, "2023-06-30");
    await daily(["2023-06-01,90101,activated,30", "2023-06-04,90101,activated,35", "2023-06-08,90102,activated,35"]);
    const progress = await getProgress(ADMIN, { unitCode: "901", metricCode: "activated", asOf: "2023-06-10" });
    expect(progress).toMatchObject({
      unit: "901", metric: "activated", actual: 100, target: 100, percent: 100, dueDate: "2023-06-15", reportedOn: "2023-06-04",
      projection: { dailyPace: 10, daysLeft: 5, projectedOnDueDate: 150, requiredDailyPace: null, status: "met" },
    });
    const overview = await getUnitOverview(ADMIN, { unitCode: "901", metricCode: "activated", asOf: "2023-06-16" });
    expect((await getUnitFrame(ADMIN, "901")).breadcrumbs).toEqual([{ code: "90", name: "Tỉnh Thử Nghiệm", viewable: true }]);
    // the unit's ancestors are the frame's, read once per screen; the overview carries only what its view reads
    expect(Object.keys(overview).sort()).toEqual(["campaign", "childCount", "metric", "metrics", "milestones", "nextMilestone", "progress", "trend", "unit"]);
    expect(overview.unit).toEqual({ code: "901", name: "Huyện Bắc" });
    expect(overview.childCount).toBe(2);
    expect(overview.milestones).toEqual([{ dueDate: "2023-06-15", target: 100 }, { dueDate: "2023-06-30", target: 400 }]);
    expect(overview.nextMilestone).toEqual({ dueDate: "2023-06-30", target: 400, daysLeft: 14 });
    expect(overview.progress).toMatchObject({ target: 400, percent: 25, projection: { dailyPace: 0, status: "behind", requiredDailyPace: 21.43 } });
    expect(overview.metrics.map((m) => m.code)).toEqual(expect.arrayContaining(["activated", "accounts", "dossiers", "cccd"]));
    expect(overview.trend[0]).toMatchObject({ day: "2023-05-01", cumulative: 0 });
    expect(overview.trend.find((p) => p.day === "2023-06-08")).toMatchObject({ cumulative: 100, daily: 35, target: 100 });
    expect(overview.trend.at(-1)).toMatchObject({ day: "2023-06-16", target: 400 });
  });

  it("lists the leaf units that have not reported for a day, grouped by district, with days behind", async () => {
    await daily(["2023-06-10,90101,activated,0", "2023-06-07,90102,activated,4", "2023-06-10,90201,activated,1"]);
    const status = await getReportingStatus(ADMIN, "90", "2023-06-10");
    expect(status).toMatchObject({ leaves: 4, reported: 2 });
    expect(status.groups).toEqual([
      { code: "901", name: "Huyện Bắc", leaves: 2, missing: [{ code: "90102", name: "Xã Hai", lastReportedOn: "2023-06-07", daysBehind: 3 }], reported: [{ code: "90101", name: "Xã Một" }] },
      { code: "903", name: "Huyện Tây", leaves: 1, missing: [{ code: "90301", name: "Xã Bốn", lastReportedOn: null, daysBehind: null }], reported: [] },
    ]);
    const commune = await getReportingStatus(ADMIN, "90102", "2023-06-07");
    expect(commune).toMatchObject({ leaves: 1, reported: 1, groups: [] });
  });

  it("keeps every view inside the caller's scope", async () => {
    const district: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
    await expect(getProgress(district, { unitCode: "902", metricCode: "activated", asOf: "2023-06-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getUnitOverview(district, { unitCode: "90", metricCode: "activated", asOf: "2023-06-10" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getReportingStatus(district, "902", "2023-06-10")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getRankings(district, { ...query("2023-06-10", null), level: 3 })).resolves.toMatchObject({ rows: [{ code: "90102" }, { code: "90101" }] });
    await expect(getUnitOverview(district, { unitCode: "90101", metricCode: "activated", asOf: "2023-06-10" })).resolves.toMatchObject({ unit: { code: "90101" } });
    expect((await getUnitFrame(district, "90101")).breadcrumbs).toEqual([
      { code: "90", name: "Tỉnh Thử Nghiệm", viewable: false },
      { code: "901", name: "Huyện Bắc", viewable: true },
    ]);
  });
});
