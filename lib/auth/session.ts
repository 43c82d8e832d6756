import "server-only";
import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { endSessions, getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { authOptions } from "./options";
import { canAdminister } from "./permissions";
import { sessionCookie } from "./session-cookie";

/** The user behind the session cookie, checked against the database on every call. */
async function sessionUser(): Promise<SessionUserDTO | null> {
  const session = (await getServerSession(authOptions)) as { uid?: number; sv?: number } | null;
  if (typeof session?.uid !== "number" || typeof session.sv !== "number") return null;
  return getSessionUser(session.uid, session.sv);
}

/**
 * The signed-in user, or null. A user whose password an administrator reset counts as
 * signed out everywhere but the password change page until they choose a new one.
 */
export async function currentUser(): Promise<SessionUserDTO | null> {
  const user = await sessionUser();
  return user && !user.mustChangePassword ? user : null;
}

/**
 * Logging out: ends every session of the signed-in user, so a copied cookie stops working
 * too (as next-auth's own sign-out route does, lib/auth/options.ts), and drops this
 * browser's cookie. Signed out already, it only drops the cookie.
 */
export async function endCurrentSessions(): Promise<void> {
  const user = await sessionUser();
  if (user) await endSessions(user.id);
  const { name, options } = sessionCookie();
  (await cookies()).set(name, "", { ...options, maxAge: 0 });
}

/** For the password change page and its action only. */
export async function currentUserForPasswordChange(): Promise<SessionUserDTO | null> {
  return sessionUser();
}

/** For pages: the signed-in user, or a redirect to the login (or password change) page. */
export async function requireUser(): Promise<SessionUserDTO> {
  const user = await sessionUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword) redirect("/account/password");
  return user;
}

/**
 * For administration pages: the administrator, or null. Pages render in parallel with the
 * admin layout, which shows the refusal; a page given null renders nothing instead of
 * asking the data layer (which would refuse too).
 */
export async function requireAdminForPage(): Promise<SessionUserDTO | null> {
  const user = await requireUser();
  return canAdminister(user) ? user : null;
}
