// The pen-test's callbackUrl `http://localhost:3500.evil.example/` (a port that is not a
// number) made next-auth answer 500 and log the raw value outside the scrubber.
import path from "node:path";
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { isSafeCallbackUrl, withSafeCallbackUrl } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";

const SITE = new Set(["http://localhost:3500"]);
const ODD = "http://localhost:3500.evil.example/";

// next-auth's core, as its route handler calls it, with the request it would see (its
// package does not export it: loaded by path).
type Core = { AuthHandler: (p: { req: Record<string, unknown>; options: typeof authOptions }) => Promise<{ status?: number; body?: unknown }> };
const core = () => import(path.resolve("node_modules/next-auth/core/index.js")) as Promise<Core>;
const coreRequest = (request: NextRequest, action: string) => ({
  method: request.method, action, headers: Object.fromEntries(request.headers), cookies: Object.fromEntries(request.cookies.getAll().map((c) => [c.name, c.value])),
  query: Object.fromEntries(request.nextUrl.searchParams), origin: "http://localhost:3500",
});

describe("callback URLs", () => {
  it.each([
    { value: "/dashboard", safe: true },
    { value: "/units/517?metric=activated", safe: true },
    { value: "http://localhost:3500/rankings", safe: true },
    { value: ODD, safe: false },
    { value: "http://evil.example/", safe: false },
    { value: "//evil.example/", safe: false },
    { value: "/\\evil.example", safe: false },
    { value: "javascript:alert(1)", safe: false },
    { value: "http://[bad", safe: false },
  ])("$value is safe: $safe", ({ value, safe }) => {
    expect(isSafeCallbackUrl(value, SITE)).toBe(safe);
  });

  describe("through next-auth", () => {
    let written: string[];
    beforeEach(() => {
      process.env.NEXTAUTH_URL = "http://localhost:3500";
      process.env.NEXTAUTH_SECRET = "a-test-secret-of-some-length-0123456789";
      written = [];
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
      vi.spyOn(console, "error").mockImplementation((...args) => void written.push(args.join(" ")));
    });
    afterEach(() => vi.restoreAllMocks());

    it("drops the odd callbackUrl (parameter or cookie) before next-auth, which then answers normally", async () => {
      const { AuthHandler } = await core();
      const raw = new NextRequest(`http://localhost:3500/api/auth/csrf?callbackUrl=${encodeURIComponent(ODD)}`, { headers: { cookie: `next-auth.callback-url=${encodeURIComponent(ODD)}; other=1` } });
      const safe = withSafeCallbackUrl(raw);
      expect(safe.nextUrl.searchParams.has("callbackUrl")).toBe(false);
      expect(safe.headers.get("cookie")).toBe("other=1");
      const answer = await AuthHandler({ req: coreRequest(safe, "csrf"), options: authOptions });
      expect(answer.status ?? 200).toBe(200); // no status: next-auth's 200
      expect(answer.body).toEqual({ csrfToken: expect.any(String) });
      // the raw request, as before: 500
      expect((await AuthHandler({ req: coreRequest(raw, "csrf"), options: authOptions })).status).toBe(500);
      // a safe one is left as it was
      const fine = new NextRequest("http://localhost:3500/api/auth/csrf?callbackUrl=%2Funits%2F517");
      expect(withSafeCallbackUrl(fine)).toBe(fine);
    });

    it("logs next-auth's own errors by code only, never the value the client sent", async () => {
      const { AuthHandler } = await core();
      const raw = new NextRequest(`http://localhost:3500/api/auth/csrf?callbackUrl=${encodeURIComponent(ODD)}`);
      await AuthHandler({ req: coreRequest(raw, "csrf"), options: authOptions });
      expect(written.join("")).toContain("INVALID_CALLBACK_URL_ERROR");
      expect(written.join("")).not.toContain("evil.example");
    });
  });
});
