// Issue 22, agencies: a second kind of reporting entity with its own tree (departments with
// sub-agencies, districts' offices), dated headcounts and a weekly figure of staff with level-2
// activation, entered by the agency's focal point within its agencies or imported; refused
// above the headcount; a figure changed meanwhile is a conflict; every change audited; the
// agencies ranked by share of staff (sub-agencies summed into their parent) with who has not
// reported this week; and the weekly report's agencies section in every format.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { agencyRankingOf, createAgencyUser, getAgencyEntry, getAgencyRanking, saveAgencyWeekly, setAgencyDueDate } from "@/lib/data/agencies";
import { importCsv } from "@/lib/data/import";
import { getSessionUser } from "@/lib/data/sessions";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { renderReport } from "@/lib/reports/render";
import { defaultIssuing } from "@/lib/reports/issuing";
import { readDocx, readPdf, readXlsx } from "../support/report-files";
import { addUser } from "../support/users";
import { ADMIN, createUnits, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

vi.setConfig({ testTimeout: 60_000 });

const W20 = parseIsoWeek("2023-W20")!; // 15/05 – 21/05/2023
const W21 = parseIsoWeek("2023-W21")!; // 22/05 – 28/05/2023

const AGENCIES = [
  "code,name,parent_code,unit_code,as_of,headcount",
  "SA,Sở A,,90,2023-05-01,100",
  "SA-1,Bệnh viện A1,SA,90,2023-05-01,200",
  "SA-1-K,Khoa A1K,SA-1,90,2023-05-01,10",
  "SB,Sở B,,90,2023-05-01,50",
  "PB,Phòng Bắc,,901,2023-05-01,40",
  "PN,Phòng Nam,,902,2023-05-01,30",
  // a later headcount of Sở A: from week 21 on
  "SA,Sở A,,90,2023-05-22,120",
];

let focal: Actor;
let province: Actor;
let district: Actor;
let leader: Actor;

async function sessionActor(user: { id: number; sessionVersion: number }): Promise<Actor> {
  return (await getSessionUser(user.id, user.sessionVersion))!;
}

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  await createUnits(db, [["80", "Tỉnh Khác", null], ["801", "Huyện Khác", "80"], ["80101", "Xã Khác", "801"]]);
  const imported = await importCsv(ADMIN, "agencies", AGENCIES.join("\n"));
  expect(imported.errors).toEqual([]);
  const { id } = await createAgencyUser(ADMIN, { username: "dau-moi-sa", displayName: "Đầu mối Sở A", agencyCode: "SA", password: "mat-khau-dau-moi" });
  focal = await sessionActor(await db.user.findUniqueOrThrow({ where: { id } }));
  province = await sessionActor(await addUser(db, "tinh", "province", "90"));
  district = await sessionActor(await addUser(db, "bac", "district", "901"));
  leader = await sessionActor(await addUser(db, "lanhdao", "leader", "90"));
});

describe("the agencies' tree and headcounts", () => {
  it("keeps sub-agencies under their parent, each attached to its unit", async () => {
    const rows = await testDb().agency.findMany({ orderBy: { path: "asc" }, select: { code: true, path: true, unit: { select: { code: true } } } });
    expect(rows.map((r) => [r.code, r.path, r.unit.code])).toEqual([
      ["PB", "PB/", "901"], ["PN", "PN/", "902"], ["SA", "SA/", "90"], ["SA-1", "SA/SA-1/", "90"], ["SA-1-K", "SA/SA-1/SA-1-K/", "90"], ["SB", "SB/", "90"],
    ]);
  });

  it("counts the latest headcount on or before the week's last day", async () => {
    expect((await getAgencyEntry(focal, W20)).rows[0]).toMatchObject({ code: "SA", headcount: 100 });
    expect((await getAgencyEntry(focal, W21)).rows[0]).toMatchObject({ code: "SA", headcount: 120 });
  });

  it("refuses a parent that does not exist, naming its line, and writes nothing", async () => {
    const before = await testDb().agency.count();
    const result = await importCsv(ADMIN, "agencies", "code,name,parent_code,unit_code\nSC,Sở C,,90\nSC-1,Trường C1,SX,90");
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([{ line: 3, message: "Không có cơ quan cấp trên mã SX." }]);
    expect(await testDb().agency.count()).toBe(before);
  });

  it("refuses the agencies import to anyone but an administrator", async () => {
    const result = await importCsv(province, "agencies", "code,name,parent_code,unit_code\nSD,Sở D,,90");
    expect(result.ok).toBe(false);
    expect(await testDb().agency.count({ where: { code: "SD" } })).toBe(0);
  });
});

