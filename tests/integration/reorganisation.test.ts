// The 2025 reorganisation on the real lists: the official 2023 list loaded, figures entered
// for Quảng Nam's communes in June 2023, then the 2025 list and the official mapping
// (prisma/data, from dvhcvn) loaded once and read by every test; last, undone and loaded
// again. The rules on a small tree: reorganisation-rules.test.ts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getRankings } from "@/lib/data/rankings";
import { importReorganisation, undoReorganisation, type ReorganisationResult } from "@/lib/data/reorganisation";
import { unitOnDay } from "@/lib/data/unit-on-day";
import { getUnit, listUnits } from "@/lib/data/units";
import { getViewableUnit } from "@/lib/data/progress";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { OFFICIAL_UNITS_FILE } from "@/lib/db/seed/official-units";
import { readCsv } from "@/lib/validation/csv";
import { ADMIN } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const DATA = path.resolve(import.meta.dirname, "../../prisma/data");
const unitsText = readFileSync(path.join(DATA, "admin-units-vn-2025-07.csv"), "utf8");
const changesText = readFileSync(path.join(DATA, "unit-changes-vn-2025-07.csv"), "utf8");
const RUN = { date: "2025-07-01", unitsText, changesText };

function rows(text: string, columns: string[]): Record<string, string>[] {
  const csv = readCsv(text, columns, []);
  if (!csv.ok) throw new Error("unreadable test file");
  return csv.rows.map((r) => r.values);
}

/** What the files themselves say, counted without the code under test. */
function expectedFromFiles() {
  const old = rows(readFileSync(OFFICIAL_UNITS_FILE, "utf8"), ["code", "name", "type", "parent_code", "level"]);
  const fresh = rows(unitsText, ["code", "name", "type", "parent_code", "level"]);
  const changes = rows(changesText, ["effective_date", "old_code", "old_name", "new_code", "new_name", "part"]);
  const oldCodes = new Set(old.map((u) => u.code));
  const mapped = new Set(changes.map((c) => c.old_code));
  const self = changes.filter((c) => c.old_code === c.new_code && c.part === "full" && c.old_code.length === 2);
  const known = changes.filter((c) => oldCodes.has(c.old_code));
  return {
    ending: old.length - self.length,
    starting: fresh.length - self.length,
    continuing: self.length,
    full: known.filter((c) => c.part === "full").length - self.length,
    partial: known.filter((c) => c.part === "partial").length,
    noSuccessor: old.filter((u) => u.level === "3" && !mapped.has(u.code)).length,
    districtsAbolished: old.filter((u) => u.level === "2" && !mapped.has(u.code)).length,
    notInDatabase: changes.length - known.length,
  };
}

const dump = () => testDb().$queryRaw<unknown[]>`
  SELECT id, code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, reorganisation_id, ended_by_reorganisation_id FROM unit ORDER BY id`;

const RANKING = { parentCode: "49", asOf: "2023-06-07", metricCode: "activated" } as const;

