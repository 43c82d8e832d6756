import { beforeEach, describe, expect, it, vi } from "vitest";
import { signOutAction } from "@/app/session/actions";
import { hashPassword } from "@/lib/auth/password";
import { authorizeCredentials } from "@/lib/auth/options";
import { loginErrorMessage, UNAVAILABLE_ERROR } from "@/lib/auth/login-errors";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { applyTrustedForwarding, parseTrustProxy } from "@/lib/auth/trusted-proxy.mjs";
import { MESSAGES } from "@/lib/i18n/messages";
import { changeOwnPassword } from "@/lib/data/account";
import { endSessions, getSessionUser, signIn } from "@/lib/data/sessions";
import { smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { cookieJar } from "./request-cookies";

// The session cookie's claims as next-auth would read them ({ uid, sv }); the rest is real.
const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);

const PASSWORD = "correct-horse-battery";
const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let delays: number[] = [];
const attempt = (username: string, password: string, address: string, seconds: number) =>
  signIn(username, password, { address, now: at(seconds), sleep: async (ms) => { delays.push(ms); } });

async function createUser(username: string, active = true) {
  const db = testDb();
  const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
  return db.user.create({ data: { username, displayName: username, role: "district", unitId: unit.id, passwordHash: await hashPassword(PASSWORD), active }, select: { id: true, sessionVersion: true } });
}

const audits = (action: string) => testDb().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" }, select: { entityKey: true, newValue: true, userId: true } });

