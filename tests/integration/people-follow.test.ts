// People follow the 2025 reorganisation (issue 20): administrators see the accounts attached
// to units that have ended and move them in one step to the one full successor (audited
// `user.move`); until moved, such an account reads its old unit's history and enters nothing.
// Data-entry police may be attached to a two-tier province, commune police to a commune of
// either tree.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as postDaily } from "@/app/api/v1/daily/route";
import type { Actor, Role } from "@/lib/auth/permissions";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { getProgress } from "@/lib/data/progress";
import { createUser, listAccountsOnEndedUnits, moveUserToSuccessor, updateUser } from "@/lib/data/users";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { createCampaign } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { twoTrees, type TwoTrees } from "./two-trees";
import { addApiToken } from "../support/users";
import { refusal } from "../support/refusal";

let units: TwoTrees;
let admin: Actor & { id: number };

async function account(username: string, role: Role, unitKey: string | null): Promise<Actor & { id: number }> {
  const unit = unitKey ? units.get(unitKey)! : null;
  const user = await testDb().user.create({ data: { username, displayName: username, role, unitId: unit?.id ?? null, passwordHash: "x" } });
  return { id: user.id, username, role, unitPath: unit?.path ?? null };
}

describe("people follow the reorganisation", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    units = await twoTrees(db);
    admin = await account("admin", "admin", null);
  });

  it("lists the accounts on ended units with their successors, and the move only where one full successor took the unit", async () => {
    await account("mot", "commune", "90101@old");
    await account("hai", "commune", "90102");
    await account("ba", "commune", "90103");
    await account("huyen", "district", "901");
    await account("moi", "commune", "90101@new");
    const list = await listAccountsOnEndedUnits(admin);
    expect(list.map((a) => [a.username, a.unit.code, a.unit.lastDay, a.moveTo?.code ?? null])).toEqual([
      ["ba", "90103", "2025-06-30", null],
      ["hai", "90102", "2025-06-30", "90101"],
      ["huyen", "901", "2025-06-30", null],
      ["mot", "90101", "2025-06-30", "90101"],
    ]);
    expect(list.find((a) => a.username === "ba")!.successors).toEqual([
      { code: "90104", name: "Xã Bốn Mới", part: "partial" },
      { code: "90105", name: "Xã Năm Mới", part: "partial" },
    ]);
    expect((await refusal(listAccountsOnEndedUnits(await account("tinh", "province", "90"))))?.code).toBe("FORBIDDEN");
  });

  it("moves an account to the one full successor, audited user.move", async () => {
    const hai = await account("hai", "commune", "90102");
    expect(await moveUserToSuccessor(admin, hai.id)).toEqual({ username: "hai", unitCode: "90101", unitName: "Phường Một Mới" });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: hai.id } })).unitId).toBe(units.get("90101@new")!.id);
    expect(await testDb().auditEvent.findFirst({ where: { action: "user.move" }, select: { userId: true, entityKey: true, unitId: true, oldValue: true, newValue: true } }))
      .toEqual({ userId: admin.id, entityKey: "hai", unitId: units.get("90101@new")!.id, oldValue: { unit: "90102", lastDay: "2025-06-30" }, newValue: { unit: "90101" } });
    expect((await listAccountsOnEndedUnits(admin)).map((a) => a.username)).toEqual([]);
  });

  it("refuses the move without exactly one full successor, or when the unit has not ended, and changes nothing", async () => {
    const ba = await account("ba", "commune", "90103");
    const huyen = await account("huyen", "district", "901");
    const moi = await account("moi", "commune", "90101@new");
    expect(await refusal(moveUserToSuccessor(admin, ba.id))).toEqual({
      code: "CONFLICT", message: "Xã Ba Cũ (90103) đã kết thúc ngày 30/06/2025 nhưng không có đúng một đơn vị kế tiếp nhận toàn bộ: chọn đơn vị mới ở trang người dùng.",
    });
    expect(await refusal(moveUserToSuccessor(admin, huyen.id))).toEqual({
      code: "CONFLICT", message: "Huyện Cũ (901) đã kết thúc ngày 30/06/2025 và không có đơn vị kế tiếp: chọn đơn vị mới ở trang người dùng.",
    });
    expect(await refusal(moveUserToSuccessor(admin, moi.id))).toEqual({ code: "CONFLICT", message: "Đơn vị của moi chưa kết thúc: không có gì để chuyển." });
    expect((await refusal(moveUserToSuccessor(moi, ba.id)))?.code).toBe("FORBIDDEN");
    expect(await testDb().auditEvent.count({ where: { action: "user.move" } })).toBe(0);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: ba.id } })).unitId).toBe(units.get("90103")!.id);
  });

  it("refuses the move, and offers none, when the one full successor has itself ended by today", async () => {
    const hai = await account("hai", "commune", "90102");
    // Phường Một Mới dissolved on 01/03/2026 (its last day 28/02/2026), before the tests' today
    await testDb().unit.update({ where: { id: units.get("90101@new")!.id }, data: { dissolvedOn: new Date("2026-03-01T00:00:00Z") } });
    expect((await listAccountsOnEndedUnits(admin)).find((a) => a.username === "hai")).toMatchObject({ unit: { code: "90102" }, moveTo: null });
    expect(await refusal(moveUserToSuccessor(admin, hai.id))).toEqual({
      code: "CONFLICT", message: "Xã Hai Cũ (90102) đã kết thúc ngày 30/06/2025; đơn vị kế tiếp của nó, Phường Một Mới (90101), cũng đã kết thúc ngày 28/02/2026: chọn đơn vị mới ở trang người dùng.",
    });
    expect((await testDb().user.findUniqueOrThrow({ where: { id: hai.id } })).unitId).toBe(units.get("90102")!.id);
    expect(await testDb().auditEvent.count({ where: { action: "user.move" } })).toBe(0);
  });

  it("an account on an ended commune reads its history but saves nothing after the end, in the grid or the API", async () => {
    const campaign = await createCampaign(testDb(), "dot-1", "2025-01-01", "2025-12-31");
    expect(campaign.code).toBe("dot-1");
    const hai = await account("hai", "commune", "90102");
    // before the end it entered figures
    expect(await saveDailyFigures(hai, [{ ref: 0, date: "2025-06-20", unitCode: "90102", metric: "activated", value: 12, kind: "daily" }], { now: new Date("2025-06-20T05:00:00Z") })).toMatchObject({ ok: true });
    // its history stays readable
    expect((await getProgress(hai, { unitCode: "90102", metricCode: "activated", asOf: "2025-06-30" })).actual).toBe(12);
    expect((await getDailyGrid(hai, "2025-06-20")).rows.map((r) => [r.unitCode, r.cells.find((c) => c.metric === "activated")?.value])).toEqual([["90102", 12]]);
    // from the end on the grid refuses, naming the end
    expect(await refusal(getDailyGrid(hai, "2026-01-05"))).toEqual({
      code: "FORBIDDEN",
      message: "Đơn vị của tài khoản, Xã Hai Cũ (90102), đã kết thúc ngày 30/06/2025: không nhập được số liệu nữa. Vẫn xem được lịch sử số liệu; hãy đề nghị quản trị viên chuyển tài khoản sang đơn vị kế tiếp.",
    });
    // and POST /api/v1/daily refuses a figure after the end, naming the end; nothing is stored
    const token = await addApiToken(testDb(), hai.id);
    const response = await postDaily(new Request("http://test/api/v1/daily", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ rows: [{ date: "2025-07-02", unitCode: "90102", metric: "activated", value: 5 }] }),
    }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(body.error.fieldErrors["rows.0"].join(" ")).toContain("01/07/2025");
    expect(await testDb().figure.count({ where: { unitId: units.get("90102")!.id } })).toBe(1);
  });

  it("attaches data-entry police to a two-tier province and commune police to a commune of either tree", async () => {
    const created = await createUser(admin, { username: "tinh-nhap", displayName: "Công an tỉnh", role: "district", unitCode: "90", password: "initial-password-1" });
    expect(created).toMatchObject({ role: "district", unitCode: "90" });
    const xa = await createUser(admin, { username: "xa-moi", displayName: "Công an phường", role: "commune", unitCode: "90104", password: "initial-password-1" });
    expect(xa.unitCode).toBe("90104");
    // a unit without units below it today cannot take data-entry police; a province is no commune
    expect(await refusal(updateUser(admin, { userId: xa.id, displayName: "x", role: "district", unitCode: "90104" }))).toEqual({
      code: "INVALID_INPUT", message: "Công an huyện phải gắn với một đơn vị có đơn vị trực thuộc (cấp huyện, hoặc cấp tỉnh khi không còn cấp huyện).",
    });
    expect((await refusal(updateUser(admin, { userId: xa.id, displayName: "x", role: "commune", unitCode: "90" })))?.code).toBe("INVALID_INPUT");
  });
});
