import { beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { changeOwnPassword } from "@/lib/data/account";
import { getSessionUser, signIn } from "@/lib/data/sessions";
import { createUser, listUsers, resetPassword, setUserActive, updateUser } from "@/lib/data/users";
import { withLocale } from "@/lib/i18n/message";
import { passwordChangeSchema, userCreateSchema } from "@/lib/validation/accounts";
import { smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { addUser as addUserTo } from "../support/users";
import { refusal } from "../support/refusal";

const PASSWORD = "initial-password-1";
let admin: Actor & { id: number };

const addUser = (username: string, role: Actor["role"], unitCode: string | null) => addUserTo(testDb(), username, role, unitCode, { password: PASSWORD });

describe("user administration", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    admin = await addUser("admin", "admin", null);
  });

  it("creates users with a role and a scope that fits the role, audited", async () => {
    const created = await createUser(admin, { username: "bac", displayName: "Công an huyện Bắc", role: "district", unitCode: "901", password: PASSWORD });
    expect(created).toMatchObject({ username: "bac", role: "district", unitCode: "901", active: true });
    expect(await testDb().auditEvent.findFirst({ where: { action: "user.create" }, select: { userId: true, entityKey: true, newValue: true } }))
      .toEqual({ userId: admin.id, entityKey: "bac", newValue: { displayName: "Công an huyện Bắc", role: "district", unit: "901" } });
    // district police belong to a district, commune police to a commune, everyone but admins to a unit
    expect(await refusal(createUser(admin, { username: "xa", displayName: "x", role: "commune", unitCode: "901", password: PASSWORD }))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await refusal(createUser(admin, { username: "tinh", displayName: "x", role: "province", unitCode: null, password: PASSWORD }))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await refusal(createUser(admin, { username: "bac", displayName: "x", role: "district", unitCode: "902", password: PASSWORD }))).toMatchObject({ code: "INVALID_INPUT" });
    expect(await testDb().user.count()).toBe(2);
  });

  it("the last active administrator can be neither deactivated nor demoted", async () => {
    expect(await refusal(setUserActive(admin, admin.id, false))).toEqual({ code: "CONFLICT", message: "Không thể bỏ quyền hoặc khóa quản trị viên cuối cùng đang hoạt động." });
    expect(await refusal(updateUser(admin, { userId: admin.id, displayName: "x", role: "province", unitCode: "90" }))).toMatchObject({ code: "CONFLICT" });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: admin.id }, select: { role: true, active: true } })).toEqual({ role: "admin", active: true });
    // with a second administrator, either may go, but not both, even at the same time
    const second = await addUser("admin2", "admin", null);
    const results = await Promise.allSettled([setUserActive(admin, admin.id, false), setUserActive(admin, second.id, false)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb().user.count({ where: { role: "admin", active: true } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { action: "user.deactivate" } })).toBe(1);
  });

  it("words its refusals in the request's language: English inside withLocale(\"en\")", async () => {
    expect(await withLocale("en", () => refusal(setUserActive(admin, admin.id, false))))
      .toEqual({ code: "CONFLICT", message: "The last active administrator cannot lose the administrator role or be locked." });
    expect(await withLocale("en", () => refusal(createUser(admin, { username: "xa", displayName: "x", role: "commune", unitCode: "901", password: PASSWORD }))))
      .toEqual({ code: "INVALID_INPUT", message: "Commune police must be attached to a commune-level unit." });
    const bac = await addUser("bac", "district", "901");
    await expect(withLocale("en", () => changeOwnPassword(bac, { currentPassword: "not-it-at-all", newPassword: "my-own-password-9" })))
      .rejects.toMatchObject({ fieldErrors: { currentPassword: ["The current password is incorrect."] } });
    // the schemas' messages too, evaluated when the input is parsed
    const weak = { username: "moi", displayName: "", role: "district", unitCode: "901", password: "short" };
    const fieldErrors = (schema: typeof userCreateSchema | typeof passwordChangeSchema, input: unknown) => {
      const parsed = schema.safeParse(input);
      return parsed.success ? null : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
    };
    expect(withLocale("en", () => fieldErrors(userCreateSchema, weak))).toEqual({ displayName: "Enter a display name.", password: "The password must have at least 10 characters." });
    expect(fieldErrors(userCreateSchema, weak)).toEqual({ displayName: "Chưa nhập tên hiển thị.", password: "Mật khẩu phải có ít nhất 10 ký tự." });
    expect(withLocale("en", () => fieldErrors(passwordChangeSchema, { currentPassword: "x", newPassword: "long-enough-1", confirmPassword: "long-enough-2" })))
      .toEqual({ confirmPassword: "The two new passwords do not match." });
  });

  it("deactivating ends the user's sessions at once and keeps them out; reactivating lets them back", async () => {
    const bac = await addUser("bac", "district", "901");
    expect(await getSessionUser(bac.id, bac.sessionVersion)).not.toBeNull();
    await setUserActive(admin, bac.id, false);
    expect(await getSessionUser(bac.id, bac.sessionVersion)).toBeNull();
    expect(await signIn("bac", PASSWORD, { address: "10.0.0.1" })).toEqual({ ok: false, reason: "invalid" });
    await setUserActive(admin, bac.id, true);
    expect((await signIn("bac", PASSWORD, { address: "10.0.0.1" })).ok).toBe(true);
    expect((await testDb().auditEvent.findMany({ where: { entity: "user", entityKey: "bac" }, select: { action: true }, orderBy: { id: "asc" } })).map((e) => e.action)).toEqual(["user.deactivate", "user.activate"]);
  });

  it("a password reset gives a temporary password, ends sessions, and forces a change before anything else", async () => {
    const bac = await addUser("bac", "district", "901");
    const { temporaryPassword } = await resetPassword(admin, bac.id);
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    expect(await getSessionUser(bac.id, bac.sessionVersion)).toBeNull();
    const signedIn = await signIn("bac", temporaryPassword, { address: "10.0.0.1" });
    expect(signedIn.ok).toBe(true);
    const session = await getSessionUser(bac.id, bac.sessionVersion + 1);
    expect(session).toMatchObject({ mustChangePassword: true });
    await expect(changeOwnPassword(session!, { currentPassword: "not-it-at-all", newPassword: "my-own-password-9" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await changeOwnPassword(session!, { currentPassword: temporaryPassword, newPassword: "my-own-password-9" });
    const after = await testDb().user.findUniqueOrThrow({ where: { id: bac.id }, select: { mustChangePassword: true, sessionVersion: true, passwordHash: true } });
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, "my-own-password-9")).toBe(true);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await getSessionUser(bac.id, bac.sessionVersion + 1)).toBeNull(); // signs in again
    expect(await testDb().auditEvent.count({ where: { action: { in: ["user.password_reset", "user.password_change"] } } })).toBe(2);
  });

  it("only administrators administer users; a refused call writes nothing", async () => {
    const province = await addUser("tinh", "province", "90");
    const district = await addUser("bac", "district", "901");
    const before = { users: await testDb().user.count(), audit: await testDb().auditEvent.count() };
    for (const actor of [province, district]) {
      expect(await refusal(listUsers(actor))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(createUser(actor, { username: "moi", displayName: "x", role: "admin", unitCode: null, password: PASSWORD }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(updateUser(actor, { userId: actor.id, displayName: "x", role: "admin", unitCode: null }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(setUserActive(actor, admin.id, false))).toMatchObject({ code: "FORBIDDEN" });
      expect(await refusal(resetPassword(actor, admin.id))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect({ users: await testDb().user.count(), audit: await testDb().auditEvent.count() }).toEqual(before);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: district.id }, select: { role: true } })).toEqual({ role: "district" });
  });

  it("never returns a password hash from a query unless it asks for it by name (global omit)", async () => {
    await addUser("bac", "district", "901");
    const db = testDb();
    const token = await db.apiToken.create({ data: { userId: admin.id, name: "t", tokenHash: "h", prefix: "p" } });
    const reads: unknown[] = [
      await db.user.findMany(),
      await db.user.findUnique({ where: { username: "bac" } }),
      await db.user.findFirst({ include: { unit: true, tokens: true } }),
      await db.apiToken.findUnique({ where: { id: token.id }, include: { user: true } }),
      await db.unit.findFirst({ where: { code: "901" }, include: { users: true } }),
      await db.user.update({ where: { username: "bac" }, data: { displayName: "Bắc" } }),
      await db.user.create({ data: { username: "moi", displayName: "m", role: "commune", passwordHash: await hashPassword(PASSWORD) } }),
      await listUsers(admin),
    ];
    const json = JSON.stringify(reads);
    expect(json).toContain("bac");
    expect(json).not.toMatch(/passwordHash|password_hash|argon2/);
  });
});
