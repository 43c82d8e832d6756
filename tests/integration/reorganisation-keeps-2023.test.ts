// Issue 20's acceptance point "the 2023 figures, rankings and reports are unchanged by the
// reorganisation": the official 2023 list of Đà Nẵng (48) and Quảng Nam (49), two campaigns
// with targets on their districts and communes (one of 2023, one running to 31/12/2025, whose
// targets the reorganisation carries over), figures on 2023 days and on the last days before
// 01/07/2025 (so that totals are carried), and an issued report of a 2023 week. Every answer
// for a 2023 day (the API's rankings, progress and units through their route handlers, the
// rankings page's data with its 7-day change, the reporting status, the weekly report's model
// and its file) is captured, the real reorganisation loaded, and every answer asked again:
// the same, but for the units' end and successors, which are asserted on their own, and the
// issued report's frozen model is the same bytes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as progressRoute } from "@/app/api/v1/progress/route";
import { GET as unitsRoute } from "@/app/api/v1/units/route";
import { GET as unitRoute } from "@/app/api/v1/units/[code]/route";
import { GET as weeklyReportRoute } from "@/app/api/v1/reports/weekly/route";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getIssuedReport, issueWeeklyReport } from "@/lib/data/issued-reports";
import { getRankings } from "@/lib/data/rankings";
import { importReorganisation } from "@/lib/data/reorganisation";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { loadUnits, provinceUnits, readOfficialUnits } from "@/lib/db/seed/official-units";
import { addDays, dayToDate } from "@/lib/domain/dates";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { readCsv } from "@/lib/validation/csv";
import { ADMIN } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { addApiToken, addUser } from "../support/users";

// The weekly report's route answers in the request's language (cookies): none here, Vietnamese.
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, has: () => false, getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));
afterEach(() => vi.useRealTimers());

const DATA = path.resolve(import.meta.dirname, "../../prisma/data");
const changesText = readFileSync(path.join(DATA, "unit-changes-vn-2025-07.csv"), "utf8");
const RUN = { date: "2025-07-01", unitsText: readFileSync(path.join(DATA, "admin-units-vn-2025-07.csv"), "utf8"), changesText };

const DAYS = ["2023-06-04", "2023-06-07", "2023-12-31"];
const METRICS = ["activated", "dossiers", "accounts", "cccd"];
/** A day's figures from one number, dossiers ≥ accounts ≥ activated (the funnel the entry checks). */
const FUNNEL: Record<string, (n: number) => number> = { activated: (n) => n, accounts: (n) => 2 * n + 1, dossiers: (n) => 3 * n + 2, cccd: (n) => n + 4 };
const CAMPAIGNS = [null, "cao-diem-2023", "den-2025"];
const WEEK = parseIsoWeek("2023-W23")!; // 05/06/2023 – 11/06/2023
const NOW = new Date("2023-06-12T03:00:00Z");
// a district of each province (Núi Thành, Hòa Vang), a commune of each, a leaf district (Hoàng Sa)
const UNITS = ["48", "49", "517", "497", "20965", "20308", "498"];
const PARENTS = [null, "48", "49", "517", "497"];

const dates = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

let token = "";

async function call(handler: (request: Request) => Promise<Response>, url: string): Promise<{ status: number; body: unknown }> {
  const response = await handler(new Request(`http://test${url}`, { headers: { authorization: `Bearer ${token}` } }));
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") ? await response.json() : Buffer.from(await response.arrayBuffer()).toString("base64") };
}

const query = (params: Record<string, string | null>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== null)).toString();