describe("the 2025 reorganisation on the real lists", () => {
  let before: unknown[];
  let rankingBefore: Awaited<ReturnType<typeof getRankings>>;
  let result: ReorganisationResult;
  let dryRun: ReorganisationResult;
  let province48: number;

  beforeAll(async () => {
    const db = await resetDatabase();
    expect(await importCsv(ADMIN, "units", readFileSync(OFFICIAL_UNITS_FILE, "utf8"))).toMatchObject({ ok: true });
    // June 2023 figures for 40 communes of Quảng Nam, a week of them
    const communes = await db.unit.findMany({ where: { path: { startsWith: "49/" }, level: 3 }, select: { code: true }, orderBy: { code: "asc" }, take: 40 });
    const figures = communes.flatMap(({ code }, i) => ["2023-06-01", "2023-06-04", "2023-06-07"].map((date, d) => ({ ref: i * 3 + d, date, unitCode: code, metric: "activated", value: 10 * (i + 1) + d, kind: "daily" as const })));
    expect((await saveDailyFigures(ADMIN, figures, { now: new Date("2023-06-08T03:00:00Z") })).ok).toBe(true);
    rankingBefore = await getRankings(ADMIN, RANKING);
    before = await dump();
    province48 = (await db.unit.findFirstOrThrow({ where: { code: "48" }, select: { id: true } })).id;
    // one bad line in either file: refused, the line named, nothing written
    const badUnits = await importReorganisation(ADMIN, { ...RUN, unitsText: `${unitsText.trimEnd()}\n99999,Xã Lạc,Xã,77,2\n` });
    expect(badUnits).toMatchObject({ ok: false, errorCount: 1, errors: [{ file: "units", line: 3357 }] });
    const badChanges = await importReorganisation(ADMIN, { ...RUN, changesText: `${changesText.trimEnd()}\n2025-07-01,20672,Xã Sơn Viên,20194,Phường Hải Vân,entire\n` });
    expect(badChanges).toMatchObject({ ok: false, errorCount: 1, errors: [{ file: "changes", line: 10669 }] });
    expect(await dump()).toEqual(before);
    expect(await db.unitReorganisation.count()).toBe(0);
    dryRun = await importReorganisation(ADMIN, { ...RUN, dryRun: true });
    expect(await dump()).toEqual(before);
    result = await importReorganisation(ADMIN, RUN);
  });

  it("is written, and its summary counts what the files say (the dry run's the same)", () => {
    expect(result).toMatchObject({ ok: true, errorCount: 0 });
    expect(dryRun).toMatchObject({ ok: true, dryRun: true, id: null, summary: result.summary });
    const expected = expectedFromFiles();
    const summary = result.summary!;
    expect({
      ending: summary.ending, starting: summary.starting, continuing: summary.continuing,
      full: summary.successions.full, partial: summary.successions.partial,
      noSuccessor: summary.noSuccessor.count, districtsAbolished: summary.districtsAbolished, notInDatabase: summary.notInDatabase,
    }).toEqual(expected);
    // the files' own numbers (shared/data/README.md): 566 communes merged before 2025, 705 districts of which 5 island districts became special zones
    expect(expected).toMatchObject({ ending: 11_332, starting: 3_321, continuing: 34, noSuccessor: 566, districtsAbolished: 700, notInDatabase: 15 });
    expect(summary.successions.partialWithShare).toBe(0);
    expect(summary.provinces).toHaveLength(34);
    expect(summary.provinces.find((p) => p.code === "48")).toMatchObject({ name: "Thành phố Đà Nẵng", continues: true, units: 94, oldProvinces: ["48", "49"] });
  });

  it("resolves 20194 to Phường Hòa Hiệp Bắc in 2024 and to Phường Hải Vân in 2026, with its predecessors", async () => {
    const db = testDb();
    expect(await unitOnDay(db, "20194", "2024-06-01", { name: true, path: true, level: true })).toEqual({ name: "Phường Hòa Hiệp Bắc", path: "48/490/20194/", level: 3 });
    const now = await unitOnDay(db, "20194", "2026-01-01", {
      name: true, path: true, level: true, kind: true,
      predecessors: { select: { part: true, share: true, predecessor: { select: { code: true, name: true } } }, orderBy: { predecessor: { code: "asc" } } },
    });
    expect(now).toEqual({
      name: "Phường Hải Vân", path: "48/20194/", level: 2, kind: "commune",
      predecessors: [
        { part: "full", share: null, predecessor: { code: "20194", name: "Phường Hòa Hiệp Bắc" } },
        { part: "full", share: null, predecessor: { code: "20195", name: "Phường Hòa Hiệp Nam" } },
        { part: "full", share: null, predecessor: { code: "20293", name: "Xã Hòa Bắc" } },
        { part: "partial", share: null, predecessor: { code: "20296", name: "Xã Hòa Liên" } },
      ],
    });
  });

  it("keeps Đà Nẵng (48, the same row) with its 94 communes; Quảng Nam (49) ends into it", async () => {
    const db = testDb();
    const danang = await unitOnDay(db, "48", "2026-01-01", { id: true, dissolvedOn: true });
    expect(danang).toEqual({ id: province48, dissolvedOn: null });
    const children = await db.unit.findMany({ where: { parentId: province48, validFrom: { lte: new Date("2026-01-01") }, dissolvedOn: null }, select: { level: true, kind: true } });
    expect(children).toHaveLength(94);
    expect(new Set(children.map((c) => `${c.level} ${c.kind}`))).toEqual(new Set(["2 commune"]));
    const quangNam = await db.unit.findFirstOrThrow({ where: { code: "49" }, select: { dissolvedOn: true, endedByReorganisationId: true, successors: { select: { part: true, successor: { select: { id: true } } } } } });
    expect(quangNam).toEqual({ dissolvedOn: new Date("2025-07-01T00:00:00Z"), endedByReorganisationId: result.id, successors: [{ part: "full", successor: { id: province48 } }] });
    expect(await unitOnDay(db, "49", "2026-01-01", { id: true })).toBeNull();
  });

  it("reports Xã Sơn Viên (20672, merged before 2025) as ending with no successor", async () => {
    expect(result.summary!.noSuccessor.units).toHaveLength(50);
    const sonVien = await testDb().unit.findFirstOrThrow({ where: { code: "20672" }, select: { name: true, dissolvedOn: true, _count: { select: { successors: true } } } });
    expect(sonVien).toEqual({ name: "Xã Sơn Viên", dissolvedOn: new Date("2025-07-01T00:00:00Z"), _count: { successors: 0 } });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "unit.reorganise" }, select: { newValue: true } });
    expect(audit.newValue).toEqual(JSON.parse(JSON.stringify(result.summary)));
  });

  it("leaves 2023 as it was: Quảng Nam's ranking of its districts on 07/06/2023", async () => {
    expect(await getRankings(ADMIN, RANKING)).toEqual(rankingBefore);
  });

  it("names each province as it was on the view's day: code 15 is Tỉnh Yên Bái in 2023 and Tỉnh Lào Cai from 01/07/2025", async () => {
    const names = async (asOf: string) => new Map((await getRankings(ADMIN, { parentCode: null, asOf, metricCode: "activated" })).rows.map((r) => [r.code, r.name]));
    const in2023 = await names("2023-06-07");
    expect(in2023.size).toBe(63);
    expect([in2023.get("15"), in2023.get("10"), in2023.get("46")]).toEqual(["Tỉnh Yên Bái", "Tỉnh Lào Cai", "Tỉnh Thừa Thiên Huế"]);
    // one name per province on a day: no two "Tỉnh Lào Cai" in 2023
    expect(new Set(in2023.values()).size).toBe(63);
    const in2026 = await names("2026-01-01");
    expect(in2026.size).toBe(34);
    expect([in2026.get("15"), in2026.get("46")]).toEqual(["Tỉnh Lào Cai", "Thành phố Huế"]);
    // the units API and the unit's own page say the same
    expect((await listUnits(ADMIN, null, "2023-06-07")).find((u) => u.code === "48")).toMatchObject({ name: "Thành phố Đà Nẵng", type: "Thành phố Trung ương" });
    expect(await getUnit(ADMIN, "15", "2023-06-07")).toMatchObject({ name: "Tỉnh Yên Bái", type: "Tỉnh" });
    expect(await getUnit(ADMIN, "15", "2026-01-01")).toMatchObject({ name: "Tỉnh Lào Cai", type: "Tỉnh" });
    expect((await getViewableUnit(ADMIN, "46", { asOf: "2023-06-07" })).name).toBe("Tỉnh Thừa Thiên Huế");
    // a district's page names its province as it then was
    const district = (await listUnits(ADMIN, "15", "2023-06-07"))[0];
    expect((await getUnitFrame(ADMIN, district.code, { asOf: "2023-06-07" })).breadcrumbs[0]).toMatchObject({ code: "15", name: "Tỉnh Yên Bái" });
  });

  it("undo restores the exact 2023 units; loaded again, undo is refused once a figure is entered on a new unit", async () => {
    expect(await undoReorganisation(ADMIN, result.id!)).toEqual({ id: result.id, removed: 3_321, reopened: 11_332, restored: 13 });
    expect(await dump()).toEqual(before);
    expect(await getRankings(ADMIN, RANKING)).toEqual(rankingBefore);

    const again = await importReorganisation(ADMIN, RUN);
    expect(again.summary).toEqual(result.summary);
    const saved = await saveDailyFigures(ADMIN, [{ ref: 0, date: "2025-07-02", unitCode: "20194", metric: "activated", value: 7, kind: "daily" }], { now: new Date("2025-07-03T03:00:00Z") });
    expect(saved.ok).toBe(true);
    await expect(undoReorganisation(ADMIN, again.id!)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await unitOnDay(testDb(), "20194", "2026-01-01", { name: true })).toEqual({ name: "Phường Hải Vân" });
  });
});
