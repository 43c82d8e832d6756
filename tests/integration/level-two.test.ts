// Level-2 metrics (issue 22): accounts_l2 and activated_l2 are metrics like the others. They
// flow through the entry grid, the CSV import, POST /api/v1/daily, the rankings and the four
// formats of the weekly report; the funnel keeps them inside their stages; the four built-in
// metrics keep their places.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as weeklyReportRoute } from "@/app/api/v1/reports/weekly/route";
import type { Actor } from "@/lib/auth/permissions";
import { gridCellsToRows } from "@/lib/data/daily-grid-rows";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { importCsv } from "@/lib/data/import";
import { BUILT_IN_METRICS } from "@/lib/db/seed/reference";
import { dayToDate } from "@/lib/domain/dates";
import { formatNumber, formatPercent } from "@/lib/domain/format";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";
import { addApiToken } from "../support/users";
import { ADMIN, createCampaign, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

const NOW = new Date("2023-06-12T03:00:00Z");
let district: Actor & { id: number };
let districtToken: string;
let leaderToken: string;

const post = (body: unknown) =>
  POST(new Request("http://test/api/v1/daily", { method: "POST", headers: { authorization: `Bearer ${districtToken}`, "content-type": "application/json" }, body: JSON.stringify(body) }));

async function cumulative(unitCode: string, metric: string, date: string): Promise<number | null> {
  const db = testDb();
  const [unit, m] = await Promise.all([db.unit.findFirstOrThrow({ where: { code: unitCode } }), db.metric.findUniqueOrThrow({ where: { code: metric } })]);
  const row = await db.figure.findFirst({
    where: { unitId: unit.id, metricId: m.id, date: { lte: dayToDate(date) } },
    orderBy: { date: "desc" }, select: { cumulative: true },
  });
  return row?.cumulative ?? null;
}

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  const campaign = await createCampaign(db, "dot-1", "2023-05-01", "2023-06-30");
  const metric = await db.metric.findUniqueOrThrow({ where: { code: "activated_l2" } });
  for (const [code, value] of [["90", 400], ["901", 200], ["902", 100], ["903", 100]] as const) {
    const unit = await db.unit.findFirstOrThrow({ where: { code } });
    await db.target.create({ data: { campaignId: campaign.id, unitId: unit.id, metricId: metric.id, dueDate: dayToDate("2023-06-30"), value } });
  }
  const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
  const user = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc", passwordHash: "x", role: "district", unitId: unit.id } });
  district = { id: user.id, username: "bac", role: "district", unitPath: "90/901/" };
  districtToken = await addApiToken(db, user.id);
  const province = await db.unit.findFirstOrThrow({ where: { code: "90" } });
  const leader = await db.user.create({ data: { username: "lanhdao", displayName: "Lãnh đạo", passwordHash: "x", role: "leader", unitId: province.id } });
  leaderToken = await addApiToken(db, leader.id);
});

