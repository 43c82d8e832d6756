// Who is signed in during the hostile tests. The product's own session module
// (lib/auth/session.ts) runs unchanged, with its database re-check of the user (active, same
// session version, no password change pending) on every call; only next-auth's
// getServerSession, which needs a real HTTP request to read the cookie, is replaced (in
// hostile-inputs.test.ts) by `currentSession`: what a cookie of the signed-in user carries.
import { testDb } from "../helpers";

/** What next-auth's session callback (lib/auth/options.ts) hands over from the cookie. */
export interface SessionCookie {
  uid: number;
  sv: number;
  /** when the user signed in, in seconds */
  sat: number;
}

let cookie: SessionCookie | null = null;

/** next-auth's getServerSession, as the hostile tests answer it. */
export const currentSession = async (): Promise<SessionCookie | null> => cookie;

/**
 * Signs the user in afresh (the new cookie carries the user's session version as the
 * database has it now: an earlier input may have ended their sessions), or signs out.
 */
export async function signInAs(user: { id: number } | null): Promise<void> {
  if (!user) {
    cookie = null;
    return;
  }
  const { sessionVersion } = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  cookie = { uid: user.id, sv: sessionVersion, sat: Math.floor(Date.now() / 1000) };
}

/** A cookie as it is, however old: for the tests of the session re-check itself. */
export function useCookie(value: SessionCookie | null): void {
  cookie = value;
}
