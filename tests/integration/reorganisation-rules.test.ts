// A reorganisation's rules on a small tree (the real lists: reorganisation.test.ts): what
// continues, ends and starts, successions with their shares, the report, every refusal named
// by file and line with nothing written, and undo refused once a new unit is in use.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importReorganisation, listReorganisations, undoReorganisation } from "@/lib/data/reorganisation";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { ADMIN, smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";

/** `npm run import -- --kind reorganisation …` against the test database. */
function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/import.ts", "--kind", "reorganisation", ...args], {
    encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const UNITS = [
  "code,name,type,parent_code,level",
  "90,Tỉnh Thử Nghiệm Mới,Tỉnh,,1",
  "90101,Xã Một Mới,Xã,90,2",
  "90500,Phường Năm,Phường,90,2",
].join("\n");

const CHANGES = [
  "effective_date,old_code,old_name,new_code,new_name,part,share",
  "2025-07-01,90,Tỉnh Thử Nghiệm,90,Tỉnh Thử Nghiệm Mới,full,",
  "2025-07-01,90101,Xã Một,90101,Xã Một Mới,full,",
  "2025-07-01,90102,Xã Hai,90500,Phường Năm,partial,0.4",
  "2025-07-01,90102,Xã Hai,90101,Xã Một Mới,partial,0.6",
  "2025-07-01,90201,Xã Ba,90500,Phường Năm,full,",
  "2025-07-01,88001,Xã Ngoài,90500,Phường Năm,full,",
].join("\n");

const dump = () => testDb().$queryRaw<unknown[]>`
  SELECT id, code, name, search_name, type, level, kind, parent_id, path, valid_from, dissolved_on, reorganisation_id, ended_by_reorganisation_id FROM unit ORDER BY id`;

