import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { withSafeCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";

const handler = NextAuth(authOptions) as (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// An unparsable or foreign callbackUrl is dropped first: next-auth would answer it with 500.
function auth(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }): Promise<Response> {
  return handler(withSafeCallbackUrl(request), context);
}

export { auth as GET, auth as POST };
