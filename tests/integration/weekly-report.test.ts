// The weekly report against the same week's answers of the ranking query, in every format,
// and issuing: frozen model, optional lock, audit, permissions.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv } from "@/lib/data/import";
import { getIssuedReport, issueWeeklyReport, listIssuedReports } from "@/lib/data/issued-reports";
import { getIssuingSettings, updateIssuingSettings } from "@/lib/data/issuing-settings";
import { getUnitOverview } from "@/lib/data/overview";
import { getProgress } from "@/lib/data/progress";
import { getRankings } from "@/lib/data/rankings";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { addDays, dayToDate } from "@/lib/domain/dates";
import { formatNumber, formatPercent } from "@/lib/domain/format";
import { parseIsoWeek } from "@/lib/domain/weeks";
import { withLocale } from "@/lib/i18n/message";
import { renderReport } from "@/lib/reports/render";
import { praiseSentence, reportWords } from "@/lib/reports/text";
import { weeklyReportDownloadSchema } from "@/lib/validation/report-params";
import { GET as rankingsRoute } from "@/app/api/v1/rankings/route";
import { GET as weeklyReportRoute } from "@/app/api/v1/reports/weekly/route";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";
import { ADMIN, createCampaign, createUnits } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { addApiToken } from "../support/users";

// The request's cookies: the route handlers answer in the language of "vneid-locale".
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined), has: (name: string) => cookieJar.has(name), getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })) }),
  headers: async () => new Headers(),
}));
// API callers here sign in with a token, not a session (so no remembered language).
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));
afterEach(() => cookieJar.clear());

const WEEK = parseIsoWeek("2023-W23")!; // Monday 05/06/2023 – Sunday 11/06/2023
const NOW = new Date("2023-06-12T03:00:00Z");
const LEADER: Actor = { id: null, username: "lanhdao", role: "leader", unitPath: "90/" };
const PROVINCE: Actor = { id: null, username: "tinh", role: "province", unitPath: "90/" };
const DISTRICT: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };
const OTHER_LEADER: Actor = { id: null, username: "khac", role: "leader", unitPath: "80/" };

async function target(unitCode: string, metric: string, due: string, value: number) {
  const db = testDb();
  const [campaign, m, unit] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } }),
    db.metric.findUniqueOrThrow({ where: { code: metric } }),
    db.unit.findFirstOrThrow({ where: { code: unitCode } }),
  ]);
  await db.target.create({ data: { campaignId: campaign.id, unitId: unit.id, metricId: m.id, dueDate: dayToDate(due), value } });
}

async function daily(rows: string[]) {
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now: NOW });
  expect(result.errors).toEqual([]);
}

beforeAll(async () => {
  const db = await resetDatabase();
  await createUnits(db, [
    ["90", "Tỉnh Thử Nghiệm", null],
    ["901", "Huyện Núi Thành", "90"],
    ["902", "Thành phố Hội An", "90"],
    ["903", "Huyện Đông Giang", "90"],
    ["90101", "Xã Tam Nghĩa", "901"],
    ["90102", "Xã Tam Hải", "901"],
    ["90201", "Phường Minh An", "902"],
    ["90301", "Xã Sông Kôn", "903"],
    ["80", "Tỉnh Khác", null],
  ]);
  await createCampaign(db, "dot-1", "2023-05-01", "2023-06-30");
  await target("901", "activated", "2023-06-15", 1_000);
  await target("901", "activated", "2023-06-30", 2_000);
  await target("902", "activated", "2023-06-15", 626);
  await target("902", "activated", "2023-06-30", 700);
  await target("90301", "activated", "2023-06-15", 3_000);
  await target("90301", "activated", "2023-06-30", 4_000);
  await target("90", "dossiers", "2023-06-30", 10_000);
  // Before the week: every commune reports on 04/06.
  const rows: string[] = [];
  for (const commune of ["90101", "90102", "90201", "90301"]) rows.push(`2023-06-04,${commune},activated,${commune === "90201" ? 300 : 200}`, `2023-06-04,${commune},dossiers,400`);
  // During the week: all report every day except Sông Kôn (10/06, 11/06) and Tam Hải (08/06).
  for (let i = 0; i < 7; i++) {
    const day = addDays("2023-06-05", i);
    for (const commune of ["90101", "90102", "90201", "90301"]) {
      if (commune === "90301" && i >= 5) continue;
      if (commune === "90102" && day === "2023-06-08") continue;
      rows.push(`${day},${commune},activated,${commune === "90201" ? 3 : 20}`, `${day},${commune},dossiers,30`);
    }
  }
  await daily(rows);
});