describe("level-2 metrics", () => {
  it("come after the four built-in metrics, which keep their places", async () => {
    const metrics = await testDb().metric.findMany({ orderBy: { sortOrder: "asc" }, select: { code: true, sortOrder: true } });
    expect(metrics.map((m) => m.code)).toEqual(["dossiers", "accounts", "activated", "cccd", "accounts_l2", "activated_l2"]);
    expect(BUILT_IN_METRICS.map((m) => m.code)).toEqual(metrics.map((m) => m.code));
  });

  it("are columns of the entry grid and saved from it", async () => {
    const grid = await getDailyGrid(district, "2023-06-05");
    expect(grid.metrics.map((m) => m.code)).toEqual(["dossiers", "accounts", "activated", "cccd", "accounts_l2", "activated_l2"]);
    const cells = [
      ["dossiers", 100], ["accounts", 80], ["activated", 60], ["accounts_l2", 50], ["activated_l2", 40],
    ].map(([metric, value]) => ({ unitCode: "90101", metric: String(metric), value: String(value), kind: "daily" as const, expectedVersion: null }));
    const { rows, fieldErrors } = gridCellsToRows({ date: "2023-06-05", submissionKey: "l2-grid-1", confirmSpikes: false, cells });
    expect(fieldErrors).toEqual({});
    const saved = await saveDailyFigures(district, rows, { now: NOW });
    expect(saved.ok).toBe(true);
    expect(await cumulative("90101", "activated_l2", "2023-06-05")).toBe(40);
    const after = await getDailyGrid(district, "2023-06-05");
    const commune = after.rows.find((r) => r.unitCode === "90101")!;
    const value = (code: string) => commune.cells[after.metrics.findIndex((m) => m.code === code)]!.value;
    expect([value("accounts_l2"), value("activated_l2")]).toEqual([50, 40]);
  });

  it("are imported from CSV, and the funnel refuses activated_l2 above activated, naming both", async () => {
    const good = await importCsv(ADMIN, "daily", [
      "date,unit_code,metric,value",
      "2023-06-06,90102,dossiers,90", "2023-06-06,90102,accounts,70", "2023-06-06,90102,activated,50",
      "2023-06-06,90102,accounts_l2,60", "2023-06-06,90102,activated_l2,30",
      "2023-06-06,90201,dossiers,60", "2023-06-06,90201,accounts,50", "2023-06-06,90201,activated,40",
      "2023-06-06,90201,accounts_l2,40", "2023-06-06,90201,activated_l2,35",
    ].join("\n"), { now: NOW });
    expect(good.errors).toEqual([]);
    expect(await cumulative("90102", "activated_l2", "2023-06-06")).toBe(30);

    const before = await testDb().figure.count();
    const bad = await importCsv(ADMIN, "daily", "date,unit_code,metric,value\n2023-06-07,90102,activated_l2,21", { now: NOW });
    expect(bad.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Lũy kế tài khoản mức độ 2 đã kích hoạt \(51\) không được lớn hơn lũy kế tài khoản đã kích hoạt \(50\)/),
    ]);
    const aboveAccounts = await importCsv(ADMIN, "daily", "date,unit_code,metric,value\n2023-06-07,90102,accounts_l2,11", { now: NOW });
    expect(aboveAccounts.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/Lũy kế tài khoản mức độ 2 \(71\) không được lớn hơn lũy kế tài khoản định danh điện tử \(70\)/),
    ]);
    expect(await testDb().figure.count()).toBe(before);
  });

  it("are written by POST /api/v1/daily, which refuses activated_l2 above accounts_l2 and writes nothing", async () => {
    const refused = await post({ rows: [
      { date: "2023-06-07", unitCode: "90101", metric: "activated", value: 10 },
      { date: "2023-06-07", unitCode: "90101", metric: "activated_l2", value: 11 },
    ] });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.values(body.error.fieldErrors).flat()).toEqual([
      "Lũy kế tài khoản mức độ 2 đã kích hoạt (51) không được lớn hơn lũy kế tài khoản mức độ 2 (50).",
    ]);
    expect(await cumulative("90101", "activated_l2", "2023-06-07")).toBe(40);

    const written = await post({ rows: [
      { date: "2023-06-07", unitCode: "90101", metric: "accounts_l2", value: 20 },
      { date: "2023-06-07", unitCode: "90101", metric: "activated", value: 10 },
      { date: "2023-06-07", unitCode: "90101", metric: "activated_l2", value: 10 },
    ] });
    expect(written.status).toBe(200);
    expect(await cumulative("90101", "activated_l2", "2023-06-07")).toBe(50);
  });

  it("rank the districts by level-2 activations against their targets", async () => {
    const answer = await rankingsRoute(new Request("http://localhost/api/v1/rankings?parent=90&metric=activated_l2&asOf=2023-06-11", { headers: { authorization: `Bearer ${leaderToken}` } }));
    expect(answer.status).toBe(200);
    const ranking = (await answer.json()) as { rows: { code: string; actual: number; target: number | null; percent: number | null; rank: number | null }[] };
    // 901: 50 + 30 of 200 = 40 %; 902: 35 of 100 = 35 %; 903: nothing of 100 = 0 %
    expect(ranking.rows.map((r) => [r.code, r.actual, r.target, r.percent, r.rank])).toEqual([
      ["901", 80, 200, 40, 1], ["902", 35, 100, 35, 2], ["903", 0, 100, 0, 3],
    ]);
  });

  it("are summary rows of the weekly report in xlsx, pdf, docx and csv", async () => {
    const download = async (format: string) => {
      const response = await weeklyReportRoute(new Request(`http://localhost/api/v1/reports/weekly?unit=90&week=2023-W23&format=${format}`, { headers: { authorization: `Bearer ${leaderToken}` } }));
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };
    // the province: 115 of 400 activated at level 2 (28,75 %); 170 level-2 accounts, no target
    const activatedLine = `Tài khoản mức độ 2 đã kích hoạt 400 115 ${formatPercent(28.75)}`;

    const { sheets } = await readXlsx(await download("xlsx"));
    const summary = sheets.get("Tổng hợp")!;
    const l2 = summary.find((row) => row.includes("Tài khoản mức độ 2 đã kích hoạt"))!;
    expect(l2.filter((cell) => typeof cell === "number").slice(0, 2)).toEqual([400, 115]);
    expect(summary.find((row) => row.includes("Tài khoản mức độ 2"))!.filter((cell) => typeof cell === "number")[0]).toBe(170);

    const { text: pdfText } = await readPdf(await download("pdf"));
    expect(pdfText.replace(/\s+/g, " ")).toContain(activatedLine);

    const { text: docText } = await readDocx(await download("docx"));
    expect(docText).toContain(`Tài khoản mức độ 2 đã kích hoạt\t${formatNumber(400)}\t${formatNumber(115)}\t${formatPercent(28.75)}`);

    const { rows } = readCsv(await download("csv"));
    const csvLine = rows.find((r) => r[0] === "activated_l2")!;
    expect(csvLine.slice(0, 5)).toEqual(["activated_l2", "Tài khoản mức độ 2 đã kích hoạt", "400", "115", "28.75"]);
    expect(rows.find((r) => r[0] === "accounts_l2")!.slice(0, 4)).toEqual(["accounts_l2", "Tài khoản mức độ 2", "", "170"]);
  });
});
