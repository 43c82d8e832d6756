import { spawnSync } from "node:child_process";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/auth/permissions";
import { changeOwnPassword } from "@/lib/data/account";
import { issueApiToken, listApiTokens, revokeApiToken, userForApiToken } from "@/lib/data/api-tokens";
import { resetPassword, setUserActive } from "@/lib/data/users";
import { ADMIN, smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { addUser as addUserTo } from "../support/users";

// POST /api/v1/daily answers in the request's language: its cookie (none here), else the
// session's (none: the API is called with a token); outside a request Next's own cookies() throws.
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

let district: Actor & { id: number };
let other: Actor & { id: number };
let admin: Actor & { id: number };

const addUser = (username: string, role: Actor["role"], unitCode: string | null) => addUserTo(testDb(), username, role, unitCode);

const post = (token: string, unitCode = "90101") => POST(new Request("http://test/api/v1/daily", {
  method: "POST",
  headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  body: JSON.stringify({ rows: [{ date: "2023-06-01", unitCode, metric: "accounts", value: 5 }] }),
}));

describe("API tokens", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    admin = await addUser("admin", "admin", null);
    district = await addUser("bac", "district", "901");
    other = await addUser("nam", "district", "902");
  });

  it("is shown once, stored hashed, carries its user's role and scope, and records its last use", async () => {
    const { token, dto } = await issueApiToken(district, { name: "phần mềm huyện" });
    expect(token).toMatch(/^vneid_/);
    const stored = await testDb().apiToken.findUniqueOrThrow({ where: { id: dto.id } });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await listApiTokens(district))[0]).toMatchObject({ name: "phần mềm huyện", lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(await listApiTokens(district))).not.toContain(token);
    expect((await post(token)).status).toBe(200); // own district
    expect((await post(token, "90201")).status).toBe(403); // another district: the user's scope applies
    expect((await listApiTokens(district))[0].lastUsedAt).not.toBeNull();
  });

  it("a revoked token gets 401, and so does the token of a deactivated user", async () => {
    const { token, dto } = await issueApiToken(district, { name: "t" });
    await revokeApiToken(district, dto.id);
    const response = await post(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { message: "Chưa xác thực.", fieldErrors: {} } });
    expect((await post("vneid_not-a-real-token")).status).toBe(401);
    const second = await issueApiToken(admin, { name: "t2", username: "bac" });
    expect((await post(second.token)).status).toBe(200);
    await setUserActive(admin, district.id, false);
    expect((await post(second.token)).status).toBe(401);
    expect(await testDb().figure.count()).toBe(1);
    expect((await testDb().auditEvent.findMany({ where: { entity: "api_token" }, select: { action: true } })).map((e) => e.action).sort())
      .toEqual(["token.create", "token.create", "token.revoke", "token.revoke"]); // the second revoked by the deactivation
  });

  it("users manage their own tokens; administrators anyone's", async () => {
    const own = await issueApiToken(other, { name: "nam" });
    await expect(issueApiToken(district, { name: "x", username: "nam" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listApiTokens(district, "nam")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeApiToken(district, own.dto.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: own.dto.id } })).revokedAt).toBeNull();
    expect(await listApiTokens(admin, "nam")).toHaveLength(1);
    await revokeApiToken(admin, own.dto.id);
    expect((await post(own.token, "90201")).status).toBe(401);
    // the command line acts as the operator
    expect((await issueApiToken(ADMIN, { name: "cli", username: "nam" })).dto.username).toBe("nam");
  });
});