describe("the weekly entry", () => {
  it("has a focal-point account made by an administrator, audited, with its agency as its only scope", async () => {
    expect(focal).toMatchObject({ role: "agency", unitPath: null, agencyPath: "SA/" });
    expect(await testDb().auditEvent.findFirst({ where: { action: "user.create", entityKey: "dau-moi-sa" }, select: { newValue: true } })).toEqual({ newValue: { displayName: "Đầu mối Sở A", role: "agency", agency: "SA" } });
    await expect(createAgencyUser(province, { username: "khac", displayName: "x", agencyCode: "SA", password: "mat-khau-dau-moi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("shows the focal point its agency and sub-agencies, and nothing else", async () => {
    const entry = await getAgencyEntry(focal, W20);
    expect(entry.agency).toEqual({ code: "SA", name: "Sở A" });
    expect(entry.rows.map((r) => [r.code, r.depth])).toEqual([["SA", 0], ["SA-1", 1], ["SA-1-K", 2]]);
    await expect(getAgencyEntry(focal, W20, "SB")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAgencyEntry(district, W20, "PB")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses another agency's figure, and any figure from a unit's police or a province", async () => {
    await expect(saveAgencyWeekly(focal, W20, [{ agencyCode: "SB", activated: 1, expectedVersion: null }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveAgencyWeekly(district, W20, [{ agencyCode: "PB", activated: 1, expectedVersion: null }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveAgencyWeekly(province, W20, [{ agencyCode: "SA", activated: 1, expectedVersion: null }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await testDb().agencyWeekly.count()).toBe(0);
  });

  it("refuses a figure above the headcount, in Vietnamese, and writes nothing", async () => {
    const result = await saveAgencyWeekly(focal, W20, [{ agencyCode: "SA-1", activated: 150, expectedVersion: null }, { agencyCode: "SA", activated: 101, expectedVersion: null }]);
    expect(result).toEqual({ ok: false, issues: [{ index: 1, message: "Sở A: số cán bộ đã kích hoạt (101) vượt quá tổng số cán bộ (100). Kiểm tra lại hai số này." }] });
    expect(await testDb().agencyWeekly.count()).toBe(0);
    // the same figure in week 21, when Sở A has 120
    expect(await saveAgencyWeekly(focal, W21, [{ agencyCode: "SA", activated: 101, expectedVersion: null }])).toEqual({ ok: true, written: 1 });
  });

  it("saves the focal point's figures with a new headcount, audited with old and new values", async () => {
    expect(await saveAgencyWeekly(focal, W20, [
      { agencyCode: "SA", activated: 80, expectedVersion: null },
      { agencyCode: "SA-1", activated: 150, expectedVersion: null },
      { agencyCode: "SA-1-K", activated: 5, headcount: 12, expectedVersion: null },
    ])).toEqual({ ok: true, written: 4 });
    expect(await saveAgencyWeekly(focal, W20, [{ agencyCode: "SA", activated: 90, expectedVersion: 1 }])).toEqual({ ok: true, written: 1 });
    const events = await testDb().auditEvent.findMany({ where: { entity: { in: ["agency_weekly", "agency_headcount"] }, userId: focal.id }, orderBy: { id: "asc" }, select: { action: true, entityKey: true, oldValue: true, newValue: true } });
    expect(events).toEqual([
      { action: "agency_weekly.create", entityKey: "SA:2023-W21", oldValue: null, newValue: 101 },
      { action: "agency_weekly.create", entityKey: "SA:2023-W20", oldValue: null, newValue: 80 },
      { action: "agency_weekly.create", entityKey: "SA-1:2023-W20", oldValue: null, newValue: 150 },
      { action: "agency_headcount.set", entityKey: "SA-1-K:2023-05-15", oldValue: null, newValue: 12 },
      { action: "agency_weekly.create", entityKey: "SA-1-K:2023-W20", oldValue: null, newValue: 5 },
      { action: "agency_weekly.update", entityKey: "SA:2023-W20", oldValue: 80, newValue: 90 },
    ]);
    expect((await getAgencyEntry(focal, W20)).rows.find((r) => r.code === "SA-1-K")).toMatchObject({ headcount: 12, activated: 5, version: 1 });
  });

  it("refuses a figure changed by someone else since the form was opened, telling the value saved meanwhile", async () => {
    // the form showed version 2 of Sở A's figure (90); an administrator saves 95 meanwhile
    expect(await saveAgencyWeekly(ADMIN, W20, [{ agencyCode: "SA", activated: 95, expectedVersion: 2 }])).toEqual({ ok: true, written: 1 });
    const stale = await saveAgencyWeekly(focal, W20, [{ agencyCode: "SA", activated: 99, expectedVersion: 2 }]);
    expect(stale).toEqual({ ok: false, issues: [{ index: 0, message: "Sở A: số liệu tuần này vừa được người khác sửa thành 95. Xem lại rồi lưu lại.", current: { activated: 95, version: 3 } }] });
    // a form opened before any figure existed is stale too
    expect((await saveAgencyWeekly(focal, W20, [{ agencyCode: "SA-1", activated: 151, expectedVersion: null }])).ok).toBe(false);
    expect((await getAgencyEntry(focal, W20)).rows[0]).toMatchObject({ activated: 95, version: 3 });
  });
});

describe("the weekly figures import", () => {
  it("imports several weeks at once through the same rules, all or nothing", async () => {
    const refused = await importCsv(ADMIN, "agency_weekly", "agency_code,week,activated\nSB,2023-W20,20\nPB,2023-W21,41");
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([{ line: 3, message: "Phòng Bắc: số cán bộ đã kích hoạt (41) vượt quá tổng số cán bộ (40). Kiểm tra lại hai số này." }]);
    expect(await testDb().agencyWeekly.count({ where: { agency: { code: "SB" } } })).toBe(0);

    const last = (await testDb().auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
    const result = await importCsv(ADMIN, "agency_weekly", "agency_code,week,activated\nSB,2023-W20,20\nSB,2023-W21,45\nPB,2023-W20,10\nPN,2023-W20,30\nSA-1,2023-W21,170");
    expect(result).toMatchObject({ ok: true, rows: 5 });
    const events = await testDb().auditEvent.findMany({ where: { entity: "agency_weekly", id: { gt: last } }, orderBy: { id: "asc" }, select: { action: true, entityKey: true } });
    expect(events.map((e) => e.entityKey)).toEqual(["SB:2023-W20", "PB:2023-W20", "PN:2023-W20", "SB:2023-W21", "SA-1:2023-W21"]);
  });
});

describe("the agencies' ranking", () => {
  it("ranks the top agencies by share of staff, sub-agencies summed in, and names who has not reported this week", async () => {
    const ranking = await getAgencyRanking(province, "90", W21);
    // week 21: Sở A 101/120 + A1 170/200 + A1K 5/12 (its figure of week 20) = 276/332; Sở B 45/50;
    // Phòng Bắc 10/40 and Phòng Nam 30/30 from week 20
    expect(ranking.rows.map((r) => [r.rank, r.code, r.headcount, r.activated, r.percent, r.weekChange, r.subAgencies, r.reported])).toEqual([
      [1, "PN", 30, 30, 100, 0, 0, false],
      [2, "SB", 50, 45, 90, 25, 0, true],
      [3, "SA", 332, 276, 83.13, 26, 2, false],
      [4, "PB", 40, 10, 25, 0, 0, false],
    ]);
    expect(ranking.notReported.map((a) => a.code)).toEqual(["SA-1-K", "PB", "PN"]);
    expect([ranking.headcount, ranking.activated, ranking.percent]).toEqual([452, 361, 79.87]);
  });

  it("shows a district only its offices", async () => {
    expect((await getAgencyRanking(province, "901", W21)).rows.map((r) => r.code)).toEqual(["PB"]);
  });

  it("is for provincial officials, leaders and administrators within their scope", async () => {
    expect((await getAgencyRanking(leader, "90", W21)).rows).toHaveLength(4);
    expect((await getAgencyRanking(ADMIN, "90", W21)).rows).toHaveLength(4);
    await expect(getAgencyRanking(province, "80", W21)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAgencyRanking(district, "901", W21)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getAgencyRanking(focal, "90", W21)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("carries the day the province sets for 100%, audited; a leader may not set it", async () => {
    await expect(setAgencyDueDate(leader, "90", "2023-06-30")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setAgencyDueDate(province, "90", "2023-06-30");
    await setAgencyDueDate(province, "90", "2023-07-31");
    expect((await getAgencyRanking(province, "901", W21)).dueDate).toBe("2023-07-31");
    const events = await testDb().auditEvent.findMany({ where: { action: "agency_deadline.set" }, orderBy: { id: "asc" }, select: { oldValue: true, newValue: true } });
    expect(events).toEqual([{ oldValue: null, newValue: "2023-06-30" }, { oldValue: "2023-06-30", newValue: "2023-07-31" }]);
  });

  it("counts no agency in a week before it was kept (registered, with a headcount or a figure)", async () => {
    // registered today, headcounts from 01/05/2023: none of them existed in April 2023
    expect((await agencyRankingOf("90/", parseIsoWeek("2023-W15")!)).rows).toEqual([]);
    expect("agencies" in (await getWeeklyReport(ADMIN, { unitCode: "90", week: parseIsoWeek("2023-W15")! }, new Date("2023-06-01T03:00:00Z")))).toBe(false);
  });

  it("sees no agency from a province that has none", async () => {
    expect((await agencyRankingOf("80/", W21)).rows).toEqual([]);
  });
});

describe("the weekly report's agencies section", () => {
  const NOW = new Date("2023-06-01T03:00:00Z");

  it("is in the model of a unit with agencies, and left out of one without", async () => {
    const model = await getWeeklyReport(ADMIN, { unitCode: "90", week: W21 }, NOW);
    expect(model.agencies).toMatchObject({ dueDate: "2023-07-31", headcount: 452, activated: 361, percent: 79.87 });
    expect(model.agencies!.rows.map((r) => [r.code, r.percent])).toEqual([["PN", 100], ["SB", 90], ["SA", 83.13], ["PB", 25]]);
    expect(model.agencies!.notReported.map((a) => a.name)).toEqual(["Khoa A1K", "Phòng Bắc", "Phòng Nam"]);
    const other = await getWeeklyReport(ADMIN, { unitCode: "80", week: W21 }, NOW);
    expect("agencies" in other).toBe(false);
  });

  it("is in the Excel, Word and PDF files with the right figures", async () => {
    const model = await getWeeklyReport(ADMIN, { unitCode: "90", week: W21 }, NOW);
    const envelope = { model, issuedAt: NOW.toISOString(), issued: null, issuing: defaultIssuing(null) };

    const { sheets } = await readXlsx((await renderReport(envelope, "xlsx", "vi")).body);
    const sheet = sheets.get("Cơ quan")!;
    expect(sheet[0]).toEqual(["VI. Cơ quan, đơn vị: cán bộ kích hoạt định danh điện tử mức 2"]);
    expect(sheet[1][0]).toBe("Toàn bộ: 361/452 cán bộ đã kích hoạt (79,87%); chỉ tiêu 100% đến 31/07/2023.");
    expect(sheet[2]).toEqual(["Hạng", "Mã", "Cơ quan, đơn vị", "Tổng số cán bộ", "Đã kích hoạt mức 2", "Tỷ lệ", "Tăng trong tuần", "Báo cáo tuần"]);
    const sa = sheet.find((row) => row[1] === "SA")!;
    expect(sa.slice(0, 5)).toEqual([3, "SA", "Sở A", 332, 276]);
    expect(sa[5]).toBeCloseTo(0.8313, 10);
    expect(sa.slice(6)).toEqual([26, "Chưa báo cáo"]);
    expect(sheet.flat()).toContain("Chưa báo cáo tuần này: Khoa A1K, Phòng Bắc, Phòng Nam.");

    const { text } = await readDocx((await renderReport(envelope, "docx", "vi")).body);
    expect(text).toContain("VI. Cơ quan, đơn vị: cán bộ kích hoạt định danh điện tử mức 2");
    expect(text).toContain("Sở A (gồm 2 đơn vị trực thuộc)\t332\t276\t83,13%\t+26\tChưa báo cáo");
    expect(text).toContain("Chưa báo cáo tuần này: Khoa A1K, Phòng Bắc, Phòng Nam.");

    const pdf = (await readPdf((await renderReport(envelope, "pdf", "vi")).body)).text.replace(/\s+/g, " ");
    for (const expected of ["VI. Cơ quan, đơn vị: cán bộ kích hoạt định danh điện tử mức 2", "Toàn bộ: 361/452 cán bộ đã kích hoạt (79,87%)", "Sở A (gồm 2 đơn vị trực thuộc)", "83,13%", "Phòng Nam", "100,00%", "Chưa báo cáo tuần này: Khoa A1K, Phòng Bắc, Phòng Nam."]) {
      expect(pdf).toContain(expected);
    }
  });

  it("leaves the files of a unit without agencies as they were", async () => {
    const model = await getWeeklyReport(ADMIN, { unitCode: "80", week: W21 }, NOW);
    const envelope = { model, issuedAt: NOW.toISOString(), issued: null, issuing: defaultIssuing(null) };
    const { sheets } = await readXlsx((await renderReport(envelope, "xlsx", "vi")).body);
    expect(sheets.has("Cơ quan")).toBe(false);
    expect((await readPdf((await renderReport(envelope, "pdf", "vi")).body)).text).not.toContain("Cơ quan, đơn vị");
  });
});
