import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";
import { applyTrustedForwarding, parseTrustProxy, resolveClientAddress } from "@/lib/auth/trusted-proxy.mjs";

describe("client address for sign-in throttling", () => {
  it.each([
    // no TRUST_PROXY: the socket's address, whatever the client claims
    { socket: "203.0.113.9", xff: "10.0.0.7", trust: undefined, address: "203.0.113.9" },
    { socket: "::ffff:127.0.0.1", xff: undefined, trust: undefined, address: "127.0.0.1" },
    // a socket that is not a named proxy: its forwarded header is ignored
    { socket: "203.0.113.9", xff: "10.0.0.7", trust: "10.0.0.1", address: "203.0.113.9" },
    // one trusted proxy appends the address it saw after whatever the client claimed
    { socket: "10.0.0.1", xff: "6.6.6.6, 198.51.100.4", trust: "10.0.0.1", address: "198.51.100.4" },
    // two trusted proxies (one named by a range): the first untrusted entry from the right
    { socket: "::ffff:10.0.0.1", xff: "6.6.6.6, 198.51.100.4, 192.168.1.2", trust: "10.0.0.1, 192.168.1.0/24", address: "198.51.100.4" },
    { socket: "127.0.0.1", xff: "198.51.100.4", trust: "loopback", address: "198.51.100.4" },
    { socket: "::1", xff: "2001:db8::5", trust: "loopback", address: "2001:db8::5" },
    // a trusted proxy with no header: the proxy itself
    { socket: "10.0.0.1", xff: undefined, trust: "10.0.0.1", address: "10.0.0.1" },
  ])("socket $socket, X-Forwarded-For $xff, TRUST_PROXY=$trust → $address", ({ socket, xff, trust, address }) => {
    expect(resolveClientAddress(socket, xff, parseTrustProxy(trust))).toBe(address);
  });

  it.each(["2", "10.0.0.1/33", "proxy.example", "10.0.0.1/8/1"])("refuses TRUST_PROXY=%s, which names no proxy", (spec) => {
    expect(() => parseTrustProxy(spec)).toThrow(/TRUST_PROXY/);
  });

  it("reads the one address the server resolved", () => {
    expect(clientAddress({ "x-forwarded-for": "::ffff:10.0.0.7" })).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress({})).toBe("unknown");
  });
});

// The production server's rewrite (lib/observability/http-server.mjs), on a real socket: a
// client rotating a forged X-Forwarded-For is still counted under its own address.
describe("forwarded headers on a real connection", () => {
  let server: Server;
  let trust: string | undefined;
  const seen: Array<Record<string, string | string[] | undefined>> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      applyTrustedForwarding(req.headers, req.socket.remoteAddress, parseTrustProxy(trust));
      seen.push({ ...req.headers });
      res.end(clientAddress(req.headers));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (headers: Record<string, string>) => new Promise<string>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, path: "/", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });

  it("ignores a forged X-Forwarded-For, -Host and -Proto without TRUST_PROXY", async () => {
    trust = undefined;
    seen.length = 0;
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await get({ "x-forwarded-for": `6.6.6.${i}`, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }));
    expect(answers).toEqual(Array(5).fill("127.0.0.1"));
    expect(seen.every((h) => h["x-forwarded-host"] === undefined && h["x-forwarded-proto"] === undefined)).toBe(true);
  });

  it("believes them from a proxy TRUST_PROXY names", async () => {
    trust = "127.0.0.1";
    seen.length = 0;
    expect(await get({ "x-forwarded-for": "6.6.6.6, 198.51.100.4", "x-forwarded-proto": "https" })).toBe("198.51.100.4");
    expect(seen[0]["x-forwarded-proto"]).toBe("https");
  });
});
