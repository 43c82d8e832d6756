import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { endSessions, signIn } from "@/lib/data/sessions";
import { minutesUntil } from "@/lib/domain/login-throttle";
import { clientAddress } from "./client-address";
import { LOCKED_ERROR_PREFIX } from "./login-errors";
import { IDLE_SECONDS, REFRESH_AFTER_SECONDS, sessionCookie } from "./session-cookie";

export const authOptions: NextAuthOptions = {
  // The cookie expires IDLE_SECONDS after the last request: proxy.ts re-issues it as the
  // user works (lib/auth/session-refresh.ts), so only an idle session runs out.
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: REFRESH_AFTER_SECONDS },
  pages: { signIn: "/login" },
  useSecureCookies: sessionCookie().secure,
  cookies: { sessionToken: { name: sessionCookie().name, options: sessionCookie().options } },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const result = await signIn(credentials?.username ?? "", credentials?.password ?? "", { address: clientAddress(request.headers ?? {}) });
        if (result.ok) return { id: String(result.user.id), name: result.user.displayName, sessionVersion: result.user.sessionVersion };
        // next-auth hands a thrown error's message to the sign-in form, which words it.
        if (result.reason === "locked") throw new Error(`${LOCKED_ERROR_PREFIX}${minutesUntil(result.until, new Date())}`);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv };
    },
  },
  events: {
    // Logging out ends every session of the user, so a copied cookie stops working too.
    async signOut({ token }) {
      if (typeof token?.uid === "number") await endSessions(token.uid);
    },
  },
};
