// Issue 25: the table people fill (one row per commune, one column per metric) and their own
// report tables, read back through the one daily engine. Núi Thành (517) has 17 communes in
// the official list of 2023; its district officer fills the template, in both modes, and maps
// a table laid out as the district keeps it.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { importDailyAction } from "@/app/import/actions";
import type { Actor } from "@/lib/auth/permissions";
import { saveDailyFigures, type DailyRow } from "@/lib/data/daily-save";
import { getDailyTemplate } from "@/lib/data/import-template";
import { importDailyTable, type TableImportAnswer } from "@/lib/data/import-table";
import { loadUnits, provinceUnits, readOfficialUnits } from "@/lib/db/seed/official-units";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { cellAddress } from "@/lib/domain/wide-table";
import { dailyTemplateCsv, dailyTemplateXlsx, TEMPLATE_HEADER_ROW } from "@/lib/reports/daily-template";
import type { TableMapping } from "@/lib/validation/table-mapping";
import { readDailyUpload } from "@/lib/validation/uploaded-table";
import { addUser } from "../support/users";
import { resetDatabase, testDb } from "./helpers";
import { signInAs } from "./hostile/signed-in";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => (await import("./hostile/signed-in")).currentSession() }));

const NOW = new Date();
const DAY = addDays(todayInVietnam(NOW), -20);
const METRICS = ["dossiers", "accounts", "activated", "cccd", "accounts_l2", "activated_l2"] as const;
/** The template's columns: STT, code, name, then per metric its running total (reference) and the cell to fill. */
const inputColumn = (metric: (typeof METRICS)[number]) => 3 + METRICS.indexOf(metric) * 2 + 1;

let nuithanh: Actor;
let communes: { code: string; name: string }[];

async function setUp(): Promise<void> {
  const db = await resetDatabase();
  await loadUnits(db, provinceUnits(readOfficialUnits(), "49"));
  nuithanh = await addUser(db, "nuithanh", "district", "517");
  const district = await db.unit.findFirstOrThrow({ where: { code: "517" } });
  communes = await db.unit.findMany({ where: { parentId: district.id }, select: { code: true, name: true }, orderBy: { name: "asc" } });
}

/** Figures a commune-by-metric function gives: dossiers ≥ accounts ≥ activated, so the funnel holds. */
const figure = (index: number, metric: (typeof METRICS)[number]) => ({ dossiers: 40 + index, accounts: 30 + index, activated: 20 + index, cccd: 5 + (index % 3), accounts_l2: 12 + index, activated_l2: 8 + index })[metric];

async function filled(kind: "daily" | "cumulative", value: (index: number, metric: (typeof METRICS)[number]) => number | string | null, day = DAY): Promise<File> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await dailyTemplateXlsx(await getDailyTemplate(nuithanh, day, kind)) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  communes.forEach((_, index) => {
    for (const metric of METRICS) {
      const v = value(index, metric);
      if (v !== null) sheet.getRow(TEMPLATE_HEADER_ROW + 1 + index).getCell(inputColumn(metric) + 1).value = v;
    }
  });
  return new File([await book.xlsx.writeBuffer()], `bang-${kind}.xlsx`);
}

async function importFile(file: File, options: Parameters<typeof importDailyTable>[2] = {}): Promise<TableImportAnswer> {
  const upload = await readDailyUpload(file);
  if (!upload) throw new Error("not UTF-8");
  return importDailyTable(nuithanh, upload, { now: NOW, ...options });
}

const resultOf = (answer: TableImportAnswer) => {
  if (!("result" in answer)) throw new Error(`not read: ${answer.layout}`);
  return answer.result;
};

