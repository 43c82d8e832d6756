// The session cookie: HttpOnly, SameSite=Lax, and Secure (with the __Secure- prefix) when
// the site is served over HTTPS (NEXTAUTH_URL starting with https://).

/** Idle time after which a session expires, in seconds: SESSION_IDLE_MINUTES (default 60). */
export const IDLE_SECONDS = Math.max(1, Number(process.env.SESSION_IDLE_MINUTES ?? 60)) * 60;
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
