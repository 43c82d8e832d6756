// POST /api/v1/daily called with the browser session, as a page of this site and as a page of
// another origin of the same site (another port, a sibling subdomain) would call it.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import { issueApiToken } from "@/lib/data/api-tokens";
import { smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);

const BODY = JSON.stringify({ rows: [{ date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 5 }] });
const post = (headers: Record<string, string>, body = BODY) => POST(new Request("http://test:3500/api/v1/daily", { method: "POST", headers, body }));
const errorOf = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

let districtId: number;

describe("POST /api/v1/daily with the session cookie", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
    const user = await db.user.create({ data: { username: "bac", displayName: "bac", role: "district", unitId: unit.id, passwordHash: "x" } });
    districtId = user.id;
    session.current = { uid: user.id, sv: user.sessionVersion };
  });

  // Before: a page on http://test:3501 posted this text/plain body and the figure changed (200).
  it("refuses a text/plain post from another origin of the same site, writing nothing", async () => {
    const response = await post({ "content-type": "text/plain;charset=UTF-8", origin: "http://test:3501", "sec-fetch-site": "same-site" });
    expect(response.status).toBe(415);
    expect(await errorOf(response)).toMatch(/JSON/);
    expect(await testDb().figure.count()).toBe(0);
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it.each<{ label: string; headers: Record<string, string> }>([
    { label: "another port", headers: { origin: "http://test:3501", "sec-fetch-site": "same-site" } },
    { label: "a sibling subdomain", headers: { origin: "http://evil.test:3500" } },
    { label: "another site", headers: { "sec-fetch-site": "cross-site" } },
    { label: "a same-origin claim contradicted by Origin", headers: { origin: "http://evil.test:3500", "sec-fetch-site": "same-origin" } },
    { label: "no word of its origin at all", headers: {} },
  ])("refuses a JSON post from $label", async ({ headers }) => {
    const response = await post({ "content-type": "application/json", ...headers });
    expect(response.status).toBe(403);
    expect(await errorOf(response)).toMatch(/trang khác/);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("accepts the site's own JSON post, by Origin or by Sec-Fetch-Site", async () => {
    expect((await post({ "content-type": "application/json", origin: "http://test:3500", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await post({ "content-type": "application/json; charset=utf-8", "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect((await post({ "content-type": "application/json", origin: "http://test:3500" })).status).toBe(200);
    expect(await testDb().figure.count()).toBe(1);
  });

  it("leaves bearer-token calls as they were: no Origin, any content type", async () => {
    session.current = null;
    const { token } = await issueApiToken({ id: districtId, username: "bac", role: "district", unitPath: (await testDb().unit.findFirstOrThrow({ where: { code: "901" } })).path }, { name: "t" });
    expect((await post({ authorization: `Bearer ${token}`, "content-type": "text/plain" })).status).toBe(200);
    expect(await testDb().figure.count()).toBe(1);
  });

  // Issue 19. Before: an empty body from a provincial account got 400, as if a valid one could pass.
  it.each([
    { role: "province" as const, says: /cấp tỉnh được xem/ },
    { role: "leader" as const, says: /Ban Chỉ đạo được xem/ },
  ])("refuses $role 403 whatever the body, saying what the role may do", async ({ role, says }) => {
    const db = testDb();
    const unit = await db.unit.findFirstOrThrow({ where: { code: "90" } });
    const user = await db.user.create({ data: { username: role, displayName: role, role, unitId: unit.id, passwordHash: "x" } });
    session.current = { uid: user.id, sv: user.sessionVersion };
    const own = { "content-type": "application/json", origin: "http://test:3500", "sec-fetch-site": "same-origin" };
    for (const body of ["", "{", "{}", BODY]) {
      const response = await post(own, body);
      expect(response.status, body).toBe(403);
      expect(await errorOf(response)).toMatch(says);
    }
    session.current = null;
    const { token } = await issueApiToken({ id: user.id, username: role, role, unitPath: unit.path }, { name: "t" });
    const byToken = await post({ authorization: `Bearer ${token}`, "content-type": "application/json" }, "");
    expect(byToken.status).toBe(403);
    expect(await errorOf(byToken)).toMatch(says);
    expect(await testDb().figure.count()).toBe(0);
  });
});
