import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("client address for sign-in throttling", () => {
  it.each([
    { xff: "10.0.0.7", trust: undefined, address: "10.0.0.7" },
    { xff: "::ffff:127.0.0.1", trust: undefined, address: "127.0.0.1" },
    // one proxy appends the address it saw after whatever the client claimed
    { xff: "6.6.6.6, 10.0.0.7", trust: "1", address: "10.0.0.7" },
    { xff: "6.6.6.6, 10.0.0.7", trust: undefined, address: "10.0.0.7" },
    // two proxies: the outer one's entry is the second from the right
    { xff: "6.6.6.6, 10.0.0.7, 192.168.1.2", trust: "2", address: "10.0.0.7" },
    { xff: "10.0.0.7", trust: "5", address: "10.0.0.7" },
    { xff: "", trust: undefined, address: "unknown" },
  ])("X-Forwarded-For $xff with TRUST_PROXY=$trust → $address", ({ xff, trust, address }) => {
    expect(clientAddress({ "x-forwarded-for": xff }, trust)).toBe(address);
    expect(clientAddress(new Headers(xff ? { "x-forwarded-for": xff } : {}), trust)).toBe(address);
  });
});
