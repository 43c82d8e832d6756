import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getRankings } from "@/lib/data/rankings";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { rebuildUnitReports } from "@/lib/data/totals";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { addDays } from "@/lib/domain/dates";
import { dissolveUnit, getUnitTree, renameUnit, searchUnits } from "@/lib/data/units-admin";
import { withLocale } from "@/lib/i18n/message";
import { createUnits } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const ADMIN: Actor = { id: null, username: "system", role: "admin", unitPath: null };
const NOW = new Date("2023-06-30T05:00:00Z");

describe("unit administration", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await createUnits(db, [
      ["49", "Tỉnh Quảng Nam", null],
      ["517", "Huyện Núi Thành", "49"],
      ["518", "Huyện Phú Ninh", "49"],
      ["21001", "Xã Tam Nghĩa", "517"],
      ["21002", "Xã Tam Hải", "517"],
      ["21101", "Xã Tam Thành", "518"],
    ]);
  });

  it("finds units by name without diacritics, by partial name, and by code", async () => {
    expect((await searchUnits(ADMIN, "nui thanh")).map((u) => u.code)).toEqual(["517"]);
    expect((await searchUnits(ADMIN, "NÚI   Thành")).map((u) => u.code)).toEqual(["517"]);
    expect((await searchUnits(ADMIN, "tam")).map((u) => u.code)).toEqual(["21001", "21002", "21101"]);
    expect((await searchUnits(ADMIN, "210")).map((u) => u.code)).toEqual(["21001", "21002"]);
    expect(await searchUnits(ADMIN, "khong co")).toEqual([]);
  });

  it("browses the tree with ancestors and children", async () => {
    const tree = await getUnitTree(ADMIN, "517");
    expect(tree.ancestors).toEqual([{ code: "49", name: "Tỉnh Quảng Nam" }]);
    expect(tree.children.map((c) => c.code)).toEqual(["21001", "21002"]);
    expect((await getUnitTree(ADMIN)).children.map((c) => [c.code, c.childCount])).toEqual([["49", 2]]);
  });

  it("renames a unit, searchable under its new name, audited", async () => {
    await renameUnit(ADMIN, { code: "21002", name: "Xã Tam Hải Mới", reason: "Nghị quyết 01" });
    expect((await searchUnits(ADMIN, "tam hai moi")).map((u) => u.code)).toEqual(["21002"]);
    expect(await testDb().auditEvent.findFirst({ where: { action: "unit.rename" }, select: { entityKey: true, oldValue: true, newValue: true, reason: true } }))
      .toEqual({ entityKey: "21002", oldValue: { name: "Xã Tam Hải" }, newValue: { name: "Xã Tam Hải Mới" }, reason: "Nghị quyết 01" });
  });

  it("a merged unit keeps its figures: its own before the merger, carried into the unit it went into after, its parent's totals unchanged", async () => {
    const row = (unitCode: string, date: string, value: number) => ({ ref: 0, date, unitCode, metric: "accounts", value, kind: "daily" as const });
    expect((await saveDailyFigures(ADMIN, [row("21001", "2023-06-01", 100), { ...row("21002", "2023-06-01", 40), ref: 1 }], { now: NOW })).ok).toBe(true);
    await dissolveUnit(ADMIN, { code: "21002", date: "2023-06-15", mergedIntoCode: "21001", reason: "Nghị quyết sáp nhập" });

    const before = await getRankings(ADMIN, { parentCode: "517", metricCode: "accounts", asOf: "2023-06-14" });
    expect(before.rows.map((r) => [r.code, r.actual]).sort()).toEqual([["21001", 100], ["21002", 40]]);
    const after = await getRankings(ADMIN, { parentCode: "517", metricCode: "accounts", asOf: "2023-06-20" });
    // the merger is a full succession: 21001's running total goes on with 21002's (lib/data/carries.ts)
    expect(after.rows.map((r) => [r.code, r.actual])).toEqual([["21001", 140]]);
    const district = await getRankings(ADMIN, { parentCode: "49", metricCode: "accounts", asOf: "2023-06-20" });
    expect(district.rows.find((r) => r.code === "517")?.actual).toBe(140);
    expect(await testDb().figure.count({ where: { unitId: (await testDb().unit.findFirstOrThrow({ where: { code: "21002" } })).id } })).toBe(1);

    // no figures for it from the day it ended; the grid no longer lists it
    const late = await saveDailyFigures(ADMIN, [row("21002", "2023-06-15", 5)], { now: NOW });
    expect(late.ok).toBe(false);
    if (!late.ok) expect(late.issues[0].message).toBe("Đơn vị 21002 đã giải thể từ ngày 15/06/2023.");
    expect((await saveDailyFigures(ADMIN, [row("21002", "2023-06-14", 5)], { now: NOW })).ok).toBe(true);
    // a figure of its last days, entered after the merger, is carried on too
    expect((await getRankings(ADMIN, { parentCode: "517", metricCode: "accounts", asOf: "2023-06-20" })).rows.map((r) => [r.code, r.actual])).toEqual([["21001", 145]]);
    expect((await getRankings(ADMIN, { parentCode: "49", metricCode: "accounts", asOf: "2023-06-20" })).rows.find((r) => r.code === "517")?.actual).toBe(145);
    expect((await getDailyGrid(ADMIN, "2023-06-20", "517")).rows.map((r) => r.unitCode)).toEqual(["21001"]);
    expect((await getDailyGrid(ADMIN, "2023-06-14", "517")).rows.map((r) => r.unitCode).sort()).toEqual(["21001", "21002"]);

    expect(await testDb().auditEvent.findFirst({ where: { action: "unit.merge" }, select: { entityKey: true, newValue: true, reason: true } }))
      .toEqual({ entityKey: "21002", newValue: { dissolvedOn: "2023-06-15", mergedInto: "21001" }, reason: "Nghị quyết sáp nhập" });
  });

  it("a unit ended on a day drops out of who has reported from that day: reporting status, its parent's reportedOn, the weekly report", async () => {
    const row = (unitCode: string, date: string, ref = 0) => ({ ref, date, unitCode, metric: "accounts", value: 3, kind: "daily" as const });
    const reportDays = async (codes: string[], from: string, to: string) => {
      for (let day = from; day <= to; day = addDays(day, 1)) expect((await saveDailyFigures(ADMIN, codes.map((code, i) => row(code, day, i)), { now: NOW })).ok).toBe(true);
    };
    await reportDays(["21001", "21002", "21101"], "2023-06-01", "2023-06-14");
    // The others go on reporting; 21002 is merged into 21001 on 15/06, after those reports were saved.
    await reportDays(["21001", "21101"], "2023-06-15", "2023-06-20");
    await dissolveUnit(ADMIN, { code: "21002", date: "2023-06-15", mergedIntoCode: "21001", reason: "Nghị quyết sáp nhập" });
    await reportDays(["21001", "21101"], "2023-06-21", "2023-06-25");

    const status = await getReportingStatus(ADMIN, "517", "2023-06-20");
    expect({ leaves: status.leaves, reported: status.reported, groups: status.groups }).toEqual({ leaves: 1, reported: 1, groups: [] });
    expect((await getReportingStatus(ADMIN, "517", "2023-06-14")).leaves).toBe(2);
    for (const asOf of ["2023-06-15", "2023-06-20", "2023-06-25"]) {
      const districts = await getRankings(ADMIN, { parentCode: "49", metricCode: "accounts", asOf });
      expect(districts.rows.find((r) => r.code === "517")?.reportedOn, asOf).toBe(asOf);
    }
    // The week of 12–18/06: 21002 was expected on 12–14/06 (and reported), not after.
    const week = await getWeeklyReport(ADMIN, { unitCode: "49", week: { year: 2023, week: 24 } }, NOW);
    expect(week.missing).toEqual([]);

    // The rows kept on write equal a rebuild from the figures and the units.
    const reports = () => testDb().unitReport.findMany({ orderBy: [{ unitId: "asc" }, { date: "asc" }] });
    const kept = await reports();
    await testDb().$transaction((tx) => rebuildUnitReports(tx));
    expect(await reports()).toEqual(kept);
  });

  it("refuses a merger into itself, a descendant, another level or a unit already gone", async () => {
    const refused = (input: Parameters<typeof dissolveUnit>[1]) => dissolveUnit(ADMIN, input).then(() => null, (e: { code: string }) => e.code);
    expect(await refused({ code: "517", date: "2023-06-15", mergedIntoCode: "517", reason: "x" })).toBe("INVALID_INPUT");
    expect(await refused({ code: "517", date: "2023-06-15", mergedIntoCode: "21001", reason: "x" })).toBe("INVALID_INPUT");
    await dissolveUnit(ADMIN, { code: "518", date: "2023-06-10", reason: "giải thể" });
    expect(await refused({ code: "517", date: "2023-06-15", mergedIntoCode: "518", reason: "x" })).toBe("INVALID_INPUT");
    expect(await refused({ code: "518", date: "2023-06-20", reason: "x" })).toBe("INVALID_INPUT");
    // worded in the request's language
    const levels = { code: "517", date: "2023-06-15", mergedIntoCode: "21001", reason: "x" };
    await expect(dissolveUnit(ADMIN, levels)).rejects.toMatchObject({ fieldErrors: { mergedIntoCode: ["Không thể sáp nhập một đơn vị vào chính nó hoặc đơn vị trực thuộc nó."] } });
    await expect(withLocale("en", () => dissolveUnit(ADMIN, levels))).rejects.toMatchObject({ fieldErrors: { mergedIntoCode: ["A unit cannot be merged into itself or into one of its own subunits."] } });
    await expect(withLocale("en", () => dissolveUnit(ADMIN, { code: "518", date: "2023-06-20", reason: "x" }))).rejects.toMatchObject({ fieldErrors: { date: ["The unit was dissolved on 10/06/2023."] } });
    expect(await testDb().unit.count({ where: { dissolvedOn: { not: null } } })).toBe(1);
  });

  it("only administrators administer units; a refused call writes nothing", async () => {
    const unit = await testDb().unit.findFirstOrThrow({ where: { code: "517" } });
    const district: Actor = { id: 1, username: "nuithanh", role: "district", unitPath: unit.path };
    const province: Actor = { id: 2, username: "tinh", role: "province", unitPath: "49/" };
    for (const actor of [district, province]) {
      await expect(renameUnit(actor, { code: "517", name: "X" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(dissolveUnit(actor, { code: "21001", date: "2023-06-15", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(searchUnits(actor, "tam")).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(getUnitTree(actor, "517")).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await testDb().unit.findFirstOrThrow({ where: { code: "517" }, select: { name: true } })).toEqual({ name: "Huyện Núi Thành" });
    expect(await testDb().auditEvent.count()).toBe(0);
  });
});
