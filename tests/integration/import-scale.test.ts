// Acceptance of the daily import at the sizes users have (issue 19), on the official unit list:
// the country's day (every commune × 4 metrics, 42,392 rows and as many series) and Quảng Nam's
// 90 days (86,760 rows). Each is imported in one go, all or nothing, with one audit event per
// written figure and maintained totals equal to a rebuild; bad rows are named by line, the first
// 200 listed and the rest counted by reason. Not timing tests: no duration is asserted, the
// limits are only there so that a stuck import ends the run.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv, type ImportResult } from "@/lib/data/import";
import { importDailyTable } from "@/lib/data/import-table";
import { readDailyUpload } from "@/lib/validation/uploaded-table";
import { loadUnits, provinceUnits, readOfficialUnits, type OfficialUnit } from "@/lib/db/seed/official-units";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import {
  IMPORT_SCALE, IMPORT_SCALE_SHRUNK, communesOf, linesWhere, nationalDayCsv, provinceDaysCsv, spreadPick, valueSums, wideDayTable, withEditedLines,
  type DailyLine, type ImportFile,
} from "../support/import-files";
import { totalsAgainstRebuild } from "../support/maintained-totals";
import { addUser } from "../support/users";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { NOTHING_STORED, storedCounts } from "../support/stored-counts";

const GENEROUS = 20 * 60_000;
/** The most errors an answer lists; the rest are counted by reason. */
const LISTED_ERRORS = 200;
const QUANG_NAM = "49";
/** Núi Thành, a district of Quảng Nam with 17 communes. */
const NUI_THANH = "517";

// The clock is the tests' (TEST_TODAY): every day imported is well in the past on it.
const NOW = new Date();
const TODAY = todayInVietnam(NOW);
const NATIONAL_DAY = addDays(TODAY, -7);
const QUANG_NAM_FIRST_DAY = addDays(TODAY, -(IMPORT_SCALE.days + 10));

/** What the set-based engine adds to the answer; read loosely, so that this file type-checks against either engine. */
type Summarised = ImportResult & { errorCount?: number; reasons?: { reason: string; count: number }[] };
const summary = (result: ImportResult) => result as Summarised;
const byCount = (reasons: Summarised["reasons"]) => [...(reasons ?? [])].sort((a, b) => b.count - a.count);

let official: OfficialUnit[];
let admin: Actor & { id: number };
/** Tables that were empty once the units and users were loaded: the ones an import may fill. */
let importTables: string[];

const files = new Map<string, ImportFile>();
function memo(key: string, make: () => ImportFile): ImportFile {
  if (!files.has(key)) files.set(key, make());
  return files.get(key)!;
}
const nationalFile = () => memo("national", () => {
  const provinces = official.filter((u) => u.level === "1").slice(0, IMPORT_SCALE.provinces);
  return nationalDayCsv(provinces.flatMap((p) => provinceUnits(official, p.code)), NATIONAL_DAY);
});
const quangNamFile = () => memo("quang-nam", () => provinceDaysCsv(official, QUANG_NAM, QUANG_NAM_FIRST_DAY, IMPORT_SCALE.days));

