// proxy.ts sets the Content-Security-Policy and the other security headers. Before, its
// matcher skipped requests marked as prefetches, which got the full HTML without them.
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

describe("proxy and prefetches", () => {
  it.each<{ label: string; headers: Record<string, string> }>([
    { label: "a page", headers: {} },
    { label: "a prefetch (Purpose)", headers: { purpose: "prefetch" } },
    { label: "a router prefetch", headers: { "next-router-prefetch": "1", rsc: "1" } },
    { label: "a prefetch (Sec-Purpose)", headers: { "sec-purpose": "prefetch" } },
  ])("runs for $label, which gets the CSP and the other security headers", async ({ headers }) => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/units/21004", headers })).toBe(true);
    const response = await proxy(new NextRequest("http://localhost:3000/units/21004", { headers }));
    expect(response.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("leaves static files alone", () => {
    expect(unstable_doesMiddlewareMatch({ config, url: "/_next/static/chunks/main.js" })).toBe(false);
  });
});
