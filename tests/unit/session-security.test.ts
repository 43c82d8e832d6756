import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { authOptions } from "@/lib/auth/options";
import { ABSOLUTE_SECONDS, IDLE_SECONDS, sessionCookie, sessionSecondsLeft } from "@/lib/auth/session-cookie";
import { refreshSessionToken } from "@/lib/auth/session-refresh";
import { MESSAGES } from "@/lib/i18n/messages";
import { contentSecurityPolicy, newNonce } from "@/lib/security/headers";

const SECRET = "unit-test-secret-0123456789abcdef";

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure with the __Secure- prefix only over HTTPS", () => {
    const http = sessionCookie("http://10.0.0.5:3000");
    expect(http.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    expect(http.name).toBe("next-auth.session-token");
    const https = sessionCookie("https://tiendo.congan.gov.vn");
    expect(https.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    expect(https.name).toBe("__Secure-next-auth.session-token");
  });

  afterEach(() => vi.useRealTimers());

  it("slides the expiry of an active session and leaves an expired one expired", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const start = new Date("2026-11-23T08:00:00Z");
    const at = (seconds: number) => {
      vi.setSystemTime(new Date(start.getTime() + seconds * 1000));
      return new Date();
    };
    at(0);
    const issued = await encode({ token: { uid: 7, sv: 3, sat: Math.floor(start.getTime() / 1000) }, secret: SECRET, maxAge: IDLE_SECONDS });
    const claims = (await decode({ token: issued, secret: SECRET }))!;
    // within the first minute nothing is re-issued
    expect(await refreshSessionToken(issued, SECRET, at(30))).toBeNull();
    // later, a new token with the same claims and a later expiry
    const refreshed = await refreshSessionToken(issued, SECRET, at(600));
    expect(refreshed).not.toBeNull();
    const next = (await decode({ token: refreshed!, secret: SECRET }))!;
    expect(next).toMatchObject({ uid: 7, sv: 3 });
    expect(next.exp).toBe((claims.exp as number) + 600);
    // a token signed with another secret is not re-issued
    expect(await refreshSessionToken(issued, "another-secret-0123456789abcdefgh", at(600))).toBeNull();
    // past the idle time the old token is not revived
    expect(await refreshSessionToken(issued, SECRET, at(IDLE_SECONDS + 60))).toBeNull();
  });

  // Before: a session used every few minutes was re-issued forever.
  it("ends a session ABSOLUTE_SECONDS (12 hours) after sign-in, however active", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    expect(ABSOLUTE_SECONDS).toBe(12 * 3600);
    const start = new Date("2026-11-23T08:00:00Z");
    const sat = Math.floor(start.getTime() / 1000);
    vi.setSystemTime(start);
    let token = await encode({ token: { uid: 7, sv: 3, sat }, secret: SECRET, maxAge: IDLE_SECONDS });
    let lastExp = 0;
    // a request every 10 minutes: re-issued each time, never past the 12 hours
    for (let minutes = 10; minutes < 12 * 60; minutes += 10) {
      vi.setSystemTime(new Date(start.getTime() + minutes * 60_000));
      const refreshed = await refreshSessionToken(token, SECRET, new Date());
      expect(refreshed, `at ${minutes} minutes`).not.toBeNull();
      token = refreshed!;
      lastExp = (await decode({ token, secret: SECRET }))!.exp as number;
      expect(lastExp).toBeLessThanOrEqual(sat + ABSOLUTE_SECONDS);
    }
    expect(lastExp).toBe(sat + ABSOLUTE_SECONDS);
    vi.setSystemTime(new Date(start.getTime() + 12 * 3600_000 - 1000));
    expect(sessionSecondsLeft(sat, Math.floor(Date.now() / 1000))).toBe(1);
    expect(sessionSecondsLeft(sat, sat + ABSOLUTE_SECONDS)).toBe(0);
    // a token from before the absolute lifetime existed (no sign-in time) is not re-issued
    const legacy = await encode({ token: { uid: 7, sv: 3 }, secret: SECRET, maxAge: IDLE_SECONDS });
    vi.setSystemTime(new Date(Date.now() + 120_000));
    expect(await refreshSessionToken(legacy, SECRET, new Date())).toBeNull();
  });

  it("names no user in a session past its absolute lifetime (what getServerSession returns)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-23T08:00:00Z"));
    const sessionOf = authOptions.callbacks!.session! as unknown as (p: { session: { expires: string }; token: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    const now = Math.floor(Date.now() / 1000);
    const at = (sat: number | undefined) => sessionOf({ session: { expires: "2099-01-01T00:00:00.000Z" }, token: { uid: 7, sv: 3, ...(sat === undefined ? {} : { sat }) } });
    expect(await at(now - ABSOLUTE_SECONDS + 60)).toMatchObject({ uid: 7, sv: 3 });
    expect(await at(now - ABSOLUTE_SECONDS - 1)).toEqual({ expires: "2099-01-01T00:00:00.000Z" });
    expect(await at(undefined)).toEqual({ expires: "2099-01-01T00:00:00.000Z" });
    // signing in stamps the token with the time
    const jwtOf = authOptions.callbacks!.jwt! as unknown as (p: { token: Record<string, unknown>; user?: Record<string, unknown> }) => Promise<Record<string, unknown>>;
    const stamped = await jwtOf({ token: {}, user: { id: "7", sessionVersion: 3 } });
    expect(stamped).toMatchObject({ uid: 7, sv: 3, sat: now });
  });
});

describe("sign-in messages", () => {
  it("says how long a lock lasts, in Vietnamese", () => {
    const messages = MESSAGES.vi.auth.loginForm.errors;
    expect(loginErrorMessage("LOCKED:5", messages)).toBe("Đăng nhập sai quá nhiều lần. Tạm thời không thể đăng nhập, vui lòng thử lại sau 5 phút.");
    expect(loginErrorMessage("CredentialsSignin", messages)).toBe("Tên đăng nhập hoặc mật khẩu không đúng.");
  });

  it("and in English", () => {
    const messages = MESSAGES.en.auth.loginForm.errors;
    expect(loginErrorMessage("LOCKED:5", messages)).toBe("Too many failed sign-in attempts. Signing in is temporarily blocked; please try again in 5 minutes.");
    expect(loginErrorMessage("LOCKED:1", messages)).toBe("Too many failed sign-in attempts. Signing in is temporarily blocked; please try again in 1 minute.");
    expect(loginErrorMessage("CredentialsSignin", messages)).toBe("Incorrect username or password.");
  });
});

describe("content security policy", () => {
  it("allows scripts only with the request's nonce and forbids framing", () => {
    const nonce = newNonce();
    expect(nonce).not.toBe(newNonce());
    const csp = contentSecurityPolicy(nonce);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy(nonce, { https: true })).toContain("upgrade-insecure-requests");
  });
});