async function clearImports(): Promise<void> {
  await testDb().$executeRawUnsafe(`TRUNCATE ${importTables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

const stored = () => storedCounts(databaseUrl());

/** Figures without exactly one audit event saying who wrote them, the day's count and the running total. */
async function figuresWithoutOneAudit(userId: number): Promise<number> {
  // set-based, by hash joins on the key: figures' audit keys are not indexed one by one
  const [row] = await testDb().$queryRaw<{ n: number }[]>`
    WITH fk AS MATERIALIZED (
      SELECT f.value, f.cumulative, u.code || ':' || m.code || ':' || to_char(f.date, 'YYYY-MM-DD') AS key
      FROM figure f JOIN unit u ON u.id = f.unit_id JOIN metric m ON m.id = f.metric_id
    ), a AS (
      SELECT a.entity_key, count(*) AS n FROM audit_event a JOIN fk ON fk.key = a.entity_key
      WHERE a.entity = 'figure' AND a.user_id = ${userId}
        AND (a.new_value->>'daily')::int = fk.value AND (a.new_value->>'cumulative')::int = fk.cumulative
      GROUP BY a.entity_key
    )
    SELECT count(*)::int AS n FROM fk LEFT JOIN a ON a.entity_key = fk.key WHERE a.n IS DISTINCT FROM 1`;
  return row.n;
}

async function storedSums(): Promise<Record<string, number>> {
  const rows = await testDb().$queryRaw<{ code: string; total: number }[]>`
    SELECT m.code, SUM(f.value)::int AS total FROM figure f JOIN metric m ON m.id = f.metric_id GROUP BY m.code`;
  return Object.fromEntries(rows.map((r) => [r.code, r.total]));
}

/** The rows of chip-ID applications, which no funnel rule ties to another row: a bad one is the only one refused. */
const cccdLines = (file: ImportFile) => linesWhere(file, (row) => row.metric === "cccd");

beforeAll(async () => {
  const db = await resetDatabase();
  official = readOfficialUnits();
  await loadUnits(db, official);
  admin = await addUser(db, "quan-tri-nhap", "admin", null);
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public'
      -- the unit tree's history is no import's to fill (emptying it would cascade to the units),
      -- nor are agencies (emptying them would cascade to the accounts: app_user.agency_id)
      AND tablename NOT IN ('_prisma_migrations', 'unit_reorganisation', 'unit_succession', 'agency')`;
  importTables = [];
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM "${tablename}") AS any`);
    if (!row.any) importTables.push(tablename);
  }
});

const scenarios: {
  name: string;
  file: () => ImportFile;
  realRows: number;
  bad: { what: string; edit: (row: DailyLine) => DailyLine; message: RegExp };
}[] = [
  {
    name: "the national day",
    file: nationalFile,
    realRows: 42_392,
    bad: { what: "an unknown commune", edit: (row) => ({ ...row, unitCode: "99999" }), message: /99999/ },
  },
  {
    name: "Quảng Nam's 90 days",
    file: quangNamFile,
    realRows: 86_760,
    bad: { what: "a negative count", edit: (row) => ({ ...row, value: "-1" }), message: /âm/ },
  },
];

describe.each(scenarios)("$name, imported by an administrator", ({ file, realRows, bad }) => {
  it("is written in one go: every row, one audit event per figure, totals equal to a rebuild; the same file again writes nothing", async () => {
    await clearImports();
    const csv = file();
    if (!IMPORT_SCALE_SHRUNK) expect(csv.rows).toBe(realRows);

    const result = await importCsv(admin, "daily", csv.text, { now: NOW });
    expect(result.errors.slice(0, 5)).toEqual([]);
    expect(result).toMatchObject({ ok: true, kind: "daily", dryRun: false, rows: csv.rows, written: csv.rows });
    expect(await stored()).toMatchObject({ figures: csv.rows, audits: csv.rows });
    expect(await figuresWithoutOneAudit(admin.id)).toBe(0);
    expect(await storedSums()).toEqual(valueSums(csv));
    expect(await totalsAgainstRebuild(testDb())).toEqual({ figureCumulative: [], dailyTotal: [], unitReport: [] });

    const before = await stored();
    const again = await importCsv(admin, "daily", csv.text, { now: NOW });
    expect(again).toMatchObject({ ok: true, rows: csv.rows, written: 0, errors: [] });
    expect(await stored()).toEqual(before);

    expect(summary(result).errorCount).toBe(0);
    expect(summary(result).reasons).toEqual([]);
  }, GENEROUS);

  it(`writes nothing when one row in the middle has ${bad.what}, and names that row's line`, async () => {
    await clearImports();
    const csv = file();
    const lines = cccdLines(csv);
    const line = lines[Math.floor(lines.length / 2)];

    const result = await importCsv(admin, "daily", withEditedLines(csv, [line], bad.edit).text, { now: NOW });
    expect(result).toMatchObject({ ok: false, written: 0, rows: csv.rows });
    expect(await stored()).toEqual(NOTHING_STORED);
    expect(result.errors).toEqual([{ line, message: expect.stringMatching(bad.message) }]);
    expect(summary(result).errorCount).toBe(1);
    expect(summary(result).reasons?.map((r) => r.count)).toEqual([1]);
  }, GENEROUS);
});