/** Every 2023 request whose answer must not change (the units' routes are apart: their end changes). */
function requests(): [string, () => Promise<unknown>][] {
  const out: [string, () => Promise<unknown>][] = [];
  for (const asOf of DAYS) {
    for (const metric of METRICS) {
      for (const campaign of CAMPAIGNS) {
        for (const parent of PARENTS) {
          const url = `/api/v1/rankings?${query({ parent, metric, asOf, campaign })}`;
          out.push([url, () => call(rankingsRoute, url)]);
        }
        for (const unit of UNITS) {
          const url = `/api/v1/progress?${query({ unit, metric, asOf, campaign })}`;
          out.push([url, () => call(progressRoute, url)]);
        }
      }
    }
    for (const parent of PARENTS) {
      out.push([`rankings page ${parent} ${asOf}`, () => getRankings(ADMIN, { parentCode: parent, metricCode: "activated", asOf }, { includeChange: true })]);
    }
    for (const unit of ["48", "49", "517", "497"]) out.push([`reporting status ${unit} ${asOf}`, () => getReportingStatus(ADMIN, unit, asOf)]);
  }
  for (const unitCode of ["48", "49", "517"]) {
    for (const campaignCode of [undefined, "cao-diem-2023", "den-2025"]) {
      out.push([`weekly model ${unitCode} ${campaignCode}`, () => getWeeklyReport(ADMIN, { unitCode, week: WEEK, campaignCode }, NOW)]);
    }
  }
  for (const format of ["csv", "xlsx"]) {
    const url = `/api/v1/reports/weekly?unit=49&week=2023-W23&campaign=cao-diem-2023&format=${format}`;
    out.push([url, async () => {
      // the file says when it was computed: the same moment before and after
      vi.useFakeTimers({ toFake: ["Date"], now: NOW });
      try {
        return await call(weeklyReportRoute, url);
      } finally {
        vi.useRealTimers();
      }
    }]);
  }
  return out;
}

/** The national weekly report of the 2023 week (its missing section counts each province's communes of that week). */
const nationalReport = (campaignCode?: string) => getWeeklyReport(ADMIN, { unitCode: null, week: WEEK, campaignCode }, NOW);
const NATIONAL_CAMPAIGNS = [undefined, "cao-diem-2023", "den-2025"];

/** The units' answers on 2023 days: the children of each parent and single units. */
function unitRequests(): [string, () => Promise<{ status: number; body: unknown }>][] {
  const out: [string, () => Promise<{ status: number; body: unknown }>][] = [];
  for (const asOf of ["2023-06-07", "2023-12-31"]) {
    for (const parent of PARENTS) {
      const url = `/api/v1/units?${query({ parent, asOf })}`;
      out.push([url, () => call(unitsRoute, url)]);
    }
    for (const code of UNITS) {
      const url = `/api/v1/units/${code}?asOf=${asOf}`;
      out.push([url, () => call(unitRoute, url)]);
    }
  }
  return out;
}

type UnitAnswer = { code: string; validTo: string | null; predecessors?: unknown[]; successors?: unknown[] };
/** A units answer without what the reorganisation legitimately adds: the end, the successors, and the continuing unit's new predecessors. */
const withoutEnd = (body: unknown) => {
  const strip = ({ validTo: _end, predecessors: _before, successors: _after, ...rest }: UnitAnswer) => rest;
  return Array.isArray(body) ? (body as UnitAnswer[]).map(strip) : strip(body as UnitAnswer);
};

/** What the mapping file says an old unit went into, read without the code under test. */
function successorsInFile(code: string) {
  const csv = readCsv(changesText, ["effective_date", "old_code", "old_name", "new_code", "new_name", "part"], []);
  if (!csv.ok) throw new Error("unreadable mapping");
  return csv.rows.map((r) => r.values).filter((r) => r.old_code === code && !(r.new_code === code && code.length === 2))
    .map((r) => ({ code: r.new_code, name: r.new_name, part: r.part, share: null }));
}

type Renamed = { code: string; name: string; type: string };

const frozenModels = () => testDb().$queryRaw<{ id: number; model: string }[]>`SELECT id, model::text AS model FROM issued_report ORDER BY id`;

