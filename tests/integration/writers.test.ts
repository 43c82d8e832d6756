// Units, campaigns and targets are each written by one data-layer function that checks the
// permission and audits (saveUnits, saveCampaigns / createCampaign, saveTargetValues /
// saveTargets), which the admin pages, the imports and `npm run import` all call; the import
// only checks its rows. Set-based, so that the official list (11,366 units) is one import.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { saveCampaigns, saveTargetValues } from "@/lib/data/targets-admin";
import { saveUnits } from "@/lib/data/units-admin";
import { OFFICIAL_UNITS_FILE } from "@/lib/db/seed/official-units";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const ROOT = path.resolve(import.meta.dirname, "../..");
const WRITERS = new Set(["lib/data/units-admin.ts", "lib/data/targets-admin.ts", "lib/data/reorganisation.ts"]);

describe("the writers of units, campaigns and targets", () => {
  beforeEach(async () => {
    await smallTree(await resetDatabase());
  });

  it("are the only data-layer code that writes those tables", () => {
    const writes = /\.(unit|campaign|target)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(|INSERT INTO (unit|campaign|target)\b|UPDATE (unit|campaign|target)\b/;
    const offenders = readdirSync(path.join(ROOT, "lib/data"))
      .map((name) => `lib/data/${name}`)
      .filter((file) => file.endsWith(".ts") && !WRITERS.has(file))
      .filter((file) => writes.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("import the official list of 11,366 units in one go, each audited; again, nothing changes; renamed, each is updated", async () => {
    await resetDatabase();
    const text = readFileSync(OFFICIAL_UNITS_FILE, "utf8");
    const db = testDb();
    const before = await db.unit.count();
    const audits = () => db.auditEvent.groupBy({ by: ["action"], where: { entity: "unit" }, _count: { _all: true }, orderBy: { action: "asc" } });

    const first = await importCsv(ADMIN, "units", text);
    expect(first).toMatchObject({ ok: true, rows: 11_366, written: 11_366 });
    expect(await db.unit.count()).toBe(before + 11_366);
    expect(await audits()).toEqual([{ action: "unit.create", _count: { _all: 11_366 } }]);
    expect(await db.unit.findFirstOrThrow({ where: { code: "20728" }, select: { path: true, level: true, searchName: true } }))
      .toEqual({ path: "49/511/20728/", level: 3, searchName: expect.stringMatching(/^xa /) });

    expect(await importCsv(ADMIN, "units", text)).toMatchObject({ ok: true });
    expect(await audits()).toEqual([{ action: "unit.create", _count: { _all: 11_366 } }]);

    const renamed = text.replace(/^(49,)Tỉnh Quảng Nam,/m, "$1Tỉnh Quảng Nam (cũ),").replace(/^(517,)Huyện Núi Thành,/m, "$1Huyện Núi Thành (cũ),");
    expect(await importCsv(ADMIN, "units", renamed)).toMatchObject({ ok: true });
    expect(await audits()).toEqual([{ action: "unit.create", _count: { _all: 11_366 } }, { action: "unit.update", _count: { _all: 2 } }]);
    expect(await db.unit.findFirstOrThrow({ where: { code: "517" }, select: { name: true, searchName: true } })).toEqual({ name: "Huyện Núi Thành (cũ)", searchName: "huyen nui thanh (cu)" });
  });

  it("refuse anyone but administrators, writing nothing", async () => {
    const province = { id: 5, username: "tinh", role: "province" as const, unitPath: "90/" };
    const db = testDb();
    const count = async () => [await db.unit.count(), await db.campaign.count(), await db.target.count(), await db.auditEvent.count()];
    const before = await count();
    await expect(saveUnits(province, [{ code: "90199", name: "Xã Mới", type: "Xã", level: 3, parentCode: "901" }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveCampaigns(province, [{ code: "dot-9", name: "Đợt", startDate: "2024-01-01", endDate: "2024-06-30" }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveTargetValues(province, [{ campaign: "dot-9", unitCode: "901", metric: "activated", dueDate: "2024-06-30", value: 5 }])).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await count()).toEqual(before);
  });

  it("write targets of many milestones at once, all or nothing", async () => {
    await saveCampaigns(ADMIN, [{ code: "dot-9", name: "Đợt", startDate: "2024-01-01", endDate: "2024-06-30" }]);
    const db = testDb();
    const targets = ["2024-03-31", "2024-06-30"].flatMap((dueDate) => ["90", "901", "902"].map((unitCode, i) => ({ campaign: "dot-9", unitCode, metric: "activated", dueDate, value: 100 * (i + 1) })));
    expect(await saveTargetValues(ADMIN, targets)).toBe(6);
    // one unknown unit: nothing of the rest is written
    await expect(saveTargetValues(ADMIN, [{ ...targets[0], value: 7 }, { ...targets[1], unitCode: "99999" }])).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await db.target.findMany({ select: { value: true }, orderBy: [{ dueDate: "asc" }, { value: "asc" }] })).toEqual([100, 200, 300, 100, 200, 300].map((value) => ({ value })));
    // a change, a removal and an unchanged value: two changes, each audited
    expect(await saveTargetValues(ADMIN, [{ ...targets[0], value: 150 }, { ...targets[1], value: null }, targets[2]])).toBe(2);
    expect((await db.auditEvent.findMany({ where: { entity: "target" }, select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action))
      .toEqual([...Array(6).fill("target.create"), "target.update", "target.delete"]);
  });
});
