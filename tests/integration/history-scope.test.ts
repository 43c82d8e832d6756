// A unit's past is its users' to read (issue 20): an account on a unit that came from other
// units through a reorganisation reads those units' history (the official of the new
// Thành phố Đà Nẵng reads Quảng Nam's 2023 districts), writes none of it, and reads nothing
// else. A view of the unit dated before it started names the units it came from. The fixture:
// two-trees.ts (province 90, whose commune 90101 took the old 90101 and 90102 whole) plus a
// province 70 new on 01/07/2025 that took the old province 80 whole.
import { beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/permissions";
import { getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { getProgress } from "@/lib/data/progress";
import { getRankings } from "@/lib/data/rankings";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { listUnits } from "@/lib/data/units";
import { listAuditEvents, listFigureHistory } from "@/lib/data/audit-log";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { historyPathsOf } from "@/lib/data/unit-history";
import { getCriticismRule } from "@/lib/data/criticism-rule";
import { writeAudit } from "@/lib/data/audit";
import { dayToDate } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";
import { createCampaign } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { CHANGE_DAY, twoTrees, type TwoTrees } from "./two-trees";
import { refusal } from "../support/refusal";

let units: TwoTrees;
const BEFORE = "2024-06-01";
const AFTER = "2025-07-10";

/** Province 80 (2023 shape: district 801, commune 80101) ended on 30/06/2025, whole into the new province 70 (commune 70001). */
async function mergedProvince(): Promise<void> {
  const db = testDb();
  const change = dayToDate(CHANGE_DAY);
  const add = async (key: string, code: string, name: string, kind: string, parentKey: string | null, life: { validFrom?: Date; dissolvedOn?: Date }) => {
    const parent = parentKey ? units.get(parentKey)! : null;
    const path = `${parent?.path ?? ""}${code}/`;
    const created = await db.unit.create({
      data: { code, name, searchName: searchKey(name), type: name.split(" ")[0], kind, level: path.split("/").length - 1, parentId: parent?.id ?? null, path, validFrom: life.validFrom ?? null, dissolvedOn: life.dissolvedOn ?? null },
      select: { id: true },
    });
    units.set(key, { id: created.id, path });
  };
  await add("80", "80", "Tỉnh Cũ Thử", "province", null, { dissolvedOn: change });
  await add("801", "801", "Huyện Cũ Thử", "district", "80", { dissolvedOn: change });
  await add("80101", "80101", "Xã Cũ Thử", "commune", "801", { dissolvedOn: change });
  await add("70", "70", "Tỉnh Mới Thử", "province", null, { validFrom: change });
  await add("70001", "70001", "Phường Mới Thử", "commune", "70", { validFrom: change });
  await db.unitSuccession.createMany({
    data: [
      { predecessorId: units.get("80")!.id, successorId: units.get("70")!.id, part: "full" },
      { predecessorId: units.get("80101")!.id, successorId: units.get("70001")!.id, part: "full" },
    ],
  });
}

async function user(username: string, role: Role, unitKey: string): Promise<SessionUserDTO> {
  const created = await testDb().user.create({ data: { username, displayName: username, role, unitId: units.get(unitKey)!.id, passwordHash: "x" } });
  return (await getSessionUser(created.id, created.sessionVersion))!;
}

const activatedOn = (actor: SessionUserDTO, unitCode: string, asOf: string) => getProgress(actor, { unitCode, metricCode: "activated", asOf });

describe("a unit's past is its users' to read", () => {
  beforeEach(async () => {
    units = await twoTrees(await resetDatabase());
    await mergedProvince();
    await createCampaign(testDb(), "dot-1", "2024-01-01", "2026-12-31");
  });

  it("a session's actor carries the paths of the units its unit came from, transitively, and none for a unit that only continued", async () => {
    expect((await user("moi", "province", "70")).historyPaths).toEqual(["80/"]);
    expect((await user("phuong", "commune", "90101@new")).historyPaths).toEqual(["90/901/90101/", "90/901/90102/"]);
    expect((await user("tinh", "province", "90")).historyPaths).toEqual([]);
    // transitively: a unit that 70 later went into inherits 80 through it
    const later = await testDb().unit.create({ data: { code: "60", name: "Tỉnh Sau Thử", searchName: "tinh sau thu", type: "Tỉnh", kind: "province", level: 1, path: "60/", validFrom: dayToDate("2026-01-01") }, select: { id: true } });
    await testDb().unitSuccession.create({ data: { predecessorId: units.get("70")!.id, successorId: later.id, part: "full" } });
    expect(await historyPathsOf(later.id)).toEqual(["70/", "80/"]);
    expect(await historyPathsOf(null)).toEqual([]);
  });

  it("the new province's official reads the old province's units on the old days, and no other province", async () => {
    const moi = await user("moi", "province", "70");
    expect((await activatedOn(moi, "80", BEFORE)).unit).toBe("80");
    expect((await activatedOn(moi, "80101", BEFORE)).unit).toBe("80101");
    expect((await getRankings(moi, { parentCode: "80", metricCode: "activated", asOf: BEFORE })).rows.map((r) => r.code)).toEqual(["801"]);
    // the roots of their scope: the old province before the change, their own after it
    expect((await listUnits(moi, null, BEFORE)).map((u) => u.code)).toEqual(["80"]);
    expect((await listUnits(moi, null, AFTER)).map((u) => u.code)).toEqual(["70"]);
    // another province's past is not theirs
    expect((await refusal(activatedOn(moi, "90", BEFORE)))?.code).toBe("FORBIDDEN");
    expect((await refusal(activatedOn(moi, "901", BEFORE)))?.code).toBe("FORBIDDEN");
    // and the old province's own official reads nothing of the new one's
    const cu = await user("cu", "province", "80");
    expect(cu.historyPaths).toEqual([]);
    // an ended unit without figures: its views open on its last day, and a code given without
    // a day (a settings page's unit) is read on it
    expect(cu.homeDay).toBe("2025-06-30");
    expect((await getCriticismRule(cu, "80")).unit.code).toBe("80");
    expect(await listFigureHistory(cu, "80101")).toEqual([]);
    expect(moi.homeDay).toBeNull();
    expect((await refusal(getCriticismRule(moi, "80")))?.code).toBe("NOT_FOUND");
    expect((await refusal(activatedOn(cu, "70", AFTER)))?.code).toBe("FORBIDDEN");
  });

  it("a view of the new unit before it started names the units it came from; the old unit's frame names what it went into", async () => {
    const moi = await user("moi", "province", "70");
    expect(await refusal(activatedOn(moi, "70", BEFORE))).toEqual({
      code: "NOT_FOUND",
      message: "Mã 70 chưa là đơn vị nào vào ngày 01/06/2024: Tỉnh Mới Thử bắt đầu từ ngày 01/07/2025, hình thành từ Tỉnh Cũ Thử (80).",
    });
    const frame = await getUnitFrame(moi, "80", { asOf: BEFORE });
    expect(frame.structure).toEqual({ before: CHANGE_DAY });
    expect(frame.successors).toEqual([{ code: "70", name: "Tỉnh Mới Thử", part: "full", viewable: true }]);
    // a unit that continues through the change names no successor
    expect((await getUnitFrame(await user("tinh", "province", "90"), "90", { asOf: BEFORE })).successors).toEqual([]);
  });

  it("a commune officer of a new ward reads the communes it came from and their district, not their sibling, and writes none of them", async () => {
    const phuong = await user("phuong", "commune", "90101@new");
    expect((await activatedOn(phuong, "90102", BEFORE)).unit).toBe("90102");
    expect((await getUnitFrame(phuong, "90101", { asOf: BEFORE })).name).toBe("Xã Một Cũ");
    expect((await getRankings(phuong, { parentCode: "901", metricCode: "activated", asOf: BEFORE })).rows.map((r) => r.code).sort()).toEqual(["90101", "90102", "90103"]);
    // Xã Ba Cũ went elsewhere: its own page is not theirs
    expect((await refusal(activatedOn(phuong, "90103", BEFORE)))?.code).toBe("FORBIDDEN");
    // reading the past is not writing it
    const saved = await saveDailyFigures(phuong, [{ ref: 0, date: BEFORE, unitCode: "90102", metric: "activated", value: 5, kind: "daily" }], { now: new Date(`${BEFORE}T05:00:00Z`) });
    expect(saved.ok ? [] : saved.issues.map((i) => i.message)).toEqual(["Đơn vị 90102 nằm ngoài phạm vi của bạn."]);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("the audit log of the new province's official holds the old province's events", async () => {
    const moi = await user("moi", "province", "70");
    await writeAudit(testDb(), { userId: null, action: "unit.rename", entity: "unit", entityKey: "80101", unitId: units.get("80101")!.id, newValue: { name: "Xã Cũ Thử" } });
    await writeAudit(testDb(), { userId: null, action: "unit.rename", entity: "unit", entityKey: "90103", unitId: units.get("90103")!.id, newValue: { name: "Xã Ba Cũ" } });
    expect((await listAuditEvents(moi, { page: 1 })).events.map((e) => e.entityKey)).toEqual(["80101"]);
  });
});