describe("the 2025 reorganisation leaves every 2023 answer as it was", () => {
  const before = new Map<string, unknown>();
  const unitsBefore = new Map<string, { status: number; body: unknown }>();
  let frozenBefore: { id: number; model: string }[];
  let issuedBefore: Awaited<ReturnType<typeof getIssuedReport>>[];
  let reorganisationId: number;
  let renamed: (Renamed & { now: Renamed })[];
  const nationalBefore: unknown[] = [];

  beforeAll(async () => {
    const db = await resetDatabase();
    const official = readOfficialUnits();
    await loadUnits(db, [...provinceUnits(official, "48"), ...provinceUnits(official, "49")]);
    const admin = await addUser(db, "quantri", "admin", null);
    token = await addApiToken(db, admin.id);

    // Campaigns: one of 2023 (targets on districts for activated, two milestones; on communes
    // for dossiers), one running across the change (targets on communes, due 31/12/2025).
    const metric = new Map((await db.metric.findMany({ select: { id: true, code: true } })).map((m) => [m.code, m.id]));
    const of2023 = await db.campaign.create({ data: { code: "cao-diem-2023", name: "Cao điểm 2023", startDate: dayToDate("2023-05-01"), endDate: dayToDate("2023-12-31") } });
    const across = await db.campaign.create({ data: { code: "den-2025", name: "Đến hết 2025", startDate: dayToDate("2023-05-01"), endDate: dayToDate("2025-12-31") } });
    const units = await db.unit.findMany({ select: { id: true, code: true, level: true, parentId: true }, orderBy: { code: "asc" } });
    const parents = new Set(units.map((u) => u.parentId));
    const districts = units.filter((u) => u.level === 2);
    const leaves = units.filter((u) => !parents.has(u.id));
    await db.target.createMany({
      data: [
        ...districts.flatMap((u, i) => [["2023-06-30", 2_000], ["2023-12-31", 5_000]].map(([due, value]) => ({ campaignId: of2023.id, unitId: u.id, metricId: metric.get("activated")!, dueDate: dayToDate(due as string), value: (value as number) + 37 * i }))),
        ...leaves.map((u, i) => ({ campaignId: of2023.id, unitId: u.id, metricId: metric.get("dossiers")!, dueDate: dayToDate("2023-12-31"), value: 300 + (i % 13) * 11 })),
        ...leaves.map((u, i) => ({ campaignId: across.id, unitId: u.id, metricId: metric.get("activated")!, dueDate: dayToDate("2025-12-31"), value: 900 + (i % 7) * 23 })),
      ],
    });

    // Figures: the first week of June 2023 (a commune in five skips a day, so reporting has gaps),
    // then the last days before the change, whose totals the reorganisation carries over.
    const rows = leaves.flatMap(({ code }, i) => [...dates("2023-06-01", "2023-06-09"), ...dates("2025-06-28", "2025-06-30")]
      .filter((date, d) => (i + d) % 5 !== 0)
      .flatMap((date, d) => METRICS.map((m) => ({ date, unitCode: code, metric: m, value: FUNNEL[m]!(((i * 7 + d * 3) % 17) + 1), kind: "daily" as const }))));
    const saved = await saveDailyFigures(ADMIN, rows.map((r, ref) => ({ ...r, ref })), { now: new Date("2025-06-30T10:00:00Z") });
    expect(saved).toMatchObject({ ok: true });

    await issueWeeklyReport(ADMIN, { unitCode: "49", week: WEEK, campaignCode: "cao-diem-2023", lockDays: false }, NOW);
    await issueWeeklyReport(ADMIN, { unitCode: "48", week: WEEK, lockDays: true }, NOW);
    frozenBefore = await frozenModels();
    issuedBefore = await Promise.all(frozenBefore.map((r) => getIssuedReport(ADMIN, r.id)));

    for (const [key, ask] of requests()) before.set(key, await ask());
    for (const [key, ask] of unitRequests()) unitsBefore.set(key, await ask());
    for (const campaign of NATIONAL_CAMPAIGNS) nationalBefore.push(await nationalReport(campaign));

    const result = await importReorganisation(ADMIN, RUN);
    expect(result).toMatchObject({ ok: true });
    reorganisationId = result.id!;
    const row = await db.unitReorganisation.findUniqueOrThrow({ where: { id: reorganisationId }, select: { renamed: true } });
    renamed = await Promise.all((row.renamed as Renamed[]).map(async (r) => ({ ...r, now: await db.unit.findFirstOrThrow({ where: { code: r.code, validFrom: null }, select: { code: true, name: true, type: true } }) })));
  }, 600_000);

  // a continuing unit takes the 2025 list's label from 01/07/2025; views dated before keep its
  // 2023 label (lib/data/unit-labels.ts), so every answer below is compared as it is
  it("relabels only Đà Nẵng, which continues: its type is the 2025 list's from the change", () => {
    expect(renamed.map(({ id: _id, ...r }: Renamed & { id?: number }) => r)).toEqual([{ code: "48", name: "Thành phố Đà Nẵng", type: "Thành phố Trung ương", now: { code: "48", name: "Thành phố Đà Nẵng", type: "Thành phố" } }]);
  });

  it("answers every 2023 question it answered before (sanity: they are answers, with figures)", () => {
    const ranking = before.get("/api/v1/rankings?parent=49&metric=activated&asOf=2023-06-07") as { status: number; body: { rows: { actual: number; percent: number | null }[] } };
    expect(ranking.status).toBe(200);
    expect(ranking.body.rows).toHaveLength(18);
    expect(ranking.body.rows.every((r) => r.actual > 0 && r.percent !== null)).toBe(true);
    for (const [key, answer] of before) if (key.startsWith("/api/")) expect({ key, status: (answer as { status: number }).status }).toEqual({ key, status: 200 });
    expect(before.size).toBeGreaterThan(300);
  });

  it("the rankings, progress, reporting status and weekly reports of 2023 are the same after it", async () => {
    for (const [key, ask] of requests()) expect({ key, answer: await ask() }).toEqual({ key, answer: before.get(key) });
  });

  // The missing section counts only the leaves existing in the week (weekGapsOf): Đà Nẵng's 94
  // new communes (from 01/07/2025) are not "never reported" in a 2023 week.
  it("the national weekly report of 2023 is the same after it", async () => {
    for (const [i, campaign] of NATIONAL_CAMPAIGNS.entries()) expect({ campaign, model: await nationalReport(campaign) }).toEqual({ campaign, model: nationalBefore[i] });
  });

  it("the units of 2023 are the same after it, but for their end and successors, which say where each went", async () => {
    for (const [key, ask] of unitRequests()) {
      const was = unitsBefore.get(key)!;
      const now = await ask();
      expect(now.status).toBe(200);
      expect({ key, unit: withoutEnd(now.body) }).toEqual({ key, unit: withoutEnd(was.body) });
      for (const unit of Array.isArray(now.body) ? (now.body as UnitAnswer[]) : [now.body as UnitAnswer]) {
        // Đà Nẵng continues (the same row); every other 2023 unit here ends on 30/06/2025
        expect({ key, code: unit.code, validTo: unit.validTo }).toEqual({ key, code: unit.code, validTo: unit.code === "48" ? null : "2025-06-30" });
        if (unit.predecessors) expect({ key, predecessors: unit.predecessors }).toEqual({ key, predecessors: unit.code === "48" ? [{ code: "49", name: "Tỉnh Quảng Nam", part: "full", share: null }] : [] });
        if (unit.successors) expect({ key, successors: unit.successors }).toEqual({ key, successors: unit.code === "49" ? [{ code: "48", name: "Thành phố Đà Nẵng", part: "full", share: null }] : successorsInFile(unit.code) });
      }
    }
    // what was checked: Xã Tam Xuân I went into a new commune, Núi Thành (a district) into none
    expect((await call(unitRoute, "/api/v1/units/20968?asOf=2023-06-07")).body).toMatchObject({ validTo: "2025-06-30", successors: [expect.objectContaining({ part: "full" })] });
    expect((unitsBefore.get("/api/v1/units/517?asOf=2023-06-07")!.body as UnitAnswer)).toMatchObject({ validTo: null, successors: [] });
  });

  it("an issued report of a 2023 week keeps its frozen model, byte for byte", async () => {
    expect(frozenBefore).toHaveLength(2);
    expect(await frozenModels()).toEqual(frozenBefore);
    expect(await Promise.all(frozenBefore.map((r) => getIssuedReport(ADMIN, r.id)))).toEqual(issuedBefore);
  });

  it("was a reorganisation that changed the present: Quảng Nam ends into Đà Nẵng, whose total carries it", async () => {
    const after = await call(rankingsRoute, "/api/v1/rankings?parent=49&metric=activated&asOf=2026-01-01");
    expect(after.status).toBe(404);
    const db = testDb();
    expect(await db.unitCarry.count()).toBeGreaterThan(0);
    expect(await db.unit.count({ where: { endedByReorganisationId: reorganisationId } })).toBeGreaterThan(300);
  });
});
