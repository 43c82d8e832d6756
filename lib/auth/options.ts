import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSessions, signIn, type SignInOptions } from "@/lib/data/sessions";
import { minutesUntil } from "@/lib/domain/login-throttle";
import { clientAddress } from "./client-address";
import { logError } from "@/lib/observability/errors";
import { logLine } from "@/lib/observability/log";
import { LOCKED_ERROR_PREFIX, UNAVAILABLE_ERROR } from "./login-errors";
import { IDLE_SECONDS, REFRESH_AFTER_SECONDS, sessionCookie, sessionSecondsLeft } from "./session-cookie";

/**
 * next-auth hands a thrown error's message to the sign-in form, which words it: only the
 * codes of lib/auth/login-errors.ts are ever thrown, never an internal error's text.
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined> | Headers,
  options: Pick<SignInOptions, "sleep"> = {},
): Promise<{ id: string; name: string; sessionVersion: number } | null> {
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(credentials?.username ?? "", credentials?.password ?? "", { address: clientAddress(headers), ...options });
  } catch (error) {
    logError(error, "sign-in");
    throw new Error(UNAVAILABLE_ERROR);
  }
  if (result.ok) return { id: String(result.user.id), name: result.user.displayName, sessionVersion: result.user.sessionVersion };
  if (result.reason === "locked") throw new Error(`${LOCKED_ERROR_PREFIX}${minutesUntil(result.until, new Date())}`);
  return null;
}

export const authOptions: NextAuthOptions = {
  // The cookie expires IDLE_SECONDS after the last request: proxy.ts re-issues it as the
  // user works (lib/auth/session-refresh.ts), so an idle session runs out, and any session
  // ABSOLUTE_SECONDS after signing in (the `sat` claim, checked in the session callback).
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: REFRESH_AFTER_SECONDS },
  pages: { signIn: "/login" },
  // next-auth's own messages quote what the client sent (a callback URL, say): only their
  // codes go to the log, through the same JSON lines as everything else.
  logger: {
    error: (code) => logLine("error", "auth-error", { code }),
    warn: (code) => logLine("warn", "auth-warning", { code }),
    debug: () => undefined,
  },
  useSecureCookies: sessionCookie().secure,
  cookies: { sessionToken: { name: sessionCookie().name, options: sessionCookie().options } },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, request.headers ?? {}),
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        // when the user signed in: the session ends ABSOLUTE_SECONDS later, however active
        token.sat = Math.floor(Date.now() / 1000);
      }
      return token;
    },
    // Past its absolute lifetime (or without a sign-in time: issued before there was one) a
    // session names no user, so lib/auth/session.ts treats the request as signed out.
    session({ session, token }) {
      if (sessionSecondsLeft(token.sat, Math.floor(Date.now() / 1000)) <= 0) return { expires: session.expires };
      return { ...session, uid: token.uid, sv: token.sv, sat: token.sat };
    },
  },
  events: {
    // Logging out ends every session of the user, so a copied cookie stops working too.
    async signOut({ token }) {
      if (typeof token?.uid === "number") await endSessions(token.uid);
    },
  },
};
