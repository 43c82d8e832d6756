// Runs before every request (Next.js 16's "proxy", formerly middleware). Not a security
// boundary: permissions are checked in the data layer. It sets the security headers with a
// fresh CSP nonce, which Next.js reads from the request's Content-Security-Policy header and
// puts on its scripts, and slides the session cookie's expiry while the user is active.
import { NextResponse, type NextRequest } from "next/server";
import { IDLE_SECONDS, sessionCookie } from "@/lib/auth/session-cookie";
import { refreshSessionToken } from "@/lib/auth/session-refresh";
import { contentSecurityPolicy, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const nonce = newNonce();
  const cookie = sessionCookie();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https: cookie.secure });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);

  const current = request.cookies.get(cookie.name)?.value;
  const secret = process.env.NEXTAUTH_SECRET;
  if (current && secret && !request.nextUrl.pathname.startsWith("/api/auth/")) {
    const refreshed = await refreshSessionToken(current, secret);
    if (refreshed) response.cookies.set(cookie.name, refreshed, { ...cookie.options, maxAge: IDLE_SECONDS });
  }
  return response;
}

export const config = {
  // Everything but static files, prefetches included: a request marked `Purpose: prefetch` or
  // `next-router-prefetch` gets the same HTML, so it needs the same headers. The public board
  // (/cong-khai/...) sets its own headers (lib/api/public-board.ts): no session is read or
  // refreshed there, so its answers carry no cookie and any cache may keep them. The API's
  // reference page (/api/docs) sets its own CSP too (lib/api/reference-page.ts).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|cong-khai/|api/docs).*)"],
};