describe("sign-in", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    delays = [];
  });

  it("audits successful and failed sign-ins with the client address", async () => {
    const user = await createUser("bac");
    expect(await attempt("bac", "wrong-password", "10.0.0.1", 0)).toEqual({ ok: false, reason: "invalid" });
    const ok = await attempt(" BAC ", PASSWORD, "10.0.0.1", 1);
    expect(ok.ok).toBe(true);
    expect(await audits("login.failure")).toEqual([{ entityKey: "bac", newValue: { address: "10.0.0.1" }, userId: user.id }]);
    expect(await audits("login.success")).toEqual([{ entityKey: "bac", newValue: { address: "10.0.0.1" }, userId: user.id }]);
  });

  it("slows down, then locks a username, with the lock reported to the caller and audited", async () => {
    await createUser("bac");
    for (let i = 0; i < 4; i++) expect(await attempt("bac", `wrong-${i}`, `10.0.1.${i}`, i)).toEqual({ ok: false, reason: "invalid" });
    expect(delays).toEqual([1000, 2000]); // the 3rd and 4th failures are answered slowly
    const fifth = await attempt("bac", "wrong-5", "10.0.1.9", 5);
    expect(fifth).toEqual({ ok: false, reason: "locked", until: at(5 + 300) });
    // even the right password is refused while the lock lasts, and the refusal is audited
    expect(await attempt("bac", PASSWORD, "10.0.1.10", 60)).toMatchObject({ ok: false, reason: "locked" });
    expect(await audits("login.refused")).toEqual([{ entityKey: "bac", newValue: { address: "10.0.1.10", by: "username", lockedUntil: at(305).toISOString() }, userId: expect.any(Number) }]);
    // after the lock the right password works
    expect((await attempt("bac", PASSWORD, "10.0.1.10", 306)).ok).toBe(true);
  });

  it("does not let an attacker lock out a user from an address they signed in from before", async () => {
    await createUser("bac");
    expect((await attempt("bac", PASSWORD, "192.168.5.5", 0)).ok).toBe(true);
    for (let i = 0; i < 5; i++) await attempt("bac", `wrong-${i}`, `6.6.6.${i}`, 10 + i);
    expect(await attempt("bac", PASSWORD, "6.6.6.200", 20)).toMatchObject({ reason: "locked" });
    expect((await attempt("bac", PASSWORD, "192.168.5.5", 21)).ok).toBe(true);
  });

  it("locks an address that tries many usernames, without locking those usernames elsewhere", async () => {
    await createUser("bac");
    const results = [];
    for (let i = 0; i < 20; i++) results.push(await attempt(`guess${i}`, "wrong", "6.6.6.6", i));
    expect(results.slice(0, 19).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results[19]).toMatchObject({ ok: false, reason: "locked", until: at(19 + 900) });
    // the locked address cannot sign in even with a right password ...
    expect(await attempt("bac", PASSWORD, "6.6.6.6", 30)).toMatchObject({ reason: "locked" });
    // ... but everyone else can
    expect((await attempt("bac", PASSWORD, "10.9.9.9", 31)).ok).toBe(true);
    // unknown usernames are counted like known ones: no way to tell them apart
    expect(await testDb().loginThrottle.count({ where: { key: { startsWith: "user:guess" } } })).toBe(20);
  });

  it("refuses a deactivated user's password, and ends the sessions of a deactivated user at their next request", async () => {
    const user = await createUser("bac");
    expect(await getSessionUser(user.id, user.sessionVersion)).toMatchObject({ username: "bac", role: "district", unitCode: "901", mustChangePassword: false });
    await testDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await attempt("bac", PASSWORD, "10.0.0.1", 0)).toEqual({ ok: false, reason: "invalid" });
  });

  it("ends every session of a user who logs out", async () => {
    const user = await createUser("bac");
    await endSessions(user.id);
    expect(await getSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await getSessionUser(user.id, user.sessionVersion + 1)).not.toBeNull();
  });

  it("logs out from the header's button: every session of the user ends, the cookie is cleared, the login page follows", async () => {
    const user = await createUser("bac");
    const other = await createUser("nam");
    session.current = { uid: user.id, sv: user.sessionVersion };
    cookieJar.set(sessionCookie().name, "a-session-token");
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT;replace;/login;") });
    expect(await getSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(cookieJar.get(sessionCookie().name)).toBe("");
    // nobody else is signed out
    expect(await getSessionUser(other.id, other.sessionVersion)).not.toBeNull();

    // signed out already (an old tab): nothing to end, still the login page
    session.current = null;
    await expect(signOutAction()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT;replace;/login;") });
    expect(await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } })).toEqual({ sessionVersion: user.sessionVersion + 1 });
  });

  // Before: the lock was read before the password and the failure counted after it, so a
  // burst had far more passwords checked than the limit, and counting crashed when another
  // attempt's success deleted the row meanwhile (that attempt neither counted nor audited).
  it("checks no more passwords than the limit in a burst of parallel attempts, and audits every attempt", async () => {
    await createUser("bac");
    const burst = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => attempt("bac", `wrong-${i}`, `10.0.2.${i}`, 1)));
    expect(burst.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await audits("login.failure")).length).toBe(5);
    expect((await audits("login.refused")).length).toBe(35);
    // the right password, after the burst, waits for the lock like everyone else
    expect(await attempt("bac", PASSWORD, "10.0.2.200", 2)).toMatchObject({ ok: false, reason: "locked" });

    // one address guessing many usernames at once: 20 checked, the rest refused
    const spread = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => attempt(`guess${i}`, "wrong", "6.6.6.6", 3)));
    expect(spread.filter((r) => r.status === "rejected")).toEqual([]);
    expect((await audits("login.failure")).filter((a) => (a.newValue as { address: string }).address === "6.6.6.6").length).toBe(20);
    expect((await audits("login.refused")).filter((a) => (a.newValue as { address: string }).address === "6.6.6.6").length).toBe(10);
  });

  it("counts and audits every attempt of a burst in which the real user signs in meanwhile", async () => {
    await createUser("bac");
    expect((await attempt("bac", PASSWORD, "192.168.5.5", 0)).ok).toBe(true);
    const burst = await Promise.allSettled(Array.from({ length: 30 }, (_, i) =>
      i % 3 === 0 ? attempt("bac", PASSWORD, "192.168.5.5", 1) : attempt("bac", `wrong-${i}`, `6.6.7.${i}`, 1)));
    expect(burst.filter((r) => r.status === "rejected")).toEqual([]);
    // the real user, from their own address, is never locked out
    expect(burst.filter((r, i) => i % 3 === 0 && r.status === "fulfilled" && r.value.ok).length).toBe(10);
    const audited = await testDb().auditEvent.count({ where: { entity: "session", entityKey: "bac", action: { startsWith: "login." } } });
    expect(audited).toBe(31);
  });

  // Before: the client's own X-Forwarded-For was trusted, so rotating it never locked anything.
  it("counts a client rotating a forged X-Forwarded-For under its socket's address when no proxy is trusted", async () => {
    await createUser("bac");
    const results = [];
    for (let i = 0; i < 22; i++) {
      const headers: Record<string, string | string[] | undefined> = { "x-forwarded-for": `6.6.${i}.${i}` };
      applyTrustedForwarding(headers, "203.0.113.9", parseTrustProxy(undefined));
      results.push(await authorizeCredentials({ username: `guess${i}`, password: "wrong" }, headers, { sleep: async () => {} }).then(() => "invalid", (e: Error) => e.message));
    }
    expect(results.slice(0, 19)).toEqual(Array(19).fill("invalid"));
    expect(results.slice(19).every((r) => r.startsWith("LOCKED:"))).toBe(true);
    expect(new Set((await audits("login.failure")).map((a) => (a.newValue as { address: string }).address))).toEqual(new Set(["203.0.113.9"]));
  });

  it("answers a sign-in the database could not check with a fixed code the form words, never the error's text", async () => {
    await createUser("bac");
    await testDb().$executeRawUnsafe("ALTER TABLE login_throttle RENAME TO login_throttle_away");
    try {
      const error = await authorizeCredentials({ username: "bac", password: PASSWORD }, { "x-forwarded-for": "10.0.0.1" }).then(() => null, (e: Error) => e);
      expect(error?.message).toBe(UNAVAILABLE_ERROR);
    } finally {
      await testDb().$executeRawUnsafe("ALTER TABLE login_throttle_away RENAME TO login_throttle");
    }
    expect(loginErrorMessage(UNAVAILABLE_ERROR, MESSAGES.vi.auth.loginForm.errors)).toBe(MESSAGES.vi.auth.loginForm.errors.unavailable);
    expect(loginErrorMessage("Cannot read properties of undefined (reading 'failures')", MESSAGES.vi.auth.loginForm.errors)).toBe(MESSAGES.vi.auth.loginForm.errors.invalid);
  });

  // Before: wrong current passwords were neither throttled nor audited, a free password oracle
  // for anyone holding a session.
  it("checks a password change's current password under the sign-in limits, and audits every attempt", async () => {
    const created = await createUser("bac");
    const actor = { id: created.id, username: "bac", role: "district" as const, unitPath: null };
    const change = (current: string, seconds: number, address = "6.6.6.6") =>
      changeOwnPassword(actor, { currentPassword: current, newPassword: "mat-khau-moi-456" }, { address, now: at(seconds), sleep: async (ms) => { delays.push(ms); } })
        .then(() => "changed", (e: { fieldErrors?: Record<string, string[]> }) => e.fieldErrors?.currentPassword?.[0] ?? "other");
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await change(`wrong-${i}`, i));
    expect(answers.slice(0, 4)).toEqual(Array(4).fill("Mật khẩu hiện tại không đúng."));
    expect(answers[4]).toMatch(/quá nhiều lần.*5 phút/);
    expect(delays).toEqual([1000, 2000]);
    // locked: even the right current password is refused, and nothing changes
    expect(await change(PASSWORD, 10)).toMatch(/quá nhiều lần/);
    expect((await attempt("bac", PASSWORD, "10.0.0.99", 11)).ok).toBe(false); // one count with sign-in
    const wrong = await testDb().auditEvent.findMany({ where: { action: "user.password_wrong" }, select: { userId: true, newValue: true } });
    expect(wrong).toHaveLength(5);
    expect(wrong[0]).toEqual({ userId: created.id, newValue: { address: "6.6.6.6" } });
    expect(await testDb().auditEvent.count({ where: { action: "user.password_refused" } })).toBe(1);
    expect(await testDb().auditEvent.count({ where: { action: "user.password_change" } })).toBe(0);

    // after the lock the right password changes it
    expect(await change(PASSWORD, 400)).toBe("changed");
  });

  it("checks no more current passwords than the limit in a burst of parallel password changes", async () => {
    const created = await createUser("bac");
    const actor = { id: created.id, username: "bac", role: "district" as const, unitPath: null };
    const burst = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      changeOwnPassword(actor, { currentPassword: `wrong-${i}`, newPassword: "mat-khau-moi-456" }, { address: "6.6.6.6", now: at(1), sleep: async () => {} })));
    expect(burst.every((r) => r.status === "rejected" && (r.reason as { code?: string }).code === "INVALID_INPUT")).toBe(true);
    expect(await testDb().auditEvent.count({ where: { action: "user.password_wrong" } })).toBe(5);
    expect(await testDb().auditEvent.count({ where: { action: "user.password_refused" } })).toBe(15);
  });
});