/** What is stored: every figure and every maintained total, by unit code, metric and day. */
async function stored() {
  const figures = await testDb().$queryRaw<unknown[]>`
    SELECT u.code, m.code AS metric, to_char(f.date, 'YYYY-MM-DD') AS day, f.value, f.cumulative
    FROM figure f JOIN unit u ON u.id = f.unit_id JOIN metric m ON m.id = f.metric_id ORDER BY 1, 2, 3`;
  const totals = await testDb().$queryRaw<unknown[]>`
    SELECT u.code, m.code AS metric, to_char(t.date, 'YYYY-MM-DD') AS day, t.daily, t.cumulative
    FROM daily_total t JOIN unit u ON u.id = t.unit_id JOIN metric m ON m.id = t.metric_id ORDER BY 1, 2, 3`;
  const reported = await testDb().$queryRaw<unknown[]>`
    SELECT u.code, to_char(r.date, 'YYYY-MM-DD') AS day, to_char(r.reported_on, 'YYYY-MM-DD') AS reported_on
    FROM unit_report r JOIN unit u ON u.id = r.unit_id ORDER BY 1, 2`;
  return { figures, totals, reported };
}

/** A unit's figures of a day, in the metrics' order. */
async function figuresOf(code: string, day: string) {
  return testDb().$queryRaw<{ metric: string; value: number; cumulative: number }[]>`
    SELECT m.code AS metric, f.value, f.cumulative FROM figure f JOIN unit u ON u.id = f.unit_id JOIN metric m ON m.id = f.metric_id
    WHERE u.code = ${code} AND f.date = ${day}::date ORDER BY m.sort_order`;
}

/** The grid's save path (lib/data/daily-save.ts) with the same values. */
async function savedByGrid(kind: "daily" | "cumulative", value: (index: number, metric: (typeof METRICS)[number]) => number | null, day = DAY) {
  const rows: DailyRow[] = communes.flatMap((commune, index) => METRICS.flatMap((metric) => {
    const v = value(index, metric);
    return v === null ? [] : [{ ref: 0, date: day, unitCode: commune.code, metric, value: v, kind }];
  })).map((row, ref) => ({ ...row, ref }));
  const saved = await saveDailyFigures(nuithanh, rows, { now: NOW });
  expect(saved).toMatchObject({ ok: true });
}

