import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/data/sessions";

/** Idle time after which a session expires (seconds); configurable by SESSION_IDLE_MINUTES. */
const IDLE_SECONDS = Number(process.env.SESSION_IDLE_MINUTES ?? 60) * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        const user = await authenticate(credentials?.username ?? "", credentials?.password ?? "");
        return user ? { id: String(user.id), name: user.displayName, sessionVersion: user.sessionVersion } : null;
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
};
