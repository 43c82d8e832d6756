// next-auth answers 500, and logs the raw value, when the `callbackUrl` of a request (or its
// callback-url cookie) is not a URL it can parse: `http://localhost:3500.evil.example/` has a
// port that is not a number. A callback URL is only ever a path on this site, so anything
// else is dropped before next-auth sees the request, which then uses its default.
import { NextRequest } from "next/server";

const CALLBACK_COOKIE = /^(__Secure-)?next-auth\.callback-url$/;

/** A path on this site ("/units/517"), or a URL of one of its origins; nothing else. */
export function isSafeCallbackUrl(value: string, siteOrigins: ReadonlySet<string>): boolean {
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\") && !/[\u0000-\u001f]/.test(value);
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && siteOrigins.has(url.origin);
  } catch {
    return false;
  }
}

function siteOrigins(request: NextRequest): Set<string> {
  const origins = new Set([request.nextUrl.origin]);
  try {
    if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  } catch {
    // a malformed NEXTAUTH_URL names no origin
  }
  return origins;
}

/** The request without an unsafe `callbackUrl` parameter or callback-url cookie (the same request when it has neither). */
export function withSafeCallbackUrl(request: NextRequest): NextRequest {
  const origins = siteOrigins(request);
  const param = request.nextUrl.searchParams.get("callbackUrl");
  const badParam = param !== null && !isSafeCallbackUrl(param, origins);
  const cookies = (request.headers.get("cookie") ?? "").split(";").map((c) => c.trim()).filter(Boolean);
  const kept = cookies.filter((cookie) => {
    const [name, ...rest] = cookie.split("=");
    if (!CALLBACK_COOKIE.test(name)) return true;
    let value = rest.join("=");
    try {
      value = decodeURIComponent(value);
    } catch {
      return false;
    }
    return isSafeCallbackUrl(value, origins);
  });
  if (!badParam && kept.length === cookies.length) return request;
  const url = request.nextUrl.clone();
  url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  if (kept.length) headers.set("cookie", kept.join("; "));
  else headers.delete("cookie");
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, { method: request.method, headers, ...(hasBody ? { body: request.body, duplex: "half" } : {}) } as ConstructorParameters<typeof NextRequest>[1]);
}
