import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import type { Actor } from "@/lib/auth/permissions";
import { issueApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
import { setUserActive } from "@/lib/data/users";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

// POST /api/v1/daily answers in the request's language: its cookie (none here), else the
// session's (none: the API is called with a token); outside a request Next's own cookies() throws.
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

let district: Actor & { id: number };
let other: Actor & { id: number };
let admin: Actor & { id: number };

async function addUser(username: string, role: Actor["role"], unitCode: string | null) {
  const db = testDb();
  const unit = unitCode ? await db.unit.findUniqueOrThrow({ where: { code: unitCode } }) : null;
  const user = await db.user.create({ data: { username, displayName: username, role, unitId: unit?.id ?? null, passwordHash: "x" } });
  return { id: user.id, username, role, unitPath: unit?.path ?? null };
}

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
      .toEqual(["token.create", "token.create", "token.revoke"]);
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