describe("the template people fill", () => {
  beforeEach(setUp);

  it("has Núi Thành's 17 communes with their codes and official names, locked, and whole-number validation on the cells to fill", async () => {
    expect(communes).toHaveLength(17);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await dailyTemplateXlsx(await getDailyTemplate(nuithanh, DAY, "daily")) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(String(sheet.getCell("A1").value)).toContain(`TRONG NGÀY ${formatDay(DAY)}`);
    const header = sheet.getRow(TEMPLATE_HEADER_ROW).values as unknown[];
    expect(header.slice(1, 6)).toEqual(["STT", "Mã đơn vị", "Tên đơn vị", `Hồ sơ định danh điện tử đến hết ${formatDay(addDays(DAY, -1))} (tham khảo)`, "Hồ sơ định danh điện tử (trong ngày)"]);
    expect(header[inputColumn("activated") + 1]).toBe("Tài khoản đã kích hoạt (trong ngày)");
    const rows = communes.map((_, index) => sheet.getRow(TEMPLATE_HEADER_ROW + 1 + index));
    expect(rows.map((row) => [row.getCell(1).value, row.getCell(2).value, row.getCell(3).value])).toEqual(communes.map((c, i) => [i + 1, c.code, c.name]));
    expect(sheet.getRow(TEMPLATE_HEADER_ROW + 18).getCell(3).value).toBeNull();
    expect(communes.map((c) => c.name)).toContain("Xã Tam Nghĩa");

    // protected; code and name locked (the default), the cells to fill unlocked and whole numbers from 0
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const first = rows[0];
    expect(first.getCell(2).protection?.locked).not.toBe(false);
    expect(first.getCell(3).protection?.locked).not.toBe(false);
    for (const metric of METRICS) {
      const cell = first.getCell(inputColumn(metric) + 1);
      expect(cell.protection?.locked).toBe(false);
      expect(cell.dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0], allowBlank: true });
      expect(first.getCell(inputColumn(metric)).dataValidation).toBeUndefined();
    }
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: TEMPLATE_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToWidth: 1 });
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(20);
    const settings = book.getWorksheet("_settings")!;
    expect(settings.state).toBe("hidden");
    expect(settings.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([["layout", "wide"], ["kind", "daily"], ["date", DAY], ["unit", "517"]]);

    const csv = dailyTemplateCsv(await getDailyTemplate(nuithanh, DAY, "cumulative"));
    expect(csv.startsWith("\uFEFFSỐ LIỆU ĐỊNH DANH ĐIỆN TỬ LŨY KẾ ĐẾN HẾT NGÀY")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(3 + 17);
    expect(lines[2]).toContain("Hồ sơ định danh điện tử (lũy kế)");
    expect(lines[3]).toBe(`1,${communes[0].code},${communes[0].name},0,,0,,0,,0,,0,,0,`);
  });

  it("filled with the day's counts, stores what the grid would store", async () => {
    const value = (index: number, metric: (typeof METRICS)[number]) => figure(index, metric);
    const answer = await importFile(await filled("daily", value));
    expect(answer).toMatchObject({ layout: "wide", units: 17 });
    expect(resultOf(answer)).toMatchObject({ ok: true, rows: 102, written: 102 });
    const imported = await stored();
    await setUp();
    await savedByGrid("daily", value);
    expect(imported).toEqual(await stored());
  });

  it("filled with running totals (lũy kế), stores what the grid would store in its cumulative mode", async () => {
    const before = (index: number, metric: (typeof METRICS)[number]) => 10 * figure(index, metric);
    const after = (index: number, metric: (typeof METRICS)[number]) => 10 * figure(index, metric) + figure(index, metric) + 1;
    await savedByGrid("daily", before, addDays(DAY, -1));
    const template = await getDailyTemplate(nuithanh, DAY, "cumulative");
    expect(template.rows[0].previous).toEqual(METRICS.map((metric) => before(0, metric)));
    const answer = await importFile(await filled("cumulative", after));
    expect(resultOf(answer)).toMatchObject({ ok: true, rows: 102, written: 102 });
    expect((await figuresOf(communes[0].code, DAY))[0]).toEqual({ metric: "dossiers", value: figure(0, "dossiers") + 1, cumulative: after(0, "dossiers") });
    const imported = await stored();
    await setUp();
    await savedByGrid("daily", before, addDays(DAY, -1));
    await savedByGrid("cumulative", after);
    expect(imported).toEqual(await stored());
  });

  it("names a bad cell by its address, unit and metric, and writes nothing", async () => {
    const tamNghia = communes.findIndex((c) => c.name === "Xã Tam Nghĩa");
    const row = TEMPLATE_HEADER_ROW + 1 + tamNghia;
    const file = await filled("daily", (index, metric) => (index === tamNghia && metric === "activated" ? -3 : index === 0 && metric === "cccd" ? "năm" : figure(index, metric)));
    const result = resultOf(await importFile(file));
    expect(result.ok).toBe(false);
    const activatedCell = cellAddress(inputColumn("activated"), row);
    expect(result.errors).toEqual([
      { line: TEMPLATE_HEADER_ROW + 1, cell: cellAddress(inputColumn("cccd"), TEMPLATE_HEADER_ROW + 1), message: `Ô ${cellAddress(inputColumn("cccd"), TEMPLATE_HEADER_ROW + 1)} (${communes[0].name}, Hồ sơ cấp CCCD): không phải là số` },
      { line: row, cell: activatedCell, message: `Ô ${activatedCell} (Xã Tam Nghĩa, Tài khoản đã kích hoạt): số âm` },
    ]);
    expect(await testDb().figure.count()).toBe(0);

    // the engine's refusals are named by cell too: activated above accounts breaks the funnel
    const funnel = resultOf(await importFile(await filled("daily", (index, metric) => (index === tamNghia && metric === "activated" ? 999 : figure(index, metric)))));
    expect(funnel.errors).toHaveLength(1);
    expect(funnel.errors[0].message).toMatch(new RegExp(`^Ô [A-Z]+${row} \\(Xã Tam Nghĩa, (Tài khoản đã kích hoạt|Tài khoản định danh điện tử)\\): `));
    expect(await testDb().figure.count()).toBe(0);
  });

  it("takes a blank cell as not reported and 0 as zero", async () => {
    // the first commune reports zeros, the second nothing, the third only its dossiers
    const value = (index: number, metric: (typeof METRICS)[number]) => (index === 0 ? 0 : index === 1 ? null : index === 2 ? (metric === "dossiers" ? 4 : null) : figure(index, metric));
    const result = resultOf(await importFile(await filled("daily", value)));
    expect(result).toMatchObject({ ok: true, rows: 6 + 1 + 14 * 6 });
    expect((await figuresOf(communes[0].code, DAY)).map((f) => f.value)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await figuresOf(communes[1].code, DAY)).toEqual([]);
    expect((await figuresOf(communes[2].code, DAY)).map((f) => [f.metric, f.value])).toEqual([["dossiers", 4]]);
    const { reported } = await stored();
    expect(reported.filter((r) => [communes[0].code, communes[1].code].includes((r as { code: string }).code))).toEqual([{ code: communes[0].code, day: DAY, reported_on: DAY }]);
  });

  it("reads the CSV template back, and machine names as headers", async () => {
    const csv = dailyTemplateCsv(await getDailyTemplate(nuithanh, DAY, "daily"))
      .split("\r\n").map((line, i) => (i >= 3 && line ? line.replace(/,0,,0,,0,,0,,0,,0,$/, ",0,9,0,8,0,5,0,7,0,3,0,2") : line)).join("\r\n");
    const result = resultOf(await importFile(new File([csv], "bang.csv")));
    expect(result.errors).toEqual([]);
    expect(result).toMatchObject({ ok: true, rows: 102 });
    const machine = ["unit_code,activated,cccd", `${communes[0].code},3,`, `${communes[1].code},,2`].join("\n");
    const refused = await importFile(new File([machine], "may.csv"));
    expect(resultOf(refused).errors[0].message).toBe(`Ô A2 (${communes[0].code}): bảng không ghi ngày: ghi ngày trên tiêu đề hoặc chọn ngày trên trang nhập`);
    const dated = await importFile(new File([machine], "may.csv"), { day: addDays(DAY, 1) });
    expect(resultOf(dated)).toMatchObject({ ok: true, rows: 2, written: 2 });
  });
});

