// Issue 24 point 8, "where do I stand?": a district officer reads the ranking of the
// province's districts, a commune officer that of their district's communes (names, percents,
// ranks, the rule of praise and criticism, their own row marked), through the page's data
// calls and the API alike; nothing deeper, and no sibling's own page. Their overview opens
// their own unit.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getRankingsRoute } from "@/app/api/v1/rankings/route";
import type { Actor } from "@/lib/auth/permissions";
import { getCriticismContext } from "@/lib/data/criticism-rule";
import { getUnitOverview } from "@/lib/data/overview";
import { getRankings } from "@/lib/data/rankings";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getHomeUnitCode } from "@/lib/data/units";
import { smallTree } from "./fixtures";
import { resetDatabase } from "./helpers";

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);

const district: Actor = { id: 0, username: "bac", role: "district", unitPath: "" };
const commune: Actor = { id: 0, username: "mot", role: "commune", unitPath: "" };
const province: Actor = { id: 0, username: "tinh", role: "province", unitPath: "" };
const query = (parentCode: string, extra: { level?: number } = {}) => ({ parentCode, metricCode: "activated", asOf: "2023-06-01", ...extra });
const outcome = (promise: Promise<unknown>) => promise.then(() => "allowed", (e: { code?: string }) => e.code ?? "error");
const api = (parent: string, extra = "") => getRankingsRoute(new Request(`http://test/api/v1/rankings?parent=${parent}&metric=activated&asOf=2023-06-01${extra}`));
const ids = new Map<string, { uid: number; sv: number }>();

describe("district and commune officers' ranking of their parent", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    const units = await smallTree(db);
    for (const [actor, unit] of [[district, "901"], [commune, "90101"], [province, "90"]] as const) {
      const user = await db.user.create({ data: { username: actor.username, displayName: actor.username, role: actor.role, unitId: units.get(unit)!.id, passwordHash: "x" } });
      Object.assign(actor, { id: user.id, unitPath: units.get(unit)!.path });
      ids.set(actor.username, { uid: user.id, sv: user.sessionVersion });
    }
  });

  it("a district officer reads the province's districts, their own row marked, only their own row opening", async () => {
    const ranking = await getRankings(district, query("90"));
    expect(ranking.rows.map((r) => r.code).sort()).toEqual(["901", "902", "903"]);
    expect(Object.fromEntries(ranking.rows.map((r) => [r.code, [r.own, r.viewable]]))).toEqual({ "901": [true, true], "902": [false, false], "903": [false, false] });
    // the page's frame and criticism rule for that ranking: only the rankings tab, the rule not editable
    const frame = await getUnitFrame(district, "90", { forRanking: true });
    expect(frame.viewable).toBe(false);
    const criticism = await getCriticismContext(district, { unitCode: "90", metricCode: "activated", asOf: "2023-06-01" });
    expect(criticism.editable).toBe(false);
    // and their own overview's frame links to it
    expect((await getUnitFrame(district, "901")).parentRanking).toEqual({ code: "90", name: "Tỉnh Thử Nghiệm" });
  });

  it("a district officer opens nothing else of the province: no sibling's page, no overview, no deeper ranking", async () => {
    expect(await outcome(getUnitOverview(district, { unitCode: "902", metricCode: "activated", asOf: "2023-06-01" }))).toBe("FORBIDDEN");
    expect(await outcome(getUnitOverview(district, { unitCode: "90", metricCode: "activated", asOf: "2023-06-01" }))).toBe("FORBIDDEN");
    expect(await outcome(getUnitFrame(district, "90"))).toBe("FORBIDDEN");
    expect(await outcome(getUnitFrame(district, "902", { forRanking: true }))).toBe("FORBIDDEN");
    expect(await outcome(getRankings(district, query("902")))).toBe("FORBIDDEN");
    // every commune of the province ranked under the parent would show the siblings' communes
    expect(await outcome(getRankings(district, query("90", { level: 3 })))).toBe("FORBIDDEN");
  });

  it("a commune officer reads their district's communes with their own row marked, and not the province's", async () => {
    const ranking = await getRankings(commune, query("901"));
    expect(Object.fromEntries(ranking.rows.map((r) => [r.code, [r.own, r.viewable]]))).toEqual({ "90101": [true, true], "90102": [false, false] });
    expect(await outcome(getRankings(commune, query("90")))).toBe("FORBIDDEN");
    expect(await outcome(getUnitOverview(commune, { unitCode: "90102", metricCode: "activated", asOf: "2023-06-01" }))).toBe("FORBIDDEN");
    expect((await getUnitFrame(commune, "90101")).parentRanking).toEqual({ code: "901", name: "Huyện Bắc" });
  });

  it("the API answers the same: the parent's ranking for these roles, nothing beyond", async () => {
    session.current = ids.get("bac")!;
    const response = await api("90");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { rows: { code: string }[] }).rows.map((r) => r.code).sort()).toEqual(["901", "902", "903"]);
    expect((await api("902")).status).toBe(403);
    expect((await api("90", "&level=3")).status).toBe(403);
    session.current = ids.get("mot")!;
    expect((await api("901")).status).toBe(200);
    expect((await api("90")).status).toBe(403);
  });

  it("the overview opens the officer's own unit; the other screens still open on the district", async () => {
    expect(await getHomeUnitCode(commune, { own: true })).toBe("90101");
    expect(await getHomeUnitCode(commune)).toBe("901");
    expect(await getHomeUnitCode(district, { own: true })).toBe("901");
    expect(await getHomeUnitCode(province, { own: true })).toBe("90");
  });

  it("other roles are unchanged: a provincial official marks no row", async () => {
    const ranking = await getRankings(province, query("90"));
    expect(ranking.rows.some((r) => r.own)).toBe(false);
    expect(ranking.rows.every((r) => r.viewable)).toBe(true);
  });
});
