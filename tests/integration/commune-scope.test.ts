// The role table: a commune officer sees "their commune, and its district's rankings". The
// pen-test opened a sibling commune's overview (/units/21004) and progress
// (/api/v1/progress?unit=21004) as tamnghia.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getProgressRoute } from "@/app/api/v1/progress/route";
import { GET as getRankingsRoute } from "@/app/api/v1/rankings/route";
import { getUnitOverview } from "@/lib/data/overview";
import { getRankings } from "@/lib/data/rankings";
import { smallTree } from "./fixtures";
import { resetDatabase } from "./helpers";

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);

const commune = { id: 0, username: "mot", role: "commune" as const, unitPath: "" };
const progress = (unit: string) => getProgressRoute(new Request(`http://test/api/v1/progress?unit=${unit}&metric=activated&asOf=2023-06-01`));
const overview = (unitCode: string) => getUnitOverview(commune, { unitCode, metricCode: "activated", asOf: "2023-06-01" }).then(() => "allowed", (e: { code?: string }) => e.code ?? "error");

describe("a commune officer's view", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    const units = await smallTree(db);
    const user = await db.user.create({ data: { username: "mot", displayName: "Xã Một", role: "commune", unitId: units.get("90101")!.id, passwordHash: "x" } });
    Object.assign(commune, { id: user.id, unitPath: units.get("90101")!.path });
    session.current = { uid: user.id, sv: user.sessionVersion };
  });

  it("opens their own commune and their district", async () => {
    expect((await progress("90101")).status).toBe(200);
    expect((await progress("901")).status).toBe(200);
    expect(await overview("90101")).toBe("allowed");
    expect(await overview("901")).toBe("allowed");
  });

  it("does not open a sibling commune's overview or progress, nor anything further", async () => {
    expect((await progress("90102")).status).toBe(403);
    expect(await overview("90102")).toBe("FORBIDDEN");
    expect((await progress("90")).status).toBe(403);
    expect((await progress("90201")).status).toBe(403);
  });

  it("sees the district's rankings, every commune of it in a row", async () => {
    const response = await getRankingsRoute(new Request("http://test/api/v1/rankings?parent=901&metric=activated&asOf=2023-06-01"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { code: string }[] };
    expect(body.rows.map((r) => r.code).sort()).toEqual(["90101", "90102"]);
    expect((await getRankingsRoute(new Request("http://test/api/v1/rankings?parent=90&metric=activated&asOf=2023-06-01"))).status).toBe(403);
    // the ranking page links only the rows the officer may open
    const ranking = await getRankings(commune, { parentCode: "901", metricCode: "activated", asOf: "2023-06-01" });
    expect(Object.fromEntries(ranking.rows.map((r) => [r.code, r.viewable]))).toEqual({ "90101": true, "90102": false });
  });
});