describe("a district's own report table", () => {
  beforeEach(setUp);

  /** Núi Thành's table as the district keeps it: a title and a date, its own headers, a percentage column, a total row. */
  async function ownTable(day: string, value: (index: number) => number, { rename }: { rename?: [string, string] } = {}): Promise<File> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("BC ngày");
    sheet.addRow(["CÔNG AN HUYỆN NÚI THÀNH"]);
    sheet.addRow([`Báo cáo kết quả thu nhận hồ sơ định danh điện tử ngày ${formatDay(day)}`]);
    sheet.addRow([]);
    sheet.addRow(["TT", "Xã, thị trấn", "Hồ sơ ĐDĐT thu nhận trong ngày", "Tài khoản thu nhận trong ngày", "Kích hoạt trong ngày", "Tỷ lệ kích hoạt (%)", "Ghi chú"]);
    let total = 0;
    communes.forEach((commune, index) => {
      const name = rename && commune.name === rename[0] ? rename[1] : commune.name.replace(/^Xã /, "");
      total += value(index);
      sheet.addRow([index + 1, name, value(index) + 20, value(index) + 10, value(index), 55.5, ""]);
    });
    sheet.addRow(["", "Tổng cộng", total + 340, total + 170, total, 55.5, ""]);
    return new File([await book.xlsx.writeBuffer()], "bao-cao-ngay.xlsx");
  }

  it("is mapped once (columns, kind, names without diacritics), remembered, and the next day's file imports without mapping", async () => {
    const day = addDays(DAY, -3);
    const first = await importFile(await ownTable(day, (i) => i + 1, { rename: ["Thị trấn Núi Thành", "TT. Nui Thanh"] }), { dryRun: true });
    expect(first.layout).toBe("unknown");
    if (first.layout !== "unknown") return;
    const { analysis } = first;
    expect(analysis.day).toBe(day);
    expect(analysis.suggested).toEqual({
      headerRow: 4, unitColumn: 1, kind: "daily",
      columns: [{ column: 2, metric: "dossiers" }, { column: 3, metric: "accounts" }, { column: 4, metric: "activated" }],
    });
    expect(analysis.units).toHaveLength(17);

    const mapping: TableMapping = { ...analysis.suggested, skip: [], names: {} };
    const preview = await importFile(await ownTable(day, (i) => i + 1), { mapping, dryRun: true });
    expect(preview).toMatchObject({ layout: "mapped", units: 17, result: { ok: true, rows: 51 } });
    const written = await importFile(await ownTable(day, (i) => i + 1), { mapping, remember: true });
    expect(resultOf(written)).toMatchObject({ ok: true, written: 51 });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "import_mapping.update" } });
    expect(audit).toMatchObject({ userId: nuithanh.id, entity: "import_mapping", entityKey: "nuithanh" });

    const next = await importFile(await ownTable(addDays(day, 1), (i) => 2 * i));
    expect(next).toMatchObject({ layout: "mapped", result: { ok: true, written: 51 } });
    const activated = await Promise.all(communes.map(async (c) => (await figuresOf(c.code, addDays(day, 1))).find((f) => f.metric === "activated")?.value));
    expect(activated).toEqual(communes.map((_, i) => 2 * i));
  });

  it("lists a name it cannot match for the user to resolve, and takes the user's choice", async () => {
    const day = addDays(DAY, -5);
    const file = () => ownTable(day, (i) => i + 1, { rename: ["Xã Tam Nghĩa", "Tam Nghia (cũ)"] });
    const first = await importFile(await file());
    if (first.layout !== "unknown") throw new Error("expected an unknown table");
    const mapping: TableMapping = { ...first.analysis.suggested, skip: [], names: {} };
    const refused = resultOf(await importFile(await file(), { mapping, dryRun: true }));
    expect(refused.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Ô B\d+ \(Tam Nghia \(cũ\)\): không nhận ra đơn vị “Tam Nghia \(cũ\)”$/)]);
    const tamNghia = communes.find((c) => c.name === "Xã Tam Nghĩa")!;
    const resolved = await importFile(await file(), { mapping: { ...mapping, names: { "tam nghia cu": tamNghia.code } } });
    expect(resultOf(resolved)).toMatchObject({ ok: true, written: 51 });
  });

  it("through the import page's action: mapped on the first check, saved with the write, and the next day's file read with the saved mapping", async () => {
    await signInAs({ id: nuithanh.id! });
    const day = addDays(DAY, -7);
    const send = async (file: File, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.set("file", file);
      form.set("dryRun", "1");
      for (const [key, value] of Object.entries(fields)) form.set(key, value);
      return importDailyAction(form);
    };
    const first = await send(await ownTable(day, (i) => i));
    if (!first.ok || !("analysis" in first)) throw new Error(`expected a table to map: ${JSON.stringify(first)}`);
    const mapping = JSON.stringify({ ...first.analysis.suggested, skip: [], names: {} });
    expect(await send(await ownTable(day, (i) => i), { mapping })).toMatchObject({ ok: true, layout: "mapped", units: 17, remembered: false, result: { ok: true, dryRun: true } });
    expect(await send(await ownTable(day, (i) => i), { mapping, dryRun: "0", remember: "1" })).toMatchObject({ ok: true, result: { ok: true, written: 51 } });
    expect(await send(await ownTable(addDays(day, 1), (i) => i + 1))).toMatchObject({ ok: true, layout: "mapped", remembered: true, result: { ok: true } });
    // the template still reads as the template, and the machine layout as before
    expect(await send(await filled("daily", figure))).toMatchObject({ ok: true, layout: "wide", units: 17, result: { ok: true, rows: 102 } });
    expect(await send(new File([`date,unit_code,metric,value\n${day},${communes[0].code},cccd,1`], "may.csv"))).toMatchObject({ ok: true, layout: "long", result: { ok: true, rows: 1 } });
  });
});