describe("the national day, imported by an administrator", () => {
  it("with 1,003 bad rows, lists the first 200 by line, counts them all by reason, and writes nothing", async () => {
    await clearImports();
    const csv = nationalFile();
    const lines = cccdLines(csv);
    const negatives = spreadPick(lines, Math.min(1000, lines.length - 3));
    const taken = new Set(negatives);
    const unknown = spreadPick(lines.filter((l) => !taken.has(l)), 3);
    let code = 99_991;
    const bad = withEditedLines(withEditedLines(csv, negatives, (row) => ({ ...row, value: "-1" })), unknown, (row) => ({ ...row, unitCode: String(code++) }));
    const badLines = [...negatives, ...unknown].sort((a, b) => a - b);
    const unknownLines = new Set(unknown);

    const result = await importCsv(admin, "daily", bad.text, { now: NOW });
    expect(result).toMatchObject({ ok: false, written: 0, rows: csv.rows });
    expect(await stored()).toEqual(NOTHING_STORED);
    expect(result.errors.length).toBeLessThanOrEqual(LISTED_ERRORS);
    expect(result.errors.map((e) => e.line)).toEqual(badLines.slice(0, LISTED_ERRORS));
    for (const error of result.errors) expect(error.message).toMatch(unknownLines.has(error.line) ? /9999[123]/ : /âm/);
    expect(summary(result).errorCount).toBe(negatives.length + 3);
    expect(byCount(summary(result).reasons)).toEqual([
      { reason: expect.stringMatching(/âm/), count: negatives.length },
      { reason: expect.stringMatching(/đơn vị/), count: 3 },
    ]);
  }, GENEROUS);

  it("as a dry run, checks every row and writes nothing", async () => {
    await clearImports();
    const csv = nationalFile();
    const result = await importCsv(admin, "daily", csv.text, { now: NOW, dryRun: true });
    expect(result).toMatchObject({ ok: true, dryRun: true, rows: csv.rows, written: 0, errors: [] });
    expect(await stored()).toEqual(NOTHING_STORED);
    expect(summary(result).errorCount).toBe(0);
  }, GENEROUS);
});

describe("the national day as people keep it (issue 25): one row per commune, one column per metric", () => {
  it("reads all 10,598 rows through the same engine: every figure written, totals equal to a rebuild; a bad cell is named by its address", async () => {
    await clearImports();
    const csv = nationalFile();
    const table = wideDayTable(csv, NATIONAL_DAY);
    if (!IMPORT_SCALE_SHRUNK) expect(table.units).toBe(10_598);
    const upload = (text: string) => readDailyUpload(new File([text], "ca-nuoc.csv", { type: "text/csv" })).then((u) => u!);

    const answer = await importDailyTable(admin, await upload(table.text), { now: NOW });
    expect(answer.layout).toBe("wide");
    if (!("result" in answer)) return;
    expect(answer.result.errors.slice(0, 5)).toEqual([]);
    expect(answer.result).toMatchObject({ ok: true, rows: csv.rows, written: csv.rows });
    expect(await stored()).toMatchObject({ figures: csv.rows, audits: csv.rows });
    expect(await storedSums()).toEqual(valueSums(csv));
    expect(await totalsAgainstRebuild(testDb())).toEqual({ figureCumulative: [], dailyTotal: [], unitReport: [] });

    // the 5,000th commune's chip-ID cell (column F, its row below the title and the header) made negative
    await clearImports();
    const lines = table.text.split("\r\n");
    const cells = lines[2 + 4999].split(",");
    cells[5] = "-1";
    lines[2 + 4999] = cells.join(",");
    const bad = await importDailyTable(admin, await upload(lines.join("\r\n")), { now: NOW });
    if (!("result" in bad)) throw new Error(`not read: ${bad.layout}`);
    expect(bad.result).toMatchObject({ ok: false, written: 0 });
    expect(bad.result.errors).toHaveLength(1);
    expect(bad.result.errors[0].message).toMatch(/^Ô F5002 \(.+, Hồ sơ cấp CCCD\): .*âm/);
    expect(await stored()).toEqual(NOTHING_STORED);
  }, GENEROUS);
});

describe("Quảng Nam's 90 days, imported by a district officer of Núi Thành", () => {
  it("refuses every row outside the district as out of scope, lists the first 200, and writes nothing", async () => {
    await clearImports();
    const officer = await addUser(testDb(), "cong-an-nui-thanh", "district", NUI_THANH);
    expect(officer.unitPath).toBe(`${QUANG_NAM}/${NUI_THANH}/`);
    const inside = new Set(communesOf(official, QUANG_NAM).filter((c) => c.parent_code === NUI_THANH).map((c) => c.code));
    const csv = quangNamFile();
    const outside = linesWhere(csv, (row) => !inside.has(row.unitCode));
    expect(inside.size).toBe(17);

    const result = await importCsv(officer, "daily", csv.text, { now: NOW });
    expect(result).toMatchObject({ ok: false, written: 0, rows: csv.rows });
    expect(await stored()).toEqual(NOTHING_STORED);
    expect(result.errors.length).toBeLessThanOrEqual(LISTED_ERRORS);
    expect(result.errors.map((e) => e.line)).toEqual(outside.slice(0, LISTED_ERRORS));
    for (const error of result.errors) expect(error.message).toMatch(/ngoài phạm vi/);
    expect(summary(result).errorCount).toBe(outside.length);
    expect(byCount(summary(result).reasons)).toEqual([{ reason: expect.stringMatching(/ngoài phạm vi/), count: outside.length }]);
  }, GENEROUS);
});