describe("the weekly report model", () => {
  it("agrees with the rankings at the week's Sunday and the Sunday before", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    const atEnd = await getRankings(LEADER, { parentCode: "90", metricCode: "activated", asOf: "2023-06-11" });
    const atStart = await getRankings(LEADER, { parentCode: "90", metricCode: "activated", asOf: "2023-06-04" });
    expect(model.week).toEqual({ iso: "2023-W23", start: "2023-06-05", end: "2023-06-11" });
    expect(model.unit).toEqual({ code: "90", name: "Tỉnh Thử Nghiệm" });
    expect(model.ranking.map((r) => [r.code, r.name, r.actual, r.target, r.percent, r.rank, r.reportedOn]))
      .toEqual(atEnd.rows.map((r) => [r.code, r.name, r.actual, r.target, r.percent, r.rank, r.reportedOn]));
    const before = new Map(atStart.rows.map((r) => [r.code, r]));
    for (const row of model.ranking) expect(row.weekChange).toBe(row.actual - before.get(row.code)!.actual);

    // Núi Thành: 400 + 20×7 + 20×6 = 660 of 1.000 (mốc 15/06); before: 400 of 1.000.
    const nuiThanh = model.ranking.find((r) => r.code === "901")!;
    expect(nuiThanh).toMatchObject({ actual: 660, target: 1_000, percent: 66, weekChange: 260, weekChangePoints: 26 });
    // Hội An: 300 + 21 = 321 of 626 → 51,28%; it was first (47,92%) and is now second.
    expect(model.ranking.find((r) => r.code === "902")).toMatchObject({ actual: 321, percent: 51.28, rank: 2, rankChange: -1 });
    expect(nuiThanh.rankChange).toBe(1);
    expect(model.praise.map((p) => p.code)[0]).toBe("901");
    expect(praiseSentence(model, reportWords("vi"))).toContain("Biểu dương: Núi Thành (66,00%)");
    expect(praiseSentence(model, reportWords("en"))).toContain("Praised: Núi Thành (66.00%)");
  });

  it("summarises the unit's own figures with week change, milestone and projection", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    const activated = model.summary.find((s) => s.metric === "activated")!;
    // Targets: 1.000 + 626 + 3.000 (Đông Giang takes its commune's) at the 15/06 milestone.
    expect(activated).toMatchObject({ target: 4_626, dueDate: "2023-06-15", nextMilestone: { dueDate: "2023-06-15", target: 4_626 } });
    const total = model.ranking.reduce((sum, r) => sum + r.actual, 0);
    expect(activated.actual).toBe(total);
    expect(activated.weekChange).toBe(model.ranking.reduce((sum, r) => sum + r.weekChange, 0));
    expect(activated.projection).not.toBeNull();
    expect(activated.projection!.dailyPace).toBeCloseTo(activated.weekChange / 7, 2);
    const dossiers = model.summary.find((s) => s.metric === "dossiers")!;
    expect(dossiers).toMatchObject({ target: 10_000, actual: 1_600 + 30 * 25, weekChange: 750 });
    expect(model.summary.find((s) => s.metric === "cccd")).toMatchObject({ target: null, actual: 0, percent: null, projection: null });
  });

  it("says what the progress API says for the unit, metric by metric, this Sunday and the one before", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    expect(model.summary.length).toBeGreaterThan(1);
    for (const row of model.summary) {
      const [now, before] = await Promise.all(["2023-06-11", "2023-06-04"].map((asOf) => getProgress(LEADER, { unitCode: "90", metricCode: row.metric, asOf })));
      expect({ actual: row.actual, target: row.target, percent: row.percent, dueDate: row.dueDate }).toEqual({ actual: now.actual, target: now.target, percent: now.percent, dueDate: now.dueDate });
      expect(row.weekChange).toBe(now.actual - before.actual);
    }
  });

  it("lists the units that missed days, with the days", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    expect(model.missing).toEqual([
      { code: "901", name: "Huyện Núi Thành", missingDays: ["2023-06-08"], leavesMissing: 1, leavesTotal: 2 },
      { code: "903", name: "Huyện Đông Giang", missingDays: ["2023-06-10", "2023-06-11"], leavesMissing: 1, leavesTotal: 1 },
    ]);
  });

  it("draws the trend up to the Sunday with a planned path", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    expect(model.trend[0].day).toBe("2023-05-01"); // the campaign began less than eight weeks before
    expect(model.trend.at(-1)).toMatchObject({ day: "2023-06-11", actual: model.summary.find((s) => s.metric === "activated")!.actual });
    expect(model.trend.find((p) => p.day === "2023-06-04")!.actual).toBe(900);
    expect(model.trend[0].planned).toBe(0);
    expect(model.trend.at(-1)!.planned).toBeGreaterThan(0);
  });

  it("draws the overview's trend, day by day, for the unit and over the roots for the national report", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    const overview = await getUnitOverview(LEADER, { unitCode: "90", metricCode: "activated", asOf: "2023-06-11" });
    const overviewByDay = new Map(overview.trend.map((p) => [p.day, p.cumulative]));
    expect(model.trend).toHaveLength(42); // 01/05 to 11/06
    for (const point of model.trend) expect([point.day, point.actual]).toEqual([point.day, overviewByDay.get(point.day)]);
    // The other root has no figures: the national trend is this province's.
    const national = await getWeeklyReport(ADMIN, { unitCode: null, week: WEEK }, NOW);
    expect(national.trend.map((p) => [p.day, p.actual])).toEqual(model.trend.map((p) => [p.day, p.actual]));
  });

  it("a district officer gets their own district's report, never another's or the province's", async () => {
    const own = await getWeeklyReport(DISTRICT, { unitCode: "901", week: WEEK }, NOW);
    expect(own.ranking.map((r) => r.code).sort()).toEqual(["90101", "90102"]);
    await expect(getWeeklyReport(DISTRICT, { unitCode: "90", week: WEEK }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWeeklyReport(DISTRICT, { unitCode: "902", week: WEEK }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getWeeklyReport(LEADER, { unitCode: null, week: WEEK }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an unknown unit or campaign, and a bad parameter, in the request's language", async () => {
    await expect(getWeeklyReport(LEADER, { unitCode: "99999", week: WEEK }, NOW)).rejects.toMatchObject({ code: "NOT_FOUND", fieldErrors: { unit: ["Không có đơn vị này."] } });
    await expect(withLocale("en", () => getWeeklyReport(LEADER, { unitCode: "99999", week: WEEK }, NOW))).rejects.toMatchObject({ fieldErrors: { unit: ["There is no such unit."] } });
    await expect(withLocale("en", () => getWeeklyReport(LEADER, { unitCode: "90", week: WEEK, campaignCode: "khong-co" }, NOW))).rejects.toMatchObject({ fieldErrors: { campaign: ["There is no such campaign."] } });
    await expect(withLocale("en", () => issueWeeklyReport(LEADER, { unitCode: "90", week: WEEK, lockDays: false }, new Date("2023-06-11T16:59:00Z")))).rejects.toMatchObject({ fieldErrors: { week: [expect.stringContaining("only the report of a finished week")] } });
    const bad = () => weeklyReportDownloadSchema.safeParse({ week: "2023-W99", format: "odt" }).error!.issues.map((i) => i.message);
    expect(bad()).toEqual(["Tuần phải có dạng YYYY-Www, ví dụ 2023-W23.", "Định dạng phải là xlsx, pdf, docx hoặc csv."]);
    expect(withLocale("en", bad)).toEqual(["The week must be written YYYY-Www, for example 2023-W23.", "The format must be xlsx, pdf, docx or csv."]);
  });

  it("the national report ranks the roots for an administrator", async () => {
    const model = await getWeeklyReport(ADMIN, { unitCode: null, week: WEEK }, NOW);
    expect(model.unit).toEqual({ code: null, name: "Toàn quốc" });
    expect(model.ranking.map((r) => r.code).sort()).toEqual(["80", "90"]);
  });
});

describe("every file says what the API says", () => {
  const WEEK_PARAM = "2023-W23";

  async function apiToken(role: "leader" | "district", unitCode: string): Promise<string> {
    const db = testDb();
    const unit = await db.unit.findFirstOrThrow({ where: { code: unitCode } });
    const user = await db.user.create({ data: { username: `${role}-${unitCode}-${Date.now()}`, displayName: "Ban Chỉ đạo thử", passwordHash: "x", role, unitId: unit.id } });
    return addApiToken(db, user.id);
  }

  async function download(token: string, query: string): Promise<Response> {
    return weeklyReportRoute(new Request(`http://localhost/api/v1/reports/weekly?${query}`, { headers: { authorization: `Bearer ${token}` } }));
  }

  it("xlsx, pdf, docx and csv from GET /api/v1/reports/weekly carry the ranking's names, numbers and percentages", async () => {
    const token = await apiToken("leader", "90");
    // The same week's answer of the read API (GET /api/v1/rankings at the week's Sunday).
    const answer = await rankingsRoute(new Request("http://localhost/api/v1/rankings?parent=90&metric=activated&asOf=2023-06-11", { headers: { authorization: `Bearer ${token}` } }));
    expect(answer.status).toBe(200);
    const ranking = (await answer.json()) as { rows: { code: string; name: string; actual: number; target: number | null; percent: number | null; rank: number | null }[] };
    expect(ranking.rows.length).toBe(3);

    const xlsx = await download(token, `unit=90&week=${WEEK_PARAM}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("bao-cao-tuan-thu-nghiem-tuan-23-2023.xlsx");
    const { sheets } = await readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    const rankingSheet = sheets.get("Xếp hạng")!;
    for (const row of ranking.rows) {
      const line = rankingSheet.find((r) => r[1] === row.code)!;
      expect(line[2]).toBe(row.name);
      expect(line[3]).toBe(row.target);
      expect(line[4]).toBe(row.actual);
      expect(Math.round((line[5] as number) * 10_000) / 100).toBe(row.percent);
      expect(line[0]).toBe(row.rank);
    }

    const pdf = await download(token, `unit=90&week=${WEEK_PARAM}&format=pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const { text: pdfText } = await readPdf(Buffer.from(await pdf.arrayBuffer()));
    const flat = pdfText.replace(/\s+/g, " ");
    expect(flat).toContain("Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023");
    for (const row of ranking.rows) {
      expect(flat).toContain(row.name);
      expect(flat).toContain(`${row.name} ${row.target === null ? "Chưa giao" : formatNumber(row.target)} ${formatNumber(row.actual)} ${formatPercent(row.percent)}`);
    }

    const docx = await download(token, `unit=90&week=${WEEK_PARAM}&format=docx`);
    const { text: docText } = await readDocx(Buffer.from(await docx.arrayBuffer()));
    for (const row of ranking.rows) {
      expect(docText).toContain(`${row.code}\t${row.name}\t${row.target === null ? "Chưa giao" : formatNumber(row.target)}\t${formatNumber(row.actual)}\t${formatPercent(row.percent)}`);
    }

    const csv = await download(token, `unit=90&week=${WEEK_PARAM}&format=csv`);
    const { bom, rows } = readCsv(Buffer.from(await csv.arrayBuffer()));
    expect(bom).toBe(true);
    for (const row of ranking.rows) {
      const line = rows.find((r) => r[1] === row.code && r[2] === row.name)!;
      expect(line.slice(0, 6)).toEqual([String(row.rank ?? ""), row.code, row.name, String(row.target ?? ""), String(row.actual), String(row.percent ?? "")]);
    }
  });

  it("in English (the request's language cookie), the same files carry English words and English number notation, number by number", async () => {
    const token = await apiToken("leader", "90");
    const answer = await rankingsRoute(new Request("http://localhost/api/v1/rankings?parent=90&metric=activated&asOf=2023-06-11", { headers: { authorization: `Bearer ${token}` } }));
    const ranking = (await answer.json()) as { rows: { code: string; name: string; actual: number; target: number | null; percent: number | null; rank: number | null }[] };
    expect(ranking.rows.some((row) => (row.target ?? 0) >= 1_000)).toBe(true); // so the thousands separator shows
    cookieJar.set("vneid-locale", "en");
    // Words of the Vietnamese interface that must not appear in an English file (names of units are data and stay).
    const vietnameseWords = ["BÁO CÁO", "Trang", "Chỉ tiêu", "Lũy kế", "Tỷ lệ", "Xếp hạng", "Biểu dương", "Phê bình", "Thứ Hai", "Chủ Nhật", "Tuần", "Chưa giao", "bậc", "điểm"];

    const xlsx = await download(token, `unit=90&week=${WEEK_PARAM}&format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("weekly-report-thu-nghiem-week-23-2023.xlsx");
    const { sheets, book } = await readXlsx(Buffer.from(await xlsx.arrayBuffer()));
    expect([...sheets.keys()]).toEqual(["Summary", "Ranking", "Praise - Criticism", "Not reported", "Trend"]);
    const rankingSheet = sheets.get("Ranking")!;
    expect(rankingSheet[2]).toEqual(["Rank", "Code", "Unit", "Target", "Actual", "Rate", "Change this week", "Change (% points)", "Rank change", "Reported up to"]);
    for (const row of ranking.rows) {
      const line = rankingSheet.find((r) => r[1] === row.code)!;
      expect([line[0], line[2], line[3], line[4]]).toEqual([row.rank, row.name, row.target, row.actual]);
      expect(Math.round((line[5] as number) * 10_000) / 100).toBe(row.percent);
    }
    expect(book.getWorksheet("Ranking")!.getCell(4, 8).numFmt).toContain('" pts"');
    const summary = sheets.get("Summary")!;
    expect(summary[0]).toEqual(["WEEKLY REPORT"]);
    expect(summary.flat().join(" ")).toContain("Week 23/2023: Monday 05/06/2023 – Sunday 11/06/2023");
    expect(summary.find((r) => r[0] === "Accounts activated")).toBeDefined();
    for (const word of vietnameseWords) expect([...sheets.values()].flat(2).join(" ")).not.toContain(word);

    const pdf = await download(token, `unit=90&week=${WEEK_PARAM}&format=pdf`);
    expect(pdf.headers.get("content-disposition")).toContain("weekly-report-thu-nghiem-week-23-2023.pdf");
    const pdfBuffer = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBuffer.toString("latin1")).toMatch(/\/Lang \(en-US\)/);
    const { pages, text: pdfText } = await readPdf(pdfBuffer);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1}/${pages.length}`));
    const flat = pdfText.replace(/\s+/g, " ");
    for (const expected of ["WEEKLY REPORT", "Monday 05/06/2023 – Sunday 11/06/2023", "I. Overall results", "II. Ranking of the districts: Accounts activated", "Praised: ", "Cumulative actual"]) expect(flat).toContain(expected);
    for (const row of ranking.rows) {
      expect(flat).toContain(`${row.name} ${row.target === null ? "Not assigned" : formatNumber(row.target, "en")} ${formatNumber(row.actual, "en")} ${formatPercent(row.percent, "en")}`);
    }
    for (const word of vietnameseWords) expect(flat).not.toContain(word);

    const docx = await download(token, `unit=90&week=${WEEK_PARAM}&format=docx`);
    expect(docx.headers.get("content-disposition")).toContain("weekly-report-thu-nghiem-week-23-2023.docx");
    const { text: docText, xml } = await readDocx(Buffer.from(await docx.arrayBuffer()));
    for (const row of ranking.rows) {
      expect(docText).toContain(`${row.code}\t${row.name}\t${row.target === null ? "Not assigned" : formatNumber(row.target, "en")}\t${formatNumber(row.actual, "en")}\t${formatPercent(row.percent, "en")}`);
    }
    expect(docText).toContain("SOCIALIST REPUBLIC OF VIETNAM");
    expect(xml).not.toContain("Trang");
    for (const word of vietnameseWords) expect(docText).not.toContain(word);

    const csv = await download(token, `unit=90&week=${WEEK_PARAM}&format=csv`);
    expect(csv.headers.get("content-disposition")).toContain("weekly-report-thu-nghiem-week-23-2023.csv");
    const { rows } = readCsv(Buffer.from(await csv.arrayBuffer()));
    expect(rows[0]).toEqual(["WEEKLY REPORT"]);
    expect(rows).toContainEqual(["Rank", "Code", "Unit", "Target", "Actual", "Rate (%)", "Change this week", "Change (% points)", "Rank change", "Reported up to"]);
    for (const row of ranking.rows) {
      const line = rows.find((r) => r[1] === row.code && r[2] === row.name)!;
      expect(line.slice(0, 6)).toEqual([String(row.rank ?? ""), row.code, row.name, String(row.target ?? ""), String(row.actual), String(row.percent ?? "")]);
    }
    for (const word of vietnameseWords) expect(rows.flat().join(" ")).not.toContain(word);

    // Refusals in English too.
    const refused = await download(await apiToken("district", "901"), `unit=901&week=2023-W99&format=xlsx`);
    expect(await refused.json()).toEqual({ error: { message: "Invalid parameters.", fieldErrors: { week: ["The week must be written YYYY-Www, for example 2023-W23."] } } });
  });

  it("refuses bad parameters, other units and anonymous callers with JSON errors", async () => {
    const token = await apiToken("district", "901");
    const bad = await download(token, "unit=901&week=2023-W99&format=xlsx");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fieldErrors: { week: [expect.stringContaining("YYYY-Www")] } } });
    expect((await download(token, "unit=901&week=2023-W23&format=odt")).status).toBe(400);
    expect((await download(token, "unit=90&week=2023-W23&format=pdf")).status).toBe(403);
    expect((await download(token, "unit=99999&week=2023-W23&format=pdf")).status).toBe(404);
    expect((await download(token, "unit=901&week=2023-W23&format=csv")).status).toBe(200);
    const anonymous = await weeklyReportRoute(new Request("http://localhost/api/v1/reports/weekly?format=pdf", { headers: { authorization: "Bearer nope" } }));
    expect(anonymous.status).toBe(401);
  });

  it("renders each format for a live report in one call", async () => {
    const model = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    const { issuing } = await getIssuingSettings(LEADER, "90");
    for (const format of ["xlsx", "pdf", "docx", "csv"] as const) {
      const file = await renderReport({ model, issuedAt: NOW.toISOString(), issued: null, issuing }, format, "vi");
      expect(file.fileName).toBe(`bao-cao-tuan-thu-nghiem-tuan-23-2023.${format}`);
      expect(file.body.length).toBeGreaterThan(500);
    }
  });
});

