// A province of the 2025 two-tier tree (issue 20): its 94 children are communes, wards and
// special zones at level 2 (kind commune), from 01/07/2025. The rankings, the reporting status
// and the weekly report list all 94 and name them as communes, never as districts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { importCsv } from "@/lib/data/import";
import { getDailyGrid, GRID_PAGE_SIZE } from "@/lib/data/daily-grid";
import { getRankings } from "@/lib/data/rankings";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { dayToDate } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { renderCsv } from "@/lib/reports/csv";
import { kindSection, reportWords } from "@/lib/reports/text";
import { readCsv } from "../support/report-files";
import { ADMIN } from "./fixtures";
import { resetDatabase } from "./helpers";

const FROM = "2025-07-01";
const WEEK = parseIsoWeek("2025-W28")!; // Monday 07/07/2025 – Sunday 13/07/2025
const SUNDAY = "2025-07-13";
const NOW = new Date("2025-07-14T03:00:00Z");
const COUNT = 94;
const REPORTING = 60; // communes 1..60 report every day; 61..94 only on Monday
const PROVINCE: Actor = { id: null, username: "tinh", role: "province", unitPath: "90/" };

const code = (i: number) => `9${String(i).padStart(4, "0")}`;
const typeOf = (i: number) => (i <= 60 ? "Xã" : i <= 90 ? "Phường" : "Đặc khu");
const nameOf = (i: number) => `${typeOf(i)} Thử ${String(i).padStart(2, "0")}`;

/** Province 90 (kind province) with 94 level-2 children of kind commune, valid from 01/07/2025. */
async function twoTierProvince(db: Db) {
  const province = await db.unit.create({ data: { code: "90", name: "Tỉnh Hai Cấp", searchName: searchKey("Tỉnh Hai Cấp"), type: "Tỉnh", kind: "province", level: 1, path: "90/", validFrom: dayToDate(FROM) }, select: { id: true } });
  await db.unit.createMany({
    data: Array.from({ length: COUNT }, (_, n) => n + 1).map((i) => ({
      code: code(i), name: nameOf(i), searchName: searchKey(nameOf(i)), type: typeOf(i), kind: "commune", level: 2, parentId: province.id, path: `90/${code(i)}/`, validFrom: dayToDate(FROM),
    })),
  });
  const campaign = await db.campaign.create({ data: { code: "dot-2025", name: "Đợt 2025", startDate: dayToDate(FROM), endDate: dayToDate("2025-12-31") } });
  const metric = await db.metric.findUniqueOrThrow({ where: { code: "activated" } });
  const units = await db.unit.findMany({ where: { parentId: province.id }, select: { id: true } });
  await db.target.createMany({ data: units.map((u) => ({ campaignId: campaign.id, unitId: u.id, metricId: metric.id, dueDate: dayToDate("2025-12-31"), value: 1000 })) });
  const days = ["07", "08", "09", "10", "11", "12", "13"].map((d) => `2025-07-${d}`);
  const rows = Array.from({ length: COUNT }, (_, n) => n + 1).flatMap((i) =>
    (i <= REPORTING ? days : days.slice(0, 1)).map((day) => `${day},${code(i)},activated,${i}`));
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
}

describe("a two-tier province's 94 communes", () => {
  beforeAll(async () => {
    await twoTierProvince(await resetDatabase());
  });

  it("the frame and the rankings name the children as communes and rank all 94", async () => {
    const frame = await getUnitFrame(PROVINCE, "90", { asOf: SUNDAY });
    expect(frame.childLevel?.key).toBe("commune");
    const ranking = await getRankings(PROVINCE, { parentCode: "90", metricCode: "activated", asOf: SUNDAY, campaignCode: "dot-2025" });
    expect(ranking.childKind).toBe("commune");
    expect(ranking.rows).toHaveLength(COUNT);
    expect(new Set(ranking.rows.map((r) => r.code))).toEqual(new Set(Array.from({ length: COUNT }, (_, n) => code(n + 1))));
    // commune 60 reported 7 × 60 = 420 of its 1.000: the top
    expect(ranking.rows[0]).toMatchObject({ code: code(60), actual: 420, rank: 1 });
  });

  it("the reporting status names the leaves as communes and splits the 94 into reported and not", async () => {
    const status = await getReportingStatus(PROVINCE, "90", SUNDAY);
    expect(status.leafKind).toBe("commune");
    expect(status.leaves).toBe(COUNT);
    expect(status.reported).toBe(REPORTING);
    expect(status.groups).toHaveLength(1);
    const [group] = status.groups;
    expect(group.leaves).toBe(COUNT);
    expect(group.reported).toHaveLength(REPORTING);
    expect(group.missing).toHaveLength(COUNT - REPORTING);
    expect(group.missing.every((m) => m.daysBehind === 6)).toBe(true);
  });

  it("the weekly report's model ranks the 94 as communes, and its files say 'các xã, phường'", async () => {
    const model = await getWeeklyReport(PROVINCE, { unitCode: "90", week: WEEK, campaignCode: "dot-2025" }, NOW);
    expect(model.childKind).toBe("commune");
    expect(model.ranking).toHaveLength(COUNT);
    expect(model.missing.map((m) => m.code).sort()).toEqual(Array.from({ length: COUNT - REPORTING }, (_, n) => code(REPORTING + n + 1)));
    const words = reportWords("vi");
    expect(kindSection(model, "ranking", words)).toBe("II. Xếp hạng các xã, phường");
    const csv = readCsv(renderCsv({ model, issuedAt: NOW.toISOString(), issued: null }, "vi")).rows.flat().join("\n");
    expect(csv).toContain("II. Xếp hạng các xã, phường");
    expect(csv).toContain("IV. Các xã, phường chưa báo cáo đủ các ngày trong tuần");
    expect(csv).not.toMatch(/huyện/i);
  });

  it("the entry grid pages the 94 communes, 30 to a page, each page counted against all 94", async () => {
    const pages = await Promise.all([1, 2, 3, 4].map((page) => getDailyGrid(ADMIN, SUNDAY, "90", { page })));
    expect(pages.map((g) => g.rows.length)).toEqual([GRID_PAGE_SIZE, GRID_PAGE_SIZE, GRID_PAGE_SIZE, COUNT - 3 * GRID_PAGE_SIZE]);
    expect(pages.map((g) => g.paging)).toEqual([1, 2, 3, 4].map((page) => ({ page, pages: 4, size: GRID_PAGE_SIZE, total: COUNT, reported: REPORTING })));
    // every commune on exactly one page
    expect(new Set(pages.flatMap((g) => g.rows.map((r) => r.unitCode))).size).toBe(COUNT);
    // a page past the end is the last; without a page (the import template) every commune
    expect((await getDailyGrid(ADMIN, SUNDAY, "90", { page: 9 })).paging.page).toBe(4);
    expect((await getDailyGrid(ADMIN, SUNDAY, "90")).rows).toHaveLength(COUNT);
  });
});
