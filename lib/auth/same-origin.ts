// Cross-site request forgery on the HTTP API's writes. A browser attaches the session cookie
// (SameSite=Lax) to a POST from any page of the same *site*: another port of the host, or a
// sibling subdomain. Such a page can post a `text/plain` body without a CORS preflight. A
// write authenticated by the cookie is therefore accepted only with a JSON content type
// (which a page of another origin cannot send without a preflight, which is refused) and a
// browser's own word that it comes from this origin: `Sec-Fetch-Site: same-origin` and/or an
// `Origin` equal to the site's, at least one of them and no contrary one. Bearer-token calls
// carry no ambient credential and are not concerned.
import { m } from "@/lib/i18n/message";

export type WriteRefusal = { status: 403 | 415; message: string };

/** `application/json` or any `application/…+json`, parameters aside. */
export function isJsonContentType(value: string | null): boolean {
  const type = (value ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9.!#$&^_-]+\+json$/.test(type);
}

/** The origins this site is reached at: the request's own, and NEXTAUTH_URL's. */
function siteOrigins(request: Request): Set<string> {
  const origins = new Set<string>([new URL(request.url).origin]);
  const configured = process.env.NEXTAUTH_URL;
  if (configured) {
    try {
      origins.add(new URL(configured).origin);
    } catch {
      // a malformed NEXTAUTH_URL names no origin; the request's own remains
    }
  }
  return origins;
}

/** Why a write authenticated by the session cookie is refused, or null when it may go on. */
export function sessionWriteRefusal(request: Request): WriteRefusal | null {
  if (!isJsonContentType(request.headers.get("content-type"))) return { status: 415, message: m("validation.body.notJsonType") };
  const fetchSite = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const sameOrigin =
    (fetchSite !== null || origin !== null) &&
    (fetchSite === null || fetchSite === "same-origin") &&
    (origin === null || siteOrigins(request).has(origin));
  return sameOrigin ? null : { status: 403, message: m("validation.body.crossOrigin") };
}
