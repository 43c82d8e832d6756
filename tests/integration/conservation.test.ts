// Issue 20's conservation test, on the real lists: Đà Nẵng (48) and Quảng Nam (49) of 2023,
// figures on every old commune in the last days before 01/07/2025, the official
// reorganisation loaded, figures on Đà Nẵng's 94 new communes after it, then corrections of
// days before the change on old communes (a whole predecessor and one split without a share).
// For every day of the campaign, Đà Nẵng's total is the sum of its children of that day plus
// its "not allocated", the province's total is conserved across the date, the rankings add
// up the same way, and every maintained table equals a full rebuild.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { getRankings } from "@/lib/data/rankings";
import { getProgress } from "@/lib/data/progress";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { cumulativeAt, notAllocatedAt, runningTotalsByDay } from "@/lib/data/figures-at";
import { importReorganisation, undoReorganisation } from "@/lib/data/reorganisation";
import { rebuildTotals } from "@/lib/data/totals";
import { addDays } from "@/lib/domain/dates";
import { dailyPaceOf } from "@/lib/domain/projection";
import { EXISTS_ON } from "@/lib/db/unit-lifetime";
import { OFFICIAL_UNITS_FILE } from "@/lib/db/seed/official-units";
import { readCsv } from "@/lib/validation/csv";
import { GET as getRankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as getProgressRoute } from "@/app/api/v1/progress/route";
import { ADMIN } from "./fixtures";
import { addApiToken, addUser } from "../support/users";
import { resetDatabase, testDb } from "./helpers";

const DATA = path.resolve(import.meta.dirname, "../../prisma/data");
const CHANGE = "2025-07-01";
const FIRST = "2025-06-24";
const LAST = "2025-07-08";
const METRICS = ["dossiers", "activated"] as const;
const DUE = "2025-12-31";

