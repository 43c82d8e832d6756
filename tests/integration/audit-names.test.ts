// getAuditNames names only what its actor may read: units inside their readable scope, users of
// those units and the actor themselves (an administrator: everything); anything else stays a
// code. The audit log and a cell's history call it with the signed-in user.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { getAuditNames } from "@/lib/data/audit-log";
import { ADMIN, createUnits, smallTree } from "./fixtures";
import { resetDatabase } from "./helpers";

const district: Actor = { id: 0, username: "bac", role: "district", unitPath: "" };
const province: Actor = { id: 0, username: "tinh", role: "province", unitPath: "" };
const commune: Actor = { id: 0, username: "mot", role: "commune", unitPath: "" };
const CODES = ["90", "901", "902", "90101", "90201", "80", "801", "activated", "bac", "tinh", "mot", "khac", "quantri"];

describe("the names of an audit event's codes", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    const units = await smallTree(db);
    const other = await createUnits(db, [["80", "Tỉnh Khác", null], ["801", "Huyện Khác", "80"]]);
    const user = async (username: string, displayName: string, role: Actor["role"], unit: { id: number; path: string } | null, actor?: Actor) => {
      const created = await db.user.create({ data: { username, displayName, role, unitId: unit?.id ?? null, passwordHash: "x" } });
      if (actor) Object.assign(actor, { id: created.id, unitPath: unit!.path });
    };
    await user("bac", "Công an huyện Bắc", "district", units.get("901")!, district);
    await user("tinh", "Công an tỉnh", "province", units.get("90")!, province);
    await user("mot", "Công an xã Một", "commune", units.get("90101")!, commune);
    await user("khac", "Công an huyện Khác", "district", other.get("801")!);
    await user("quantri", "Quản trị", "admin", null);
  });

  it("an administrator gets every unit's and user's name", async () => {
    const names = await getAuditNames(ADMIN, CODES, "vi");
    expect(names.units).toEqual({ "90": "Tỉnh Thử Nghiệm", "901": "Huyện Bắc", "902": "Huyện Nam", "90101": "Xã Một", "90201": "Xã Ba", "80": "Tỉnh Khác", "801": "Huyện Khác" });
    expect(Object.keys(names.users).sort()).toEqual(["bac", "khac", "mot", "quantri", "tinh"]);
    expect(names.metrics.activated).toBeTruthy();
  });

  it("a district officer gets no name for another province's unit, nor for units or users outside their district", async () => {
    const names = await getAuditNames(district, CODES, "vi");
    expect(names.units).toEqual({ "901": "Huyện Bắc", "90101": "Xã Một" });
    expect(names.users).toEqual({ bac: "Công an huyện Bắc", mot: "Công an xã Một" });
    // metrics are not anyone's: named for everyone, in the reader's language
    expect(names.metrics.activated).toBeTruthy();
    expect((await getAuditNames(district, ["80", "801"], "en")).units).toEqual({});
  });

  it("a provincial official gets their province's units and users, not another province's", async () => {
    const names = await getAuditNames(province, CODES, "vi");
    expect(names.units).toEqual({ "90": "Tỉnh Thử Nghiệm", "901": "Huyện Bắc", "902": "Huyện Nam", "90101": "Xã Một", "90201": "Xã Ba" });
    expect(Object.keys(names.users).sort()).toEqual(["bac", "mot", "tinh"]);
  });

  it("a commune officer reads their district (its rankings) and is named themselves", async () => {
    const names = await getAuditNames(commune, CODES, "vi");
    expect(names.units).toEqual({ "901": "Huyện Bắc", "90101": "Xã Một" });
    expect(names.users).toEqual({ bac: "Công an huyện Bắc", mot: "Công an xã Một" });
  });
});