// A token must not outlive the recovery of its account (the pen-test: tokens kept working
// after each of these events, and never expired).
describe("API tokens and account recovery", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    admin = await addUser("admin", "admin", null);
    district = await addUser("bac", "district", "901");
  });

  const revocations = () => testDb().auditEvent.findMany({ where: { action: "token.revoke" }, select: { userId: true, newValue: true }, orderBy: { id: "asc" } });

  it("revokes the user's tokens when they change their password, audited and shown in their list", async () => {
    await testDb().user.update({ where: { id: district.id }, data: { passwordHash: await hashPassword("mat-khau-cu-123") } });
    const { token } = await issueApiToken(district, { name: "t" });
    expect((await post(token)).status).toBe(200);
    await changeOwnPassword(district, { currentPassword: "mat-khau-cu-123", newPassword: "mat-khau-moi-456" });
    expect((await post(token)).status).toBe(401);
    expect(await revocations()).toEqual([{ userId: district.id, newValue: { revokedBecause: "password_change" } }]);
    expect((await listApiTokens(district))[0]).toMatchObject({ revokeReason: "password_change", revokedAt: expect.any(String) });
  });

  it("revokes them when an administrator resets the password", async () => {
    const { token } = await issueApiToken(district, { name: "t" });
    await resetPassword(admin, district.id);
    expect((await post(token)).status).toBe(401);
    expect(await revocations()).toEqual([{ userId: admin.id, newValue: { revokedBecause: "password_reset" } }]);
  });

  it("revokes them at deactivation, so reactivating brings none back", async () => {
    const { token } = await issueApiToken(district, { name: "t" });
    await setUserActive(admin, district.id, false);
    await setUserActive(admin, district.id, true);
    expect((await post(token)).status).toBe(401);
    expect(await revocations()).toEqual([{ userId: admin.id, newValue: { revokedBecause: "deactivation" } }]);
    // a token issued after reactivation works
    expect((await post((await issueApiToken(district, { name: "t2" })).token)).status).toBe(200);
  });

  it("expires tokens: 90 days by default, or the lifetime chosen at issue, shown in the list", async () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const standard = await issueApiToken(district, { name: "chuẩn" }, now);
    const short = await issueApiToken(district, { name: "ngắn", lifetimeDays: 30 }, now);
    expect(standard.dto.expiresAt).toBe("2027-03-01T00:00:00.000Z");
    expect(short.dto.expiresAt).toBe("2026-12-31T00:00:00.000Z");
    expect((await listApiTokens(district)).map((t) => t.expiresAt).sort()).toEqual(["2026-12-31T00:00:00.000Z", "2027-03-01T00:00:00.000Z"]);
    const day = (d: number) => new Date(now.getTime() + d * 86_400_000);
    expect(await userForApiToken(short.token, day(29))).not.toBeNull();
    expect(await userForApiToken(short.token, day(30))).toBeNull();
    expect(await userForApiToken(standard.token, day(89))).not.toBeNull();
    expect(await userForApiToken(standard.token, day(90))).toBeNull();
    await expect(issueApiToken(district, { name: "dài", lifetimeDays: 366 })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("npm run user -- reset-password: new password from standard input, to be changed at next sign-in; sessions ended, tokens revoked, audited", async () => {
    const { token } = await issueApiToken(district, { name: "t" });
    const before = await testDb().user.findUniqueOrThrow({ where: { id: district.id }, select: { sessionVersion: true } });
    const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/user.ts", "reset-password", "--username", "bac"], {
      encoding: "utf8", input: "mat-khau-tam-thoi-789\n", env: { ...process.env, DATABASE_URL: databaseUrl() },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const after = await testDb().user.findUniqueOrThrow({ where: { id: district.id }, select: { sessionVersion: true, mustChangePassword: true, passwordHash: true } });
    expect(after).toMatchObject({ sessionVersion: before.sessionVersion + 1, mustChangePassword: true });
    expect(await verifyPassword(after.passwordHash, "mat-khau-tam-thoi-789")).toBe(true);
    expect((await post(token)).status).toBe(401);
    expect(await testDb().auditEvent.findFirst({ where: { action: "user.password_reset", entityKey: "bac" }, select: { userId: true, reason: true } }))
      .toEqual({ userId: null, reason: "npm run user -- reset-password" });
    expect(await revocations()).toEqual([{ userId: null, newValue: { revokedBecause: "password_reset" } }]);
    // a short password or an unknown user is refused, saying why
    const short = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/user.ts", "reset-password", "--username", "bac"], {
      encoding: "utf8", input: "ngan\n", env: { ...process.env, DATABASE_URL: databaseUrl() },
    });
    expect(short.status).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters/);
  });
});
