// The read API resolves codes on a day (issue 20): /units, /units/CODE, /rankings and /progress
// on the two-trees fixture (old district 901 and its communes until 30/06/2025, the province's
// new communes from 01/07/2025, code 90101 reused).
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getUnits } from "@/app/api/v1/units/route";
import { GET as getUnitByCode } from "@/app/api/v1/units/[code]/route";
import { GET as getRankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as getProgressRoute } from "@/app/api/v1/progress/route";
import { loadOrProblem } from "@/app/_dashboard/load";
import { getUnitFrame } from "@/lib/data/unit-frame";
import type { Actor } from "@/lib/auth/permissions";
import { resetDatabase } from "./helpers";
import { twoTrees } from "./two-trees";
import { addApiToken, addUser } from "../support/users";

let token = "";
let province: Actor;

async function call(handler: (request: Request) => Promise<Response>, path: string) {
  const response = await handler(new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { message: string; fieldErrors: Record<string, string[]> } } };
}

describe("read API on a day: units, rankings and progress across the 2025 reorganisation", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    await twoTrees(db);
    const user = await addUser(db, "tinh", "province", "90");
    token = await addApiToken(db, user.id);
    province = user;
  });

  it("answers the old commune for 90101 on 2024-06-01, with its end and successor", async () => {
    const old = await call(getUnitByCode, "/api/v1/units/90101?asOf=2024-06-01");
    expect(old.status).toBe(200);
    expect(old.body).toEqual({
      code: "90101", name: "Xã Một Cũ", type: "Xã", level: 3, parentCode: "901",
      validFrom: null, validTo: "2025-06-30",
      predecessors: [],
      successors: [{ code: "90101", name: "Phường Một Mới", part: "full", share: null }],
    });
  });

  it("answers the new commune for 90101 on 2026-01-01, with both its full predecessors", async () => {
    const fresh = await call(getUnitByCode, "/api/v1/units/90101?asOf=2026-01-01");
    expect(fresh.status).toBe(200);
    expect(fresh.body).toEqual({
      code: "90101", name: "Phường Một Mới", type: "Phường", level: 2, parentCode: "90",
      validFrom: "2025-07-01", validTo: null,
      predecessors: [
        { code: "90101", name: "Xã Một Cũ", part: "full", share: null },
        { code: "90102", name: "Xã Hai Cũ", part: "full", share: null },
      ],
      successors: [],
    });
    // a partial successor's share is a number, the other's null
    const split = await call(getUnitByCode, "/api/v1/units/90103?asOf=2024-06-01");
    expect(split.body.successors).toEqual([
      { code: "90104", name: "Xã Bốn Mới", part: "partial", share: 0.4 },
      { code: "90105", name: "Xã Năm Mới", part: "partial", share: null },
    ]);
  });

  it("lists the children valid on asOf: the new communes in 2026, the old district in 2024", async () => {
    const now = await call(getUnits, "/api/v1/units?parent=90&asOf=2026-01-01");
    expect(now.status).toBe(200);
    expect((now.body as unknown as { code: string; validFrom: string | null; validTo: string | null }[]).map((u) => [u.code, u.validFrom, u.validTo])).toEqual([
      ["90101", "2025-07-01", null],
      ["90104", "2025-07-01", null],
      ["90105", "2025-07-01", null],
    ]);
    const then = await call(getUnits, "/api/v1/units?parent=90&asOf=2024-06-01");
    expect(then.body).toEqual([{ code: "901", name: "Huyện Cũ", type: "Huyện", level: 2, validFrom: null, validTo: "2025-06-30" }]);
    expect((await call(getUnits, "/api/v1/units?asOf=2024-06-01")).body).toEqual([{ code: "90", name: "Tỉnh Thử Nghiệm", type: "Tỉnh", level: 1, validFrom: null, validTo: null }]);
  });

  it("refuses a malformed asOf with the parameter message, on each route", async () => {
    for (const path of ["/api/v1/units?parent=90&asOf=2026-13-01", "/api/v1/units/90101?asOf=01/07/2025"]) {
      const answer = await call(path.includes("?parent") ? getUnits : getUnitByCode, path);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({ message: "Tham số không hợp lệ.", fieldErrors: { asOf: ["Ngày phải có dạng YYYY-MM-DD."] } });
    }
  });

  it("answers 404 naming the end and successors of a code that names no unit on asOf", async () => {
    const ranking = await call(getRankingsRoute, "/api/v1/rankings?parent=901&asOf=2026-01-01");
    expect(ranking.status).toBe(404);
    expect(ranking.body.error?.message).toBe("Mã 901 không còn là đơn vị nào vào ngày 01/01/2026: Huyện Cũ đã kết thúc ngày 30/06/2025, không có đơn vị kế tiếp.");

    const progress = await call(getProgressRoute, "/api/v1/progress?unit=90102&asOf=2026-01-01");
    expect(progress.status).toBe(404);
    expect(progress.body.error?.message).toBe("Mã 90102 không còn là đơn vị nào vào ngày 01/01/2026: Xã Hai Cũ đã kết thúc ngày 30/06/2025. Đơn vị kế tiếp: Phường Một Mới (90101).");

    const unit = await call(getUnitByCode, "/api/v1/units/90103?asOf=2026-01-01");
    expect(unit.status).toBe(404);
    expect(unit.body.error?.message).toBe("Mã 90103 không còn là đơn vị nào vào ngày 01/01/2026: Xã Ba Cũ đã kết thúc ngày 30/06/2025. Đơn vị kế tiếp: Xã Bốn Mới (90104, một phần); Xã Năm Mới (90105, một phần).");

    const children = await call(getUnits, "/api/v1/units?parent=901&asOf=2026-01-01");
    expect(children.status).toBe(404);
    expect(children.body.error?.message).toContain("đã kết thúc ngày 30/06/2025");

    const notYet = await call(getUnitByCode, "/api/v1/units/90104?asOf=2024-06-01");
    expect(notYet.status).toBe(404);
    expect(notYet.body.error?.message).toBe("Mã 90104 chưa là đơn vị nào vào ngày 01/06/2024: Xã Bốn Mới bắt đầu từ ngày 01/07/2025, hình thành từ Xã Ba Cũ (90103, một phần).");
  });

  it("a dashboard page on a code that names no unit on its day shows the end and links each successor on the same view", async () => {
    const href = (code: string) => `/units/${code}?asOf=2026-01-01&metric=activated`;
    const ended = await loadOrProblem(() => getUnitFrame(province, "90102", { asOf: "2026-01-01" }), { unitCode: "90102", asOf: "2026-01-01", href });
    expect(ended.problem).toEqual({
      code: "NOT_FOUND",
      message: "Mã 90102 không còn là đơn vị nào vào ngày 01/01/2026: Xã Hai Cũ đã kết thúc ngày 30/06/2025. Đơn vị kế tiếp: Phường Một Mới (90101).",
      successors: [{ code: "90101", name: "Phường Một Mới", href: "/units/90101?asOf=2026-01-01&metric=activated" }],
      predecessors: [],
    });
    // before its start, a unit that came from one unit existing that day opens that unit's page
    const before = loadOrProblem(() => getUnitFrame(province, "90104", { asOf: "2024-06-01" }), { unitCode: "90104", asOf: "2024-06-01", href: (code) => `/units/${code}?asOf=2024-06-01` });
    await expect(before).rejects.toMatchObject({ digest: expect.stringContaining(";/units/90103?asOf=2024-06-01;") });
    const noSuccessor = await loadOrProblem(() => getUnitFrame(province, "901", { asOf: "2026-01-01", forRanking: true }), { unitCode: "901", asOf: "2026-01-01", href });
    expect(noSuccessor.problem).toMatchObject({ code: "NOT_FOUND", successors: [] });
    expect(noSuccessor.problem?.message).toContain("không có đơn vị kế tiếp");
  });

  it("a view whose unit or children on its day are not today's says which structure it shows", async () => {
    // the tests' clock is after 01/07/2025: 2024 is the old structure, 2026 today's
    expect((await getUnitFrame(province, "90", { asOf: "2024-06-01" })).structure).toEqual({ before: "2025-07-01" });
    expect((await getUnitFrame(province, "90101", { asOf: "2024-06-01" })).structure).toEqual({ before: "2025-07-01" });
    expect((await getUnitFrame(province, "90", { asOf: "2026-01-01" })).structure).toBeNull();
    expect((await getUnitFrame(province, "90101", { asOf: "2026-01-01" })).structure).toBeNull();
  });
});
