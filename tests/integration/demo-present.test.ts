// The demo's present (issue 20, lib/db/seed/demo-present.ts): Quảng Nam's campaign in 2023,
// the reorganisation of 01/07/2025 loaded from the shared files by the one import, Thành phố
// Đà Nẵng's 94 communes with a campaign up to today, and its accounts. Generated for a fixed
// day, so that what these tests find is the same on every run.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_2023_DAY, seedDemo } from "@/lib/db/seed/demo";
import { PRESENT_CAMPAIGN, PRESENT_USERS, REORGANISATION_DAY } from "@/lib/db/seed/demo-present";
import { getRankings } from "@/lib/data/rankings";
import { getProgress } from "@/lib/data/progress";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { addDays, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { ADMIN } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { refusal } from "../support/refusal";
import { resolveReportTarget } from "@/lib/data/weekly-report-envelope";
import { formatIsoWeek } from "@/lib/domain/weeks";
import { importReorganisation } from "@/lib/data/reorganisation";
import { readFileSync } from "node:fs";
import path from "node:path";

const NOW = new Date("2026-12-04T03:00:00Z");
const TODAY = todayInVietnam(NOW);

async function signedIn(username: string): Promise<SessionUserDTO> {
  const user = await testDb().user.findUniqueOrThrow({ where: { username }, select: { id: true, sessionVersion: true } });
  return (await getSessionUser(user.id, user.sessionVersion))!;
}

describe("the demo's present", () => {
  beforeAll(async () => {
    await resetDatabase();
    const first = await seedDemo(testDb(), NOW, { present: true });
    expect(first.seeded).toBe(true);
  }, 600_000);

  it("holds Quảng Nam's campaign in 2023 and Thành phố Đà Nẵng's 94 communes from 01/07/2025, reorganised once by the one import", async () => {
    const db = testDb();
    expect(await db.unitReorganisation.count()).toBe(1);
    const quangNam = await db.unit.findFirstOrThrow({ where: { code: "49" }, select: { dissolvedOn: true } });
    expect(quangNam.dissolvedOn?.toISOString().slice(0, 10)).toBe(REORGANISATION_DAY);
    const daNang = await db.unit.findFirstOrThrow({ where: { code: "48" }, select: { id: true, validFrom: true, kind: true } });
    expect(daNang.validFrom?.toISOString().slice(0, 10)).toBe(REORGANISATION_DAY);
    expect(await db.unit.count({ where: { parentId: daNang.id, kind: "commune" } })).toBe(94);
    const lastDay = async (prefix: string) => (await db.$queryRaw<{ day: string }[]>`
      SELECT max(f.date)::text AS day FROM figure f JOIN unit u ON u.id = f.unit_id WHERE u.path LIKE ${`${prefix}%`}`)[0].day;
    expect(await lastDay("49/")).toBe(DEMO_2023_DAY);
    expect(await lastDay("48/")).toBe(TODAY);
    // again: nothing changes
    const counts = { units: await db.unit.count(), figures: await db.figure.count(), users: await db.user.count() };
    expect(await seedDemo(testDb(), NOW, { present: true })).toEqual({ seeded: false, units: 0, figures: 0 });
    expect({ units: await db.unit.count(), figures: await db.figure.count(), users: await db.user.count() }).toEqual(counts);
  });

  it("keeps Quảng Nam's 2023 ranking of 18 districts, at visibly different paces", async () => {
    const ranking = await getRankings(ADMIN, { parentCode: "49", metricCode: "activated", asOf: DEMO_2023_DAY });
    expect(ranking.rows).toHaveLength(18);
    expect(ranking.childKind).toBe("district");
    const percents = ranking.rows.map((r) => r.percent ?? 0);
    expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(30);
  });

  it("Đà Nẵng's official ranks 94 communes today against the current campaign, on top of what Quảng Nam carried in, and reads Quảng Nam's 2023", async () => {
    const danang = await signedIn("danang");
    expect(danang.historyPaths).toEqual(["49/"]);
    const today = await getRankings(danang, { parentCode: "48", metricCode: "activated", asOf: TODAY });
    expect(today.campaign).toBe(PRESENT_CAMPAIGN);
    expect(today.childKind).toBe("commune");
    expect(today.rows).toHaveLength(94);
    const progress = await getProgress(danang, { unitCode: "48", metricCode: "activated", asOf: TODAY });
    const carriedIn = (await getProgress(ADMIN, { unitCode: "49", metricCode: "activated", asOf: addDays(REORGANISATION_DAY, -1) })).actual;
    expect(carriedIn).toBeGreaterThan(0);
    expect(progress.actual).toBeGreaterThan(carriedIn);
    expect(progress.target).toBeGreaterThan(progress.actual);
    // conserved across the change: the day after, the city holds exactly what Quảng Nam held
    expect((await getProgress(danang, { unitCode: "48", metricCode: "activated", asOf: REORGANISATION_DAY })).actual).toBe(carriedIn);
    // the rows and what is not allocated make the city's total
    expect(today.rows.reduce((sum, r) => sum + r.actual, 0) + today.notAllocated).toBe(progress.actual);
    // Quảng Nam on the press figures' day, read as the city's past
    expect((await getRankings(danang, { parentCode: "49", metricCode: "activated", asOf: DEMO_2023_DAY })).rows).toHaveLength(18);
    // a few communes have not reported today
    const status = await getReportingStatus(danang, "48", TODAY);
    expect(status.leaves).toBe(94);
    expect(status.reported).toBeGreaterThan(80);
    expect(status.reported).toBeLessThan(94);
  });

  it("Hội An's police read their ward today and the five units it took, and Quảng Nam's 2023 accounts stay on their ended units", async () => {
    const hoian = await signedIn("hoian");
    expect(hoian.role).toBe(PRESENT_USERS[1].role);
    expect(hoian.historyPaths).toEqual(["49/503/20398/", "49/503/20404/", "49/503/20410/", "49/503/20425/", "49/503/20428/"]);
    expect((await getProgress(hoian, { unitCode: "20410", metricCode: "activated", asOf: TODAY })).reportedOn).toBe(TODAY);
    expect((await getProgress(hoian, { unitCode: "20398", metricCode: "activated", asOf: DEMO_2023_DAY })).actual).toBeGreaterThan(0);
    expect((await refusal(getProgress(hoian, { unitCode: "20401", metricCode: "activated", asOf: TODAY })))?.code).toBe("FORBIDDEN");
    const tinh = await signedIn("tinh");
    expect(tinh.unitPath).toBe("49/");
    expect((await getProgress(tinh, { unitCode: "49", metricCode: "activated", asOf: DEMO_2023_DAY })).actual).toBeGreaterThan(0);
    // their views open where their history stops, the weekly report on that day's last complete week
    expect(tinh.homeDay).toBe(DEMO_2023_DAY);
    expect(formatIsoWeek((await resolveReportTarget(tinh, {})).week)).toBe("2023-W22");
    expect((await signedIn("nuithanh")).homeDay).toBe(DEMO_2023_DAY);
    expect(hoian.homeDay).toBeNull();
    expect((await signedIn("danang")).homeDay).toBeNull();
  });

  it("takes the whole country's files after the one city: Đà Nẵng is left as it is, the 33 other provinces start", async () => {
    const db = testDb();
    const data = (file: string) => readFileSync(path.join(process.cwd(), "prisma", "data", file), "utf8");
    const run = { date: REORGANISATION_DAY, unitsText: data("admin-units-vn-2025-07.csv"), changesText: data("unit-changes-vn-2025-07.csv") };
    const daNang = await db.unit.findMany({ where: { path: { startsWith: "48/" } }, orderBy: { id: "asc" }, select: { id: true, code: true, name: true, validFrom: true, dissolvedOn: true } });
    const checked = await importReorganisation(ADMIN, { ...run, dryRun: true });
    expect(checked).toMatchObject({ ok: true, errorCount: 0 });
    const summary = checked.summary!;
    expect(summary.alreadyLoaded).toEqual([{ code: "48", name: "Thành phố Đà Nẵng" }]);
    // 33 provinces and their 3,227 communes; nothing of Quảng Nam's ends again
    expect({ starting: summary.starting, ending: summary.ending, provinces: summary.provinces.length }).toEqual({ starting: 33 + 3_321 - 94, ending: 0, provinces: 33 });
    expect(await importReorganisation(ADMIN, run)).toMatchObject({ ok: true });
    const today = dayToDate(TODAY);
    expect(await db.unit.count({ where: { parentId: null, ...existsOnWhere(today) } })).toBe(34);
    expect(await db.unit.count({ where: { level: 2, ...existsOnWhere(today) } })).toBe(3_321);
    expect(await db.unit.findMany({ where: { path: { startsWith: "48/" } }, orderBy: { id: "asc" }, select: { id: true, code: true, name: true, validFrom: true, dissolvedOn: true } })).toEqual(daNang);
    // and a third time: every province is there already, nothing to write
    expect(await importReorganisation(ADMIN, { ...run, dryRun: true })).toMatchObject({ ok: false, errorCount: 1, errors: [{ file: null, message: "Mọi tỉnh, thành phố trong tệp đã được nạp với ngày 01/07/2025; không có gì để ghi." }] });
  }, 300_000);
});
