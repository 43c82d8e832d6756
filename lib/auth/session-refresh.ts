// Sliding expiry for the session cookie: next-auth issues a JWT valid for IDLE_SECONDS;
// proxy.ts calls this on every request and re-issues the cookie when it is more than a
// minute old, so a session expires after IDLE_SECONDS without any request, and in any case
// ABSOLUTE_SECONDS after signing in: the re-issued token never outlives that. An expired or
// forged cookie is left alone (next-auth treats it as no session).
import { decode, encode } from "next-auth/jwt";
import { IDLE_SECONDS, REFRESH_AFTER_SECONDS, sessionSecondsLeft } from "./session-cookie";

export async function refreshSessionToken(value: string, secret: string, now: Date = new Date()): Promise<string | null> {
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: value, secret });
  } catch {
    return null;
  }
  if (!token || typeof token.iat !== "number" || typeof token.exp !== "number") return null;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (token.exp <= nowSeconds || nowSeconds - token.iat < REFRESH_AFTER_SECONDS) return null;
  const left = sessionSecondsLeft(token.sat, nowSeconds);
  if (left <= 0) return null;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  return encode({ token: claims, secret, maxAge: Math.min(IDLE_SECONDS, left) });
}
