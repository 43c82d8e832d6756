// `npm start` used to default NEXTAUTH_URL to http://localhost:PORT, so a TLS deployment that
// forgot it handed out session cookies without Secure.
import { describe, expect, it } from "vitest";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { siteUrl } from "@/lib/cli/site-url";

describe("the site's address at start", () => {
  it("refuses to start the production server without NEXTAUTH_URL, or with one that is no URL", () => {
    expect(() => siteUrl("start", { PORT: "3500" })).toThrow(/NEXTAUTH_URL is not set/);
    expect(() => siteUrl("start", { NEXTAUTH_URL: " " })).toThrow(/NEXTAUTH_URL is not set/);
    expect(() => siteUrl("start", { NEXTAUTH_URL: "tiendo.example.vn" })).toThrow(/not a URL/);
    expect(() => siteUrl("start", { NEXTAUTH_URL: "ftp://tiendo.example.vn" })).toThrow(/https:\/\//);
  });

  it("takes the configured address, whose scheme decides the Secure cookie", () => {
    const url = siteUrl("start", { NEXTAUTH_URL: "https://tiendo.example.vn" });
    expect(url).toBe("https://tiendo.example.vn");
    expect(sessionCookie(url).secure).toBe(true);
  });

  it("defaults to http://localhost:PORT for npm run dev only", () => {
    expect(siteUrl("dev", { PORT: "3500" })).toBe("http://localhost:3500");
    expect(siteUrl("dev", {})).toBe("http://localhost:3000");
  });
});
