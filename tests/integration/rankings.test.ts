import { beforeEach, describe, expect, it } from "vitest";
import { getRankings } from "@/lib/data/rankings";
import { importCsv } from "@/lib/data/import";
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
    expect(result.rows.map(({ change: _change, hasChildren: _hasChildren, viewable: _viewable, ...row }) => row)).toEqual([
      { code: "901", name: "Huyện Bắc", actual: 100, target: 200, percent: 50, rank: 1, reportedOn: "2023-06-01" },
      { code: "902", name: "Huyện Nam", actual: 200, target: 400, percent: 50, rank: 1, reportedOn: "2023-06-01" },
      { code: "903", name: "Huyện Tây", actual: 10, target: 1000, percent: 1, rank: 3, reportedOn: "2023-06-05" },
    ]);
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

  it("keeps each caller inside their scope", async () => {
    const district: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
    await expect(rank("2023-06-10", "902", district)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await rank("2023-06-10", "901", district)).rows.map((r) => r.code)).toEqual(["90102", "90101"]); // no targets: by name, "Hai" before "Một"
    expect((await rank("2023-06-10", null, district)).rows).toEqual([]);
  });
});