describe("issuing a weekly report", () => {
  it("freezes the model, locks the days and audits in one step; a correction changes only the live report", async () => {
    const db = testDb();
    const issued = await issueWeeklyReport({ ...LEADER, displayName: "Ban Chỉ đạo" }, { unitCode: "90", week: WEEK, lockDays: true }, NOW);
    expect(issued).toMatchObject({ unitCode: "90", week: "2023-W23", issuedBy: "Ban Chỉ đạo", daysLocked: true });
    const lock = await db.periodLock.findFirstOrThrow({ where: { reason: { contains: `số ${issued.id}` } } });
    expect(lock.untilDate.toISOString().slice(0, 10)).toBe("2023-06-11");
    const audits = await db.auditEvent.findMany({ where: { action: { in: ["report.issue", "lock.create"] } } });
    expect(audits.map((a) => a.action).sort()).toEqual(["lock.create", "report.issue"]);

    // An administrator corrects a locked day afterwards.
    const correction = await importCsv(ADMIN, "daily", "date,unit_code,metric,value,kind,reason\n2023-06-10,90101,activated,500,daily,Bổ sung hồ sơ", { now: NOW, confirmSpikes: true });
    expect(correction.errors).toEqual([]);

    const frozen = { ...(await getIssuedReport(LEADER, issued.id)), issuing: (await getIssuingSettings(LEADER, "90")).issuing };
    const live = await getWeeklyReport(LEADER, { unitCode: "90", week: WEEK }, NOW);
    expect(frozen.model.ranking.find((r) => r.code === "901")!.actual).toBe(660);
    expect(live.ranking.find((r) => r.code === "901")!.actual).toBe(660 - 20 + 500);
    expect(frozen.issued).toMatchObject({ id: issued.id, by: "Ban Chỉ đạo", daysLocked: true });

    // The frozen file says so.
    const { text } = await readDocx((await renderReport(frozen, "docx", "vi")).body);
    expect(text).toContain("Báo cáo đã ban hành");
    expect(text).toContain("660");
    // It stores figures, not words: the same frozen report downloads in English.
    const english = await renderReport(frozen, "pdf", "en");
    expect(english.fileName).toBe(`weekly-report-thu-nghiem-week-23-2023-issued-${issued.id}.pdf`);
    const englishText = (await readPdf(english.body)).text.replace(/\s+/g, " ");
    expect(englishText).toContain("Issued report: the figures are kept exactly as they were");
    expect(englishText).toContain("Huyện Núi Thành 1,000 660 66.00%");
    expect(englishText).not.toContain("Báo cáo đã ban hành");

    expect((await listIssuedReports(DISTRICT, "901"))).toEqual([]);
    expect((await listIssuedReports(PROVINCE, "90")).map((r) => r.id)).toEqual([issued.id]);
  });

  it("a district officer and a provincial official cannot issue; a leader only within their scope", async () => {
    const count = await testDb().issuedReport.count();
    await expect(issueWeeklyReport(DISTRICT, { unitCode: "901", week: WEEK, lockDays: false }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(issueWeeklyReport(PROVINCE, { unitCode: "90", week: WEEK, lockDays: false }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(issueWeeklyReport(OTHER_LEADER, { unitCode: "90", week: WEEK, lockDays: false }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(issueWeeklyReport(LEADER, { unitCode: null, week: WEEK, lockDays: false }, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Not before the week is over (Sunday 23:59 in Vietnam).
    await expect(issueWeeklyReport(LEADER, { unitCode: "90", week: WEEK, lockDays: false }, new Date("2023-06-11T16:59:00Z"))).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect(await testDb().issuedReport.count()).toBe(count);
  });

  it("an issued report outside the caller's scope is not found", async () => {
    const issued = await issueWeeklyReport(ADMIN, { unitCode: "90", week: WEEK, lockDays: false }, NOW);
    expect(issued.daysLocked).toBe(false);
    await expect(getIssuedReport(DISTRICT, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getIssuedReport(OTHER_LEADER, issued.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getIssuedReport(PROVINCE, issued.id)).model.unit.code).toBe("90");
  });
});

describe("the report as an administrative document", () => {
  const SETTINGS = {
    unit: "901", superiorBody: "CÔNG AN TỈNH THỬ NGHIỆM", issuingBody: "CÔNG AN HUYỆN BẮC", symbol: "CAH-ĐTP", place: "Bắc Sơn",
    recipients: "Công an tỉnh (PV06)\nUBND huyện Bắc\nLưu: VT", signerTitle: "KT. TRƯỞNG CÔNG AN\nPHÓ TRƯỞNG CÔNG AN", signerName: "Trần Thị Bình",
  };

  it("without settings, derives the head and foot from the unit's name; anyone who sees the unit reads them", async () => {
    const settings = await getIssuingSettings(DISTRICT, "901");
    expect(settings).toMatchObject({ stored: false, editable: false });
    expect(settings.issuing).toMatchObject({ superiorBody: "CÔNG AN TỈNH THỬ NGHIỆM", issuingBody: "CÔNG AN HUYỆN NÚI THÀNH", place: "Núi Thành" });
    expect((await getIssuingSettings(PROVINCE, "901")).editable).toBe(true);
    expect((await getIssuingSettings(LEADER, "901")).editable).toBe(false);
    await expect(getIssuingSettings(OTHER_LEADER, "901")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a provincial user stores them, audited; the files carry them; others are refused and nothing is written", async () => {
    const db = testDb();
    for (const actor of [LEADER, DISTRICT, OTHER_LEADER, { ...PROVINCE, unitPath: "80/" }]) {
      await expect(updateIssuingSettings(actor, SETTINGS)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.issuingSettings.count()).toBe(0);

    await updateIssuingSettings(PROVINCE, SETTINGS);
    await updateIssuingSettings(ADMIN, { ...SETTINGS, signerName: "Lê Văn Cường" });
    const audits = await db.auditEvent.findMany({ where: { action: "issuing.update", entityKey: "901" }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits[0].oldValue).toBeNull();
    expect(audits[1]).toMatchObject({ oldValue: { signerName: "Trần Thị Bình" }, newValue: { signerName: "Lê Văn Cường", symbol: "CAH-ĐTP" } });

    const settings = await getIssuingSettings(DISTRICT, "901");
    expect(settings).toMatchObject({ stored: true, issuing: { recipients: ["Công an tỉnh (PV06)", "UBND huyện Bắc", "Lưu: VT"], signerTitle: ["KT. TRƯỞNG CÔNG AN", "PHÓ TRƯỞNG CÔNG AN"] } });

    const document = await getReportEnvelope(DISTRICT, { unit: "901", week: "2023-W23" }, NOW);
    const pdf = await renderReport(document, "pdf", "vi");
    expect(pdf.fileName).toBe("bao-cao-tuan-nui-thanh-tuan-23-2023.pdf");
    const text = (await readPdf(pdf.body)).text.replace(/\s+/g, " ");
    for (const expected of ["CÔNG AN TỈNH THỬ NGHIỆM", "CÔNG AN HUYỆN BẮC", "Số: /BC-CAH-ĐTP", "Bắc Sơn, ngày 12 tháng 6 năm 2023", "Nơi nhận:", "- UBND huyện Bắc;", "- Lưu: VT.", "PHÓ TRƯỞNG CÔNG AN", "Lê Văn Cường"]) {
      expect(text).toContain(expected);
    }
    const { text: docx } = await readDocx((await renderReport(document, "docx", "vi")).body);
    expect(docx).toContain("Bắc Sơn, ngày 12 tháng 6 năm 2023");
    expect(docx).toContain("Lê Văn Cường");
  });
});