/** The 2023 list of Đà Nẵng and Quảng Nam only (the provinces, their districts and communes). */
function twoProvinces(): string {
  const text = readFileSync(OFFICIAL_UNITS_FILE, "utf8");
  const csv = readCsv(text, ["code", "name", "type", "parent_code", "level"], []);
  if (!csv.ok) throw new Error("unreadable official list");
  const keep = new Set(["48", "49"]);
  const lines = ["code,name,type,parent_code,level"];
  for (const { values: u } of csv.rows) {
    if (u.level === "1" ? keep.has(u.code) : keep.has(u.parent_code)) {
      keep.add(u.code);
      lines.push([u.code, u.name, u.type, u.parent_code, u.level].join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

const snapshot = () => testDb().$queryRawUnsafe<unknown[]>(`
  SELECT 'carry' AS t, json_agg(c ORDER BY unit_id, metric_id, source_id) AS rows FROM unit_carry c
  UNION ALL SELECT 'total', json_agg(t ORDER BY unit_id, metric_id, date) FROM daily_total t
  UNION ALL SELECT 'report', json_agg(r ORDER BY unit_id, date) FROM unit_report r
  UNION ALL SELECT 'fact', json_agg(f ORDER BY level, metric_id, date, unit_id) FROM ranking_fact f
  UNION ALL SELECT 'figure', json_agg(f.cumulative ORDER BY unit_id, metric_id, date) FROM figure f`);

describe("running totals conserved across the reorganisation of 01/07/2025", () => {
  const ids = new Map<string, number>();
  let reorganisationId: number;

  beforeAll(async () => {
    const db = await resetDatabase();
    expect(await importCsv(ADMIN, "units", twoProvinces())).toMatchObject({ ok: true });
    const old = await db.unit.findMany({ where: { level: 3 }, select: { code: true }, orderBy: { code: "asc" } });
    const before = old.flatMap(({ code }, i) =>
      days(FIRST, addDays(CHANGE, -1)).flatMap((date, d) =>
        METRICS.map((metric, k) => ({ ref: 0, date, unitCode: code, metric, value: ((i * 7 + d * 3 + k * 5) % 11) + (metric === "dossiers" ? 4 : 0), kind: "daily" as const }))));
    const saved = await saveDailyFigures(ADMIN, before.map((r, ref) => ({ ...r, ref })), { now: new Date(`${CHANGE}T03:00:00Z`) });
    expect(saved.ok).toBe(true);

    // a campaign across the change, its targets set on the 2023 units (each district and
    // province the sum of its communes), due 31/12/2025
    const campaign = await db.campaign.create({ data: { code: "qua-2025", name: "Đợt qua sắp xếp", startDate: new Date("2025-06-01T00:00:00Z"), endDate: new Date("2025-12-31T00:00:00Z") }, select: { id: true } });
    const activated = (await db.metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const tree = await db.unit.findMany({ select: { id: true, path: true, level: true } });
    const targetOf = new Map<string, number>();
    for (const [i, u] of tree.filter((t) => t.level === 3).sort((a, b) => a.path.localeCompare(b.path)).entries()) {
      const parts = u.path.split("/").filter(Boolean);
      for (let k = 1; k <= parts.length; k++) {
        const at = `${parts.slice(0, k).join("/")}/`;
        targetOf.set(at, (targetOf.get(at) ?? 0) + 1000 + i);
      }
    }
    await db.target.createMany({
      data: tree.filter((u) => targetOf.has(u.path)).map((u) => ({ campaignId: campaign.id, unitId: u.id, metricId: activated, dueDate: new Date(`${DUE}T00:00:00Z`), value: targetOf.get(u.path)! })),
    });

    const result = await importReorganisation(ADMIN, {
      date: CHANGE,
      unitsText: readFileSync(path.join(DATA, "admin-units-vn-2025-07.csv"), "utf8"),
      changesText: readFileSync(path.join(DATA, "unit-changes-vn-2025-07.csv"), "utf8"),
    });
    expect(result).toMatchObject({ ok: true });
    reorganisationId = result.id!;

    const fresh = await db.unit.findMany({ where: { parent: { code: "48" }, validFrom: new Date(`${CHANGE}T00:00:00Z`) }, select: { code: true }, orderBy: { code: "asc" } });
    expect(fresh).toHaveLength(94);
    const after = fresh.flatMap(({ code }, i) =>
      days(CHANGE, LAST).flatMap((date, d) =>
        METRICS.map((metric, k) => ({ ref: 0, date, unitCode: code, metric, value: ((i * 5 + d + k) % 9) + (metric === "dossiers" ? 3 : 0), kind: "daily" as const }))));
    expect((await saveDailyFigures(ADMIN, after.map((r, ref) => ({ ...r, ref })), { now: new Date(`${LAST}T10:00:00Z`) })).ok).toBe(true);

    // corrections of days before the change, entered after it: Xã Hòa Bắc went wholly into
    // Phường Hải Vân; Xã Hòa Liên was split without shares; one Quảng Nam commune
    const corrections = ["20293", "20296", "20335"].flatMap((code) =>
      METRICS.map((metric, k) => ({ date: "2025-06-26", unitCode: code, metric, value: 40 + k, kind: "daily" as const, reason: "Sửa số liệu" })));
    const corrected = await saveDailyFigures(ADMIN, corrections.map((r, ref) => ({ ...r, ref })), { now: new Date(`${LAST}T11:00:00Z`) });
    expect(corrected.ok).toBe(true);

    for (const u of await db.unit.findMany({ where: { code: { in: ["48", "49", "20194", "20293", "20296", "20335"] } }, select: { id: true, code: true, validFrom: true } })) {
      ids.set(u.validFrom ? `${u.code}@new` : u.code, u.id);
    }
  }, 300_000);

  async function childrenOn(parentId: number, day: string): Promise<number[]> {
    const rows = await testDb().$queryRawUnsafe<{ id: number }[]>(`SELECT u.id FROM unit u WHERE u.parent_id = $1 AND ${EXISTS_ON("u", "$2::date")}`, parentId, day);
    return rows.map((r) => r.id);
  }

  it("gives Đà Nẵng's total, on every day, as the sum of its children of that day plus its not allocated", async () => {
    const danang = ids.get("48")!;
    let notAllocatedSeen = 0;
    for (const metric of METRICS) {
      const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: metric } })).id;
      for (const day of days(FIRST, LAST)) {
        const children = await childrenOn(danang, day);
        expect(children.length).toBe(day < CHANGE ? 8 : 94);
        const totals = await cumulativeAt([danang, ...children], metricId, [day]);
        const sum = children.reduce((s, id) => s + totals.get(`${id}|${day}`)!, 0);
        const notAllocated = (await notAllocatedAt([danang], metricId, day)).get(danang) ?? 0;
        if (day < CHANGE) expect(notAllocated).toBe(0);
        notAllocatedSeen = Math.max(notAllocatedSeen, notAllocated);
        expect({ day, metric, total: totals.get(`${danang}|${day}`) }).toEqual({ day, metric, total: sum + notAllocated });
      }
    }
    // Hòa Liên and others were split without shares: part of their figures is not allocated
    expect(notAllocatedSeen).toBeGreaterThan(0);
  });

  it("conserves the province's total across the date: Đà Nẵng on 01/07 is both old provinces on 30/06 plus 01/07's figures", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const eve = addDays(CHANGE, -1);
    const totals = await cumulativeAt([ids.get("48")!, ids.get("49")!], metricId, [eve, CHANGE]);
    const [{ entered }] = await testDb().$queryRaw<{ entered: number }[]>`
      SELECT coalesce(sum(value), 0)::int AS entered FROM figure WHERE metric_id = ${metricId} AND date = ${new Date(`${CHANGE}T00:00:00Z`)}`;
    expect(entered).toBeGreaterThan(0);
    expect(totals.get(`${ids.get("48")}|${CHANGE}`)).toBe(totals.get(`${ids.get("48")}|${eve}`)! + totals.get(`${ids.get("49")}|${eve}`)! + entered);
  });

  it("carries a whole predecessor's total into its successor, corrections included", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const eve = addDays(CHANGE, -1);
    const haiVan = ids.get("20194@new")!;
    // Phường Hải Vân ← Hòa Hiệp Bắc, Hòa Hiệp Nam, Hòa Bắc (whole) and part of Hòa Liên (no share)
    const wholes = await testDb().unit.findMany({ where: { code: { in: ["20194", "20195", "20293"] }, validFrom: null }, select: { id: true } });
    const before = await cumulativeAt(wholes.map((u) => u.id), metricId, [eve]);
    const carried = wholes.reduce((s, u) => s + before.get(`${u.id}|${eve}`)!, 0);
    const [{ own }] = await testDb().$queryRaw<{ own: number }[]>`
      SELECT coalesce(sum(value), 0)::int AS own FROM figure WHERE unit_id = ${haiVan} AND metric_id = ${metricId} AND date <= ${new Date(`${LAST}T00:00:00Z`)}`;
    expect((await cumulativeAt([haiVan], metricId, [LAST])).get(`${haiVan}|${LAST}`)).toBe(carried + own);
    // Hòa Bắc's correction of 26/06 is in it
    const [{ value }] = await testDb().$queryRaw<{ value: number }[]>`
      SELECT value FROM figure WHERE unit_id = ${ids.get("20293")!} AND metric_id = ${metricId} AND date = '2025-06-26'::date`;
    expect(value).toBe(41);
  });

  it("draws the trend through the change: a new ward's line is its whole predecessors' past before it, and no step on the day", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const haiVan = ids.get("20194@new")!;
    const wholes = (await testDb().unit.findMany({ where: { code: { in: ["20194", "20195", "20293"] }, validFrom: null }, select: { id: true } })).map((u) => u.id);
    const all = days(FIRST, LAST);
    const own = await cumulativeAt([haiVan, ...wholes], metricId, all);
    const trend = await runningTotalsByDay([haiVan], metricId, FIRST, LAST);
    // before the change: the three whole predecessors' running totals (Hòa Liên, split without a share, carries nothing to it)
    expect(trend).toEqual(all.map((day) => ({
      day,
      cumulative: day < CHANGE ? wholes.reduce((sum, id) => sum + own.get(`${id}|${day}`)!, 0) : own.get(`${haiVan}|${day}`)!,
    })));
    // the change's day adds the ward's own work of that day only
    const [{ entered }] = await testDb().$queryRaw<{ entered: number }[]>`
      SELECT coalesce(sum(value), 0)::int AS entered FROM figure WHERE unit_id = ${haiVan} AND metric_id = ${metricId} AND date = ${new Date(`${CHANGE}T00:00:00Z`)}`;
    const at = (day: string) => trend.find((p) => p.day === day)!.cumulative;
    expect(at(CHANGE) - at(addDays(CHANGE, -1))).toBe(entered);

    // the city: its own past and Quảng Nam's, which went into it whole
    const city = await runningTotalsByDay([ids.get("48")!], metricId, FIRST, LAST);
    const totals = await cumulativeAt([ids.get("48")!, ids.get("49")!], metricId, all);
    expect(city).toEqual(all.map((day) => ({
      day,
      cumulative: totals.get(`${ids.get("48")}|${day}`)! + (day < CHANGE ? totals.get(`${ids.get("49")}|${day}`)! : 0),
    })));
  });

  it("ranks Đà Nẵng's 94 communes with the carried totals, and the country's provinces with Đà Nẵng's total", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const danang = ids.get("48")!;
    const ranking = await getRankings(ADMIN, { parentCode: "48", asOf: LAST, metricCode: "activated" });
    expect(ranking.rows).toHaveLength(94);
    const total = (await cumulativeAt([danang], metricId, [LAST])).get(`${danang}|${LAST}`)!;
    const notAllocated = (await notAllocatedAt([danang], metricId, LAST)).get(danang) ?? 0;
    expect(ranking.rows.reduce((s, r) => s + r.actual, 0) + notAllocated).toBe(total);
    const provinces = await getRankings(ADMIN, { parentCode: null, level: 1, asOf: LAST, metricCode: "activated" });
    expect(provinces.rows.find((r) => r.code === "48")?.actual).toBe(total);
    const communes = await getRankings(ADMIN, { parentCode: null, level: 2, asOf: LAST, metricCode: "activated" });
    const haiVan = ids.get("20194@new")!;
    expect(communes.rows.find((r) => r.code === "20194")?.actual).toBe((await cumulativeAt([haiVan], metricId, [LAST])).get(`${haiVan}|${LAST}`));
  });

  it("answers the API the same way: the rankings of Đà Nẵng's communes plus notAllocated make its progress", async () => {
    expect((await getRankings(ADMIN, { parentCode: "48", asOf: LAST, metricCode: "activated" })).notAllocated).toBeGreaterThan(0);
    const user = await addUser(testDb(), "danang", "province", "48");
    const token = await addApiToken(testDb(), user.id);
    const call = async (handler: (request: Request) => Promise<Response>, path: string) => {
      const response = await handler(new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } }));
      expect(response.status).toBe(200);
      return (await response.json()) as { actual: number; notAllocated?: number; rows: { actual: number }[] };
    };
    const ranking = await call(getRankingsRoute, `/api/v1/rankings?parent=48&metric=activated&asOf=${LAST}`);
    const progress = await call(getProgressRoute, `/api/v1/progress?unit=48&metric=activated&asOf=${LAST}`);
    expect(ranking.rows).toHaveLength(94);
    expect(ranking.notAllocated).toBeGreaterThan(0);
    expect(ranking.rows.reduce((s, r) => s + r.actual, 0) + ranking.notAllocated!).toBe(progress.actual);
    // the weekly report of the week after the change says it under its ranking
    const week = await getWeeklyReport(ADMIN, { unitCode: "48", week: { year: 2025, week: 28 } });
    expect(week.ranking).toHaveLength(94);
    expect(week.notAllocated).toBe((await getRankings(ADMIN, { parentCode: "48", asOf: "2025-07-13", metricCode: week.metric.code })).notAllocated);
    expect(week.notAllocated).toBeGreaterThan(0);
    // before the change nothing is unallocated: the key is absent, the answer as it always was
    const old = await call(getRankingsRoute, `/api/v1/rankings?parent=48&metric=activated&asOf=2025-06-30`);
    expect(Object.keys(old).sort()).toEqual(["asOf", "campaign", "metric", "rows"]);
  });

  it("carries the targets set on the old units: a new ward's is its whole predecessors', the province's is conserved", async () => {
    const db = testDb();
    const targetOf = async (code: string, old: boolean) =>
      (await db.target.findFirstOrThrow({ where: { unit: { code, validFrom: old ? null : { not: null } } }, select: { value: true } })).value;
    // Phường Hải Vân ← Hòa Hiệp Bắc, Hòa Hiệp Nam, Hòa Bắc (whole); Hòa Liên (split, no share) gives it nothing
    const haiVan = (await getRankings(ADMIN, { parentCode: "48", asOf: LAST, metricCode: "activated", campaignCode: "qua-2025" })).rows.find((r) => r.code === "20194")!;
    expect(haiVan.target).toBe((await targetOf("20194", true)) + (await targetOf("20195", true)) + (await targetOf("20293", true)));
    expect(haiVan.percent).not.toBeNull();
    // Đà Nẵng's own target (its 2023 communes') plus Quảng Nam's communes' from the change on: every old commune's
    const [{ all }] = await db.$queryRaw<{ all: number }[]>`
      SELECT sum(t.value)::int AS all FROM target t JOIN unit u ON u.id = t.unit_id WHERE u.level = 3 AND u.valid_from IS NULL`;
    const provinces = async (asOf: string) => (await getRankings(ADMIN, { parentCode: null, asOf, metricCode: "activated", campaignCode: "qua-2025" })).rows.find((r) => r.code === "48")!.target;
    expect(await provinces(LAST)).toBe(all);
    expect(await provinces("2025-06-30")).toBe(await targetOf("48", true));
    // the progress (overview, API) says the same
    expect((await getProgress(ADMIN, { unitCode: "48", metricCode: "activated", asOf: LAST, campaignCode: "qua-2025" })).target).toBe(all);
  });

  it("measures a new ward's pace by its own week's work, not by what was carried into it", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const day = "2025-07-05";
    const haiVan = ids.get("20194@new")!;
    const [{ own }] = await testDb().$queryRaw<{ own: number }[]>`
      SELECT coalesce(sum(value), 0)::int AS own FROM figure WHERE unit_id = ${haiVan} AND metric_id = ${metricId} AND date <= ${new Date(`${day}T00:00:00Z`)}`;
    const progress = await getProgress(ADMIN, { unitCode: "20194", metricCode: "activated", asOf: day, campaignCode: "qua-2025" });
    expect(progress.actual).toBeGreaterThan(own);
    expect(progress.projection.dailyPace).toBe(dailyPaceOf(own, 0));
  });

  it("shows a new ward's running total on the entry grid as the views do, and takes a 'lũy kế' entry in the same sense", async () => {
    const metricId = (await testDb().metric.findUniqueOrThrow({ where: { code: "activated" } })).id;
    const day = addDays(LAST, 1);
    const haiVan = ids.get("20194@new")!;
    const before = (await cumulativeAt([haiVan], metricId, [LAST])).get(`${haiVan}|${LAST}`)!;
    const grid = await getDailyGrid(ADMIN, day, "48");
    const cell = grid.rows.find((r) => r.unitCode === "20194")!.cells.find((c) => c.metric === "activated")!;
    expect(cell.previous).toBe(before);
    const saved = await saveDailyFigures(ADMIN, [{ ref: 0, date: day, unitCode: "20194", metric: "activated", value: before + 7, kind: "cumulative" }], { now: new Date(`${day}T10:00:00Z`) });
    expect(saved.ok).toBe(true);
    const [{ value }] = await testDb().$queryRaw<{ value: number }[]>`
      SELECT value FROM figure WHERE unit_id = ${haiVan} AND metric_id = ${metricId} AND date = ${new Date(`${day}T00:00:00Z`)}`;
    expect(value).toBe(7);
    expect((await cumulativeAt([haiVan], metricId, [day])).get(`${haiVan}|${day}`)).toBe(before + 7);
  });

  it("keeps every maintained table equal to a full rebuild", async () => {
    const maintained = await snapshot();
    await testDb().$transaction((tx) => rebuildTotals(tx), { timeout: 120_000 });
    expect(await snapshot()).toEqual(maintained);
  });

  it("is refused undoing once figures are entered on the new units", async () => {
    await expect(undoReorganisation(ADMIN, reorganisationId)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("undoing a reorganisation that carried figures", () => {
  it("leaves every derived table as it was before it (carries, totals, who reported, ranking facts)", async () => {
    const db = await resetDatabase();
    expect(await importCsv(ADMIN, "units", twoProvinces())).toMatchObject({ ok: true });
    const old = await db.unit.findMany({ where: { level: 3 }, select: { code: true }, orderBy: { code: "asc" }, take: 60 });
    const rows = old.flatMap(({ code }, i) => ["2025-06-20", "2025-06-30"].map((date, d) => ({ ref: i * 2 + d, date, unitCode: code, metric: "activated", value: 5 + i + d, kind: "daily" as const })));
    expect((await saveDailyFigures(ADMIN, rows, { now: new Date(`${CHANGE}T03:00:00Z`) })).ok).toBe(true);
    const before = await snapshot();
    const result = await importReorganisation(ADMIN, {
      date: CHANGE,
      unitsText: readFileSync(path.join(DATA, "admin-units-vn-2025-07.csv"), "utf8"),
      changesText: readFileSync(path.join(DATA, "unit-changes-vn-2025-07.csv"), "utf8"),
    });
    expect(result.ok).toBe(true);
    expect(await db.unitCarry.count()).toBeGreaterThan(0);
    await undoReorganisation(ADMIN, result.id!);
    expect(await db.unitCarrySource.count()).toBe(0);
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
