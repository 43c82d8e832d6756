import { beforeEach, describe, expect, it, vi } from "vitest";
import { signOutAction } from "@/app/session/actions";
import { hashPassword } from "@/lib/auth/password";
import { sessionCookie } from "@/lib/auth/session-cookie";
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
  const unit = await db.unit.findUniqueOrThrow({ where: { code: "901" } });
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
});
