// The client address used to throttle sign-ins.
//
// Next.js fills `X-Forwarded-For` with the socket's address only when the request has none,
// and keeps any value the client sent. Behind reverse proxies, each appends the address it
// saw, so the trustworthy entry is the one the outermost of *our* proxies added: with
// TRUST_PROXY=n (the number of proxies in front of the app), the n-th entry from the right.
// Without TRUST_PROXY, or with 0 or 1, the last entry: the address our one proxy saw, or the
// socket address when the app is exposed directly and the client sent no header. A directly
// exposed server cannot tell a forged header from the socket's, which is why production
// should sit behind a proxy; the username limit does not depend on the address at all.
export function clientAddress(headers: Record<string, string | string[] | undefined> | Headers, trustProxy = process.env.TRUST_PROXY): string {
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const hops = value.split(",").map((h) => h.trim()).filter(Boolean);
  if (hops.length === 0) return "unknown";
  const trusted = Number(trustProxy);
  const fromRight = Number.isInteger(trusted) && trusted > 1 ? trusted : 1;
  const hop = hops[Math.max(0, hops.length - fromRight)];
  return normalizeAddress(hop).slice(0, 64);
}

/** "::ffff:10.0.0.1" → "10.0.0.1", so one client is one key whichever way it is written. */
function normalizeAddress(address: string): string {
  return address.toLowerCase().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
}
