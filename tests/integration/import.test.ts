import { beforeEach, describe, expect, it } from "vitest";
import { importCsv, importDailyFile } from "@/lib/data/import";
import { AppError, userText } from "@/lib/data/errors";
import { rebuildTotals } from "@/lib/data/totals";
import type { Actor } from "@/lib/auth/permissions";
import { ADMIN, createCampaign, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");

function dailyCsv(rows: string[], header = "date,unit_code,metric,value,kind"): string {
  return [header, ...rows].join("\n");
}

describe("CSV import", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
  });

  it("writes nothing when one row among a thousand is bad, and names its line", async () => {
    const rows: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const day = new Date(Date.UTC(2023, 0, 1) + (i % 125) * 86_400_000).toISOString().slice(0, 10);
      const unit = ["90101", "90102", "90201", "90301"][Math.floor(i / 125) % 4];
      const metric = ["dossiers", "accounts"][Math.floor(i / 500)];
      rows.push(`${day},${unit},${metric},${i % 50},daily`);
    }
    rows[736] = "2023-02-30,90101,dossiers,5,daily";
    const result = await importCsv(ADMIN, "daily", dailyCsv(rows), { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBe(738); // header is line 1
    expect(result.errors[0].message).toMatch(/Ngày không hợp lệ/);
    expect(await testDb().figure.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);

    rows[736] = "2023-05-06,90301,activated,5,daily";
    const good = await importCsv(ADMIN, "daily", dailyCsv(rows), { now: NOW });
    expect(good).toMatchObject({ ok: true, rows: 1000 });
    expect(await testDb().figure.count()).toBe(1000);
  });

  // Issue 19: a provincial account was told row by row that its own communes were "outside its scope".
  it.each([
    { role: "province" as const, says: /cấp tỉnh được xem/ },
    { role: "leader" as const, says: /Ban Chỉ đạo được xem/ },
  ])("refuses a $role's daily import before reading the file, saying what the role may do", async ({ role, says }) => {
    let read = false;
    const file = (function* () {
      read = true;
      yield dailyCsv(["2023-06-01,90101,dossiers,5,daily"]);
    })();
    const actor: Actor = { id: null, username: role, role, unitPath: "90/" };
    const refusal = await importDailyFile(actor, file, { now: NOW }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).code).toBe("FORBIDDEN");
    expect(userText(refusal as AppError)).toMatch(says);
    expect(read).toBe(false);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("lists every bad row, with its reason, and rejects unknown columns", async () => {
    const result = await importCsv(ADMIN, "daily", dailyCsv([
      "2023-06-01,90101,activated,-5,daily",
      "2023-06-01,901,activated,5,daily",
      "2023-06-01,99999,activated,5,daily",
      "2023-06-01,90101,nothing,5,daily",
      "2023-07-01,90102,activated,5,daily",
      "2023-06-01,90102,activated,1.5,daily",
    ]), { now: NOW });
    expect(result.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7]);
    expect(result.errors[1].message).toMatch(/có đơn vị trực thuộc/);
    expect(result.errors[4].message).toMatch(/ngày tương lai/);
    const unknown = await importCsv(ADMIN, "daily", "date,unit_code,metric,value,extra\n2023-06-01,90101,activated,5,x", { now: NOW });
    expect(unknown.errors).toEqual([{ line: 1, message: "Cột không hợp lệ: extra." }]);
  });

  it("takes cumulative rows as running totals, and audits each change", async () => {
    const result = await importCsv(ADMIN, "daily", dailyCsv([
      "2023-06-01,90101,activated,100,cumulative",
      "2023-06-02,90101,activated,130,cumulative",
      "2023-06-03,90101,activated,20,daily",
    ]), { now: NOW });
    expect(result.ok).toBe(true);
    const figures = await testDb().figure.findMany({ orderBy: { date: "asc" }, select: { value: true, cumulative: true } });
    expect(figures).toEqual([{ value: 100, cumulative: 100 }, { value: 30, cumulative: 130 }, { value: 20, cumulative: 150 }]);
    expect(await testDb().auditEvent.count({ where: { entity: "figure" } })).toBe(3);
  });

  it("a dry run validates everything and writes nothing", async () => {
    const result = await importCsv(ADMIN, "daily", dailyCsv(["2023-06-01,90101,activated,5"], "date,unit_code,metric,value"), { now: NOW, dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, written: 0, rows: 1 });
    expect(await testDb().figure.count()).toBe(0);
  });

  it("refuses rows outside the importing user's scope", async () => {
    const district: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
    const result = await importCsv(district, "daily", dailyCsv(["2023-06-01,90201,activated,5,daily"]), { now: NOW });
    expect(result.errors[0].message).toMatch(/ngoài phạm vi/);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("keeps totals equal to a full recomputation after overlapping imports", async () => {
    const header = "date,unit_code,metric,value";
    const first = await importCsv(ADMIN, "daily", dailyCsv(["2023-06-02,90101,activated,10", "2023-06-01,90102,activated,7", "2023-06-03,90201,activated,4"], header), { now: NOW });
    expect(first).toMatchObject({ ok: true, written: 3 });
    const second = await importCsv(ADMIN, "daily", dailyCsv(["2023-06-01,90101,activated,3", "2023-06-02,90101,activated,5"], header), { now: NOW, reason: "Sửa theo báo cáo xã" });
    expect(second.errors).toEqual([]);
    expect(second).toMatchObject({ ok: true, written: 2 });
    const db = testDb();
    const snapshot = () => db.dailyTotal.findMany({ orderBy: [{ unitId: "asc" }, { metricId: "asc" }, { date: "asc" }], select: { unitId: true, date: true, daily: true, cumulative: true } });
    const maintained = await snapshot();
    await db.$transaction((tx) => rebuildTotals(tx));
    expect(maintained).toEqual(await snapshot());
  });

  it("imports units, campaigns and targets", async () => {
    const units = await importCsv(ADMIN, "units", "code,name,type,parent_code,level\n90302,Xã Năm,Xã,903,3\n904,Huyện Đông,Huyện,90,2\n90401,Xã Sáu,Xã,904,3");
    expect(units).toMatchObject({ ok: true, written: 3 });
    const unit = await testDb().unit.findFirstOrThrow({ where: { code: "90401" } });
    expect(unit).toMatchObject({ path: "90/904/90401/", level: 3, searchName: "xa sau" });
    const campaigns = await importCsv(ADMIN, "campaigns", "campaign,name,start_date,end_date\ncao-diem-2023,Cao điểm 2023,2023-05-01,2023-06-30");
    expect(campaigns.ok).toBe(true);
    const targets = await importCsv(ADMIN, "targets", "campaign,unit_code,metric,due_date,target\ncao-diem-2023,901,activated,2023-06-30,1000\ncao-diem-2023,902,activated,2023-06-30,2000");
    expect(targets).toMatchObject({ ok: true, written: 2 });
    const refused = await importCsv(ADMIN, "targets", "campaign,unit_code,metric,due_date,target\nno-such,901,activated,2023-06-30,1000");
    expect(refused.errors[0]).toEqual({ line: 2, message: "Không có đợt no-such." });
  });

  it("only administrators import units, campaigns and targets", async () => {
    await createCampaign(testDb());
    const province: Actor = { id: null, username: "tinh", role: "province", unitPath: "90/" };
    const result = await importCsv(province, "units", "code,name,type,parent_code,level\n905,Huyện X,Huyện,90,2");
    expect(result.ok).toBe(false);
    expect(await testDb().unit.count({ where: { code: "905" } })).toBe(0);
  });
});
