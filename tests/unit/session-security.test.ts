import { afterEach, describe, expect, it, vi } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { IDLE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";
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
    const issued = await encode({ token: { uid: 7, sv: 3 }, secret: SECRET, maxAge: IDLE_SECONDS });
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
