import { beforeAll, describe, expect, it } from "vitest";
import { GET as getUnits } from "@/app/api/v1/units/route";
import { GET as getUnitByCode } from "@/app/api/v1/units/[code]/route";
import { GET as getRankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as getProgressRoute } from "@/app/api/v1/progress/route";
import { getRankings } from "@/lib/data/rankings";
import { getProgress } from "@/lib/data/progress";
import { importCsv } from "@/lib/data/import";
import { dayToDate } from "@/lib/domain/dates";
import type { Actor } from "@/lib/auth/permissions";
import { ADMIN, createCampaign, smallTree } from "./fixtures";
import { resetDatabase } from "./helpers";
import { addApiToken } from "../support/users";

const tokens: Record<string, string> = {};
const actors: Record<string, Actor> = {};

async function call(handler: (request: Request) => Promise<Response>, path: string, who: string | null = "province") {
  // Without a valid token the route falls back to the browser session, which needs a request
  // scope; a revoked-looking token exercises the same refusal.
  const headers: Record<string, string> = { authorization: `Bearer ${who ? tokens[who] : "vneid_not-a-token"}` };
  const response = await handler(new Request(`http://test${path}`, { headers }));
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, timing: response.headers.get("server-timing") };
}

describe("read API: /api/v1/units, /rankings, /progress", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    const units = await smallTree(db);
    const campaign = await createCampaign(db);
    const metric = await db.metric.findUniqueOrThrow({ where: { code: "activated" } });
    for (const [code, value] of [["901", 200], ["902", 400], ["90101", 150]] as const) {
      await db.target.create({ data: { campaignId: campaign.id, unitId: units.get(code)!.id, metricId: metric.id, dueDate: dayToDate("2023-06-30"), value } });
    }
    const csv = ["date,unit_code,metric,value", "2023-06-01,90101,activated,50", "2023-06-05,90102,activated,50", "2023-06-01,90201,activated,200", "2023-06-09,90101,activated,7"].join("\n");
    expect((await importCsv(ADMIN, "daily", csv, { now: new Date("2023-06-30T05:00:00Z") })).errors).toEqual([]);
    for (const [username, role, unit] of [["province", "province", "90"], ["bac", "district", "901"]] as const) {
      const user = await db.user.create({ data: { username, displayName: username, passwordHash: "x", role, unitId: units.get(unit)!.id } });
      tokens[username] = await addApiToken(db, user.id);
      actors[username] = { id: user.id, username, role, unitPath: units.get(unit)!.path };
    }
  });

  it("lists the children of a unit, and the roots in scope without a parent", async () => {
    const children = await call(getUnits, "/api/v1/units?parent=90");
    expect(children.status).toBe(200);
    expect(children.body).toEqual([
      { code: "901", name: "Huyện Bắc", type: "Test", level: 2, validFrom: null, validTo: null },
      { code: "902", name: "Huyện Nam", type: "Test", level: 2, validFrom: null, validTo: null },
      { code: "903", name: "Huyện Tây", type: "Test", level: 2, validFrom: null, validTo: null },
    ]);
    expect((await call(getUnits, "/api/v1/units")).body).toEqual([{ code: "90", name: "Tỉnh Thử Nghiệm", type: "Test", level: 1, validFrom: null, validTo: null }]);
    expect((await call(getUnitByCode, "/api/v1/units/90101")).body).toEqual({ code: "90101", name: "Xã Một", type: "Test", level: 3, parentCode: "901", validFrom: null, validTo: null, predecessors: [], successors: [] });
  });

  it("answers rankings in exactly the documented shape, with the page's numbers", async () => {
    const answer = await call(getRankingsRoute, "/api/v1/rankings?parent=90&metric=activated&asOf=2023-06-10");
    expect(answer.status).toBe(200);
    expect(answer.timing).toMatch(/^app;dur=\d+(\.\d+)?$/);
    expect(Object.keys(answer.body).sort()).toEqual(["asOf", "campaign", "metric", "rows"]);
    expect(answer.body).toEqual({
      asOf: "2023-06-10",
      metric: "activated",
      campaign: "dot-1",
      rows: [
        { code: "901", name: "Huyện Bắc", actual: 107, target: 200, percent: 53.5, rank: 1, reportedOn: "2023-06-05" },
        { code: "902", name: "Huyện Nam", actual: 200, target: 400, percent: 50, rank: 2, reportedOn: "2023-06-01" },
        { code: "903", name: "Huyện Tây", actual: 0, target: null, percent: null, rank: null, reportedOn: null },
      ],
    });
    // The page renders getRankings: the same numbers for the same query.
    const page = await getRankings(actors.province, { parentCode: "90", metricCode: "activated", asOf: "2023-06-10" });
    expect(answer.body.rows).toEqual(page.rows.map(({ code, name, actual, target, percent, rank, reportedOn }) => ({ code, name, actual, target, percent, rank, reportedOn })));
  });

  it("answers progress in exactly the documented shape, with the overview's numbers", async () => {
    const answer = await call(getProgressRoute, "/api/v1/progress?unit=901&metric=activated&asOf=2023-06-10");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      unit: "901",
      metric: "activated",
      actual: 107,
      target: 200,
      percent: 53.5,
      dueDate: "2023-06-30",
      projection: { dailyPace: 8.14, projectedOnDueDate: 270, requiredDailyPace: 4.65, status: "on-track" },
    });
    const page = await getProgress(actors.province, { unitCode: "901", metricCode: "activated", asOf: "2023-06-10" });
    expect(answer.body).toMatchObject({ actual: page.actual, target: page.target, percent: page.percent, dueDate: page.dueDate });
  });

  it("refuses: 401 without credentials, 403 outside scope, 400 on bad input, 404 on unknown codes", async () => {
    const unauthenticated = await call(getRankingsRoute, "/api/v1/rankings?parent=90", null);
    expect(unauthenticated).toMatchObject({ status: 401, body: { error: { message: "Chưa xác thực.", fieldErrors: {} } } });
    const forbidden = await call(getProgressRoute, "/api/v1/progress?unit=902", "bac");
    expect(forbidden).toMatchObject({ status: 403, body: { error: { fieldErrors: {} } } });
    expect((await call(getUnits, "/api/v1/units?parent=90", "bac")).status).toBe(403);
    const invalid = await call(getRankingsRoute, "/api/v1/rankings?parent=90&asOf=2023-02-30&level=x");
    expect(invalid.status).toBe(400);
    expect(Object.keys((invalid.body.error as { fieldErrors: object }).fieldErrors).sort()).toEqual(["asOf", "level"]);
    expect((await call(getProgressRoute, "/api/v1/progress")).status).toBe(400);
    const unknown = await call(getProgressRoute, "/api/v1/progress?unit=99999");
    expect(unknown).toMatchObject({ status: 404, body: { error: { message: "Không tìm thấy đơn vị." } } });
    expect((await call(getRankingsRoute, "/api/v1/rankings?parent=90&metric=nope")).status).toBe(404);
    expect(unknown.body).toEqual({ error: { message: "Không tìm thấy đơn vị.", fieldErrors: {} } });
  });
});
