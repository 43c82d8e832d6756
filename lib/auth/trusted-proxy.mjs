// Which address a request comes from, and which forwarded headers are believed.
//
// Any client can send `X-Forwarded-For`, `-Host` and `-Proto`. They are believed only when
// the socket's peer is one of the proxies TRUST_PROXY names (comma-separated addresses or
// CIDR ranges, `loopback` for 127.0.0.0/8 and ::1), and then only up to the first address
// that is not such a proxy: walking `X-Forwarded-For` from the right, each entry a trusted
// proxy appended is the address it saw. Without TRUST_PROXY the client is the socket's
// address and every forwarded header is dropped. Plain JavaScript: the production server
// (lib/observability/http-server.mjs) runs it before Next.js sees the request.
import { BlockList, isIP } from "node:net";

const FORWARDED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/** "::ffff:10.0.0.1" → "10.0.0.1", so one client is one key whichever way it is written. */
export function normalizeAddress(address) {
  return String(address).trim().toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}

/** The proxies TRUST_PROXY names, or null when it names none; throws on an entry that is neither an address nor a range. */
export function parseTrustProxy(spec) {
  const entries = String(spec ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (family === 0 || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && prefix <= maxBits))) {
      throw new Error(`TRUST_PROXY: "${entry}" is not an IP address, a CIDR range or "loopback" (e.g. TRUST_PROXY=10.0.0.5,192.168.1.0/24)`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return list;
}

function isTrusted(trusted, address) {
  const family = isIP(address);
  return trusted !== null && family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client's address: the socket's, or behind trusted proxies the first entry from the right that is not one of them. */
export function resolveClientAddress(socketAddress, forwardedFor, trusted) {
  let client = normalizeAddress(socketAddress ?? "") || "unknown";
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const hops = raw.split(",").map(normalizeAddress).filter(Boolean);
  while (isTrusted(trusted, client) && hops.length > 0) {
    const hop = hops.pop();
    if (isIP(hop) === 0) break;
    client = hop;
  }
  return client;
}

/**
 * Rewrites a Node request's headers in place before Next.js reads them: `X-Forwarded-For`
 * becomes the one resolved client address, and the other forwarded headers are kept only
 * when the socket's peer is a trusted proxy (Next.js then fills them from the socket).
 */
export function applyTrustedForwarding(headers, socketAddress, trusted) {
  const client = resolveClientAddress(socketAddress, headers["x-forwarded-for"], trusted);
  const fromProxy = isTrusted(trusted, normalizeAddress(socketAddress ?? ""));
  for (const name of FORWARDED) if (!fromProxy || name === "x-forwarded-for") delete headers[name];
  headers["x-forwarded-for"] = client;
  return client;
}
