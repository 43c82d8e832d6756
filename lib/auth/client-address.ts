// The client address used to throttle sign-ins and password changes.
//
// The production server (lib/observability/http-server.mjs) replaces `X-Forwarded-For` with
// the one address it resolved from the socket and the proxies TRUST_PROXY names
// (lib/auth/trusted-proxy.mjs) before Next.js sees the request, so a client cannot choose the
// address it is counted under. The last entry is read: the only one behind that server, and
// under `next dev` the one Next.js adds from the socket when the client sent none.
import { headers } from "next/headers";
import { normalizeAddress } from "./trusted-proxy.mjs";

export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const hops = value.split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0) return "unknown";
  return normalizeAddress(hops[hops.length - 1]).slice(0, 64);
}

/**
 * The client address of the request being served, for server actions. Outside a request (a
 * test or script calling an action directly) there are no headers: "unknown", as the locale
 * falls back to its default there (lib/i18n/server.ts).
 */
export async function requestClientAddress(): Promise<string> {
  try {
    return clientAddress(await headers());
  } catch {
    return "unknown";
  }
}
