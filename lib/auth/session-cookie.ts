// The session cookie: HttpOnly, SameSite=Lax, and Secure (with the __Secure- prefix) when
// the site is served over HTTPS (NEXTAUTH_URL starting with https://).

/** Idle time after which a session expires, in seconds: SESSION_IDLE_MINUTES (default 60). */
export const IDLE_SECONDS = Math.max(1, Number(process.env.SESSION_IDLE_MINUTES ?? 60)) * 60;
/**
 * Absolute lifetime of a session, in seconds: SESSION_MAX_HOURS (default 12) after signing in
 * it ends however active it was, so a stolen cookie cannot be kept alive forever.
 */
export const ABSOLUTE_SECONDS = Math.max(60, Number(process.env.SESSION_MAX_HOURS ?? 12) * 3600);

/**
 * Seconds the session signed in at `signedInAt` (the token's `sat` claim, in seconds) has
 * left at `nowSeconds`; 0 when it is over or the token has no such claim (issued before the
 * absolute lifetime existed).
 */
export function sessionSecondsLeft(signedInAt: unknown, nowSeconds: number): number {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return 0;
  return Math.max(0, signedInAt + ABSOLUTE_SECONDS - nowSeconds);
}

/** A session cookie older than this is re-issued on the next request. */
export const REFRESH_AFTER_SECONDS = 60;

export function sessionCookie(siteUrl = process.env.NEXTAUTH_URL ?? "") {
  const secure = siteUrl.startsWith("https://");
  return {
    secure,
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure },
  };
}