describe("a reorganisation's rules", () => {
  beforeEach(async () => {
    await smallTree(await resetDatabase());
  });

  it("continues the province, ends the old tree, starts the new units with their successions and shares, and reports what has no successor", async () => {
    const db = testDb();
    const province = await db.unit.findFirstOrThrow({ where: { code: "90" }, select: { id: true } });
    const result = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES });
    expect(result).toMatchObject({ ok: true, errorCount: 0 });
    expect(result.summary).toEqual({
      date: "2025-07-01", ending: 7, starting: 2, continuing: 1,
      successions: { full: 2, partial: 2, partialWithShare: 2 },
      noSuccessor: { count: 1, units: [{ code: "90301", name: "Xã Bốn" }] },
      districtsAbolished: 3, notInDatabase: 1,
      provinces: [{ code: "90", name: "Tỉnh Thử Nghiệm Mới", continues: true, units: 2, oldProvinces: ["90"], predecessors: 4 }],
    });
    const units = await db.unit.findMany({ select: { id: true, code: true, name: true, level: true, kind: true, path: true, validFrom: true, dissolvedOn: true }, orderBy: { id: "asc" } });
    const on = (day: string | null) => (day ? new Date(`${day}T00:00:00Z`) : null);
    expect(units.find((u) => u.code === "90")).toEqual({ id: province.id, code: "90", name: "Tỉnh Thử Nghiệm Mới", level: 1, kind: "province", path: "90/", validFrom: null, dissolvedOn: null });
    expect(units.filter((u) => u.code !== "90").map((u) => [u.code, u.path, u.kind, u.validFrom, u.dissolvedOn])).toEqual([
      ["901", "90/901/", "district", null, on("2025-07-01")],
      ["902", "90/902/", "district", null, on("2025-07-01")],
      ["903", "90/903/", "district", null, on("2025-07-01")],
      ["90101", "90/901/90101/", "commune", null, on("2025-07-01")],
      ["90102", "90/901/90102/", "commune", null, on("2025-07-01")],
      ["90201", "90/902/90201/", "commune", null, on("2025-07-01")],
      ["90301", "90/903/90301/", "commune", null, on("2025-07-01")],
      ["90101", "90/90101/", "commune", on("2025-07-01"), null],
      ["90500", "90/90500/", "commune", on("2025-07-01"), null],
    ]);
    const links = await db.unitSuccession.findMany({ select: { predecessor: { select: { path: true } }, successor: { select: { path: true } }, part: true, share: true, reorganisationId: true } });
    expect(links.map((l) => [l.predecessor.path, l.successor.path, l.part, l.share === null ? null : Number(l.share), l.reorganisationId]).sort()).toEqual([
      ["90/901/90101/", "90/90101/", "full", null, result.id],
      ["90/901/90102/", "90/90101/", "partial", 0.6, result.id],
      ["90/901/90102/", "90/90500/", "partial", 0.4, result.id],
      ["90/902/90201/", "90/90500/", "full", null, result.id],
    ]);
    const audits = await db.auditEvent.groupBy({ by: ["action"], _count: { _all: true }, orderBy: { action: "asc" } });
    expect(audits.map((a) => [a.action, a._count._all])).toEqual([["unit.create", 2], ["unit.dissolve", 7], ["unit.reorganise", 1], ["unit.update", 1]]);
  });

  it("refuses bad lines in either file, each named by file and line with its reason, and writes nothing", async () => {
    const before = await dump();
    const units = `${UNITS}\n90500,Phường Năm Lặp,Phường,90,2\n90600,Xã Sáu,Xã,77,2\n90700,Xã Bảy,Xã,90,3`;
    const changes = [
      CHANGES,
      "2025-07-01,90301,Xã Bốn,99999,Xã Không Có,full,",
      "2025-07-01,90201,Xã Ba,90101,Xã Một Mới,partial,",
      "2025-06-30,90302,Xã Năm,90500,Phường Năm,full,",
    ].join("\n");
    const result = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: units, changesText: changes });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.file, e.line])).toEqual([
      ["units", 5], ["units", 6], ["units", 7],
      ["changes", 6], ["changes", 8], ["changes", 10],
    ]);
    expect(result.errors.find((e) => e.file === "units" && e.line === 6)?.message).toBe("Không có đơn vị cấp trên 77 trong danh sách đơn vị mới.");
    expect(result.errors.find((e) => e.file === "changes" && e.line === 10)?.message).toBe("Ngày hiệu lực 2025-06-30 khác ngày sắp xếp 2025-07-01.");
    expect(result.errors.filter((e) => e.file === "changes" && e.line === 6).map((e) => e.message)).toEqual(["Đơn vị cũ 90201 có dòng full nhưng còn dòng khác."]);
    expect(result.reasons).toContainEqual({ reason: "mã bị lặp", count: 1 });
    // lines that cannot be read are said alone, before the rules are applied
    const malformed = await importReorganisation(ADMIN, {
      date: "2025-07-01", unitsText: UNITS,
      changesText: `${CHANGES}\n2025-07-01,90301,Xã Bốn,90500,Phường Năm,half,\n2025-07-01,90301,Xã Bốn,90500,Phường Năm,partial,1.5\n2025-07-01,90301,Xã Bốn,90500,Phường Năm,full,0.5`,
    });
    expect(malformed.errors.map((e) => [e.file, e.line])).toEqual([["changes", 8], ["changes", 9], ["changes", 10]]);
    expect(malformed.reasons).toEqual([{ reason: "sai định dạng", count: 3 }]);
    expect(malformed.errors[1].message).toBe("share: Tỷ lệ phải là số thập phân lớn hơn 0 và không quá 1 (ví dụ 0.25).");
    expect(await dump()).toEqual(before);
    expect(await testDb().unitReorganisation.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);

    const badDate = await importReorganisation(ADMIN, { date: "2025-02-30", unitsText: UNITS, changesText: CHANGES });
    expect(badDate).toMatchObject({ ok: false, errorCount: 1, errors: [{ file: null, message: "--date phải là một ngày (YYYY-MM-DD)." }] });
    expect(await dump()).toEqual(before);
  });

  it("refuses a path already taken and a reused code whose unit does not end", async () => {
    const inUse = await importReorganisation(ADMIN, {
      date: "2025-07-01", unitsText: "code,name,type,parent_code,level\n91,Tỉnh Khác,Tỉnh,,1\n90301,Xã Trùng,Xã,91,2",
      changesText: "effective_date,old_code,old_name,new_code,new_name,part\n2025-07-01,90102,Xã Hai,90301,Xã Trùng,full", dryRun: true,
    });
    expect(inUse.errors).toEqual([{ file: "units", line: 3, message: "Mã 90301 vẫn là của Xã Bốn, đơn vị không kết thúc trong lần sắp xếp này." }]);
    const units = `${UNITS}\n91,Tỉnh Khác,Tỉnh,,1\n90201,Xã Trùng,Xã,91,2`;
    const changes = CHANGES.split("\n").filter((line) => !line.includes(",90201,")).join("\n");
    const result = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: units, changesText: changes });
    // 90201 is not mapped here, but it ends with the province's tree: the code is free
    expect(result.ok).toBe(true);
    const again = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES, dryRun: true });
    expect(again.ok).toBe(false);
    expect(again.errors.map((e) => e.message)).toContain("Đơn vị 90500 sẽ có đường dẫn 90/90500/, đã thuộc về đơn vị khác.");
  });

  it("a dry run returns the same summary and writes nothing", async () => {
    const before = await dump();
    const dry = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES, dryRun: true });
    expect(dry).toMatchObject({ ok: true, dryRun: true, id: null });
    expect(await dump()).toEqual(before);
    expect(await testDb().auditEvent.count()).toBe(0);
    const real = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES });
    expect(real.summary).toEqual(dry.summary);
  });

  it("undo restores the units exactly; refused once a figure is entered on a new unit", async () => {
    const before = await dump();
    const first = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES });
    expect(await undoReorganisation(ADMIN, first.id!)).toEqual({ id: first.id, removed: 2, reopened: 7, restored: 1 });
    expect(await dump()).toEqual(before);
    expect(await testDb().unitReorganisation.count()).toBe(0);
    expect((await testDb().auditEvent.findMany({ where: { action: "unit.reorganise_undo" }, select: { entityKey: true } }))).toEqual([{ entityKey: String(first.id) }]);

    const second = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES });
    const saved = await saveDailyFigures(ADMIN, [{ ref: 0, date: "2025-07-02", unitCode: "90500", metric: "accounts", value: 5, kind: "daily" }], { now: new Date("2025-07-03T03:00:00Z") });
    expect(saved.ok).toBe(true);
    const after = await dump();
    await expect(undoReorganisation(ADMIN, second.id!)).rejects.toMatchObject({
      code: "CONFLICT", message: `Không thể hoàn tác lần sắp xếp ${second.id}: đơn vị mới của nó đã được dùng (số liệu).`,
    });
    expect(await dump()).toEqual(after);
    await expect(undoReorganisation(ADMIN, 999)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(undoReorganisation({ id: 5, username: "tinh", role: "province", unitPath: "90/" }, second.id!)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("runs from the command line: the summary, a refusal naming file and line, undo", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "reorganisation-"));
    const file = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const units = file("units.csv", UNITS);
    const bad = file("bad.csv", `${CHANGES}\n2025-07-01,90301,Xã Bốn,99999,Xã Không Có,full,`);
    const refused = cli(["--date", "2025-07-01", "--units", units, "--changes", bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("Tệp chuyển đổi, dòng 8: Mã mới 99999 không có trong danh sách đơn vị mới.");
    expect(await testDb().unitReorganisation.count()).toBe(0);

    const done = cli(["--date", "2025-07-01", "--units", units, "--changes", file("changes.csv", CHANGES)]);
    expect(done.status).toBe(0);
    expect(done.stdout).toContain("Đơn vị kết thúc: 7; bắt đầu: 2; tiếp tục: 1.");
    expect(done.stdout).toContain("  90301 Xã Bốn");
    expect(done.stdout).toContain("90 Tỉnh Thử Nghiệm Mới (tiếp tục): 2 đơn vị trực thuộc, 4 đơn vị cũ, từ 90");
    const [{ id }] = await testDb().unitReorganisation.findMany({ select: { id: true } });
    const undone = cli(["--undo", String(id)]);
    expect(undone.stdout).toContain(`Đã hoàn tác lần sắp xếp số ${id}: xóa 2 đơn vị, mở lại 7 đơn vị, khôi phục 1 tên.`);
    expect(await testDb().unit.count({ where: { dissolvedOn: { not: null } } })).toBe(0);
  });

  it("lists the reorganisations loaded for administrators only, the latest first, with their summaries", async () => {
    expect(await listReorganisations(ADMIN)).toEqual([]);
    const first = await importReorganisation(ADMIN, { date: "2025-07-01", unitsText: UNITS, changesText: CHANGES });
    expect(await listReorganisations(ADMIN)).toEqual([{ id: first.id, effectiveDate: "2025-07-01", createdAt: expect.any(String), createdBy: null, summary: first.summary }]);
    await expect(listReorganisations({ id: 5, username: "tinh", role: "province", unitPath: "90/" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
