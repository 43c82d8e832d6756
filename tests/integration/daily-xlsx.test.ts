import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { xlsxToCsv } from "@/lib/validation/xlsx";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");

async function workbook(rows: unknown[][]): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Số liệu");
  for (const row of rows) sheet.addRow(row);
  sheet.getColumn(9).width = 20; // a formatted, empty column must not count as a column
  const buffer = await book.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe("Excel import", () => {
  beforeEach(async () => {
    await smallTree(await resetDatabase());
  });

  it("reads an .xlsx sheet as the same CSV, dates and numbers included", async () => {
    const data = await workbook([
      ["date", "unit_code", "metric", "value", "kind", "reason"],
      [new Date(Date.UTC(2023, 5, 1)), "90101", "activated", 12, "daily", ""],
      ["2023-06-02", 90102, "activated", 30, "cumulative", "có, dấu phẩy"],
    ]);
    const csv = await xlsxToCsv(data);
    expect(csv).toBe('date,unit_code,metric,value,kind,reason\n2023-06-01,90101,activated,12,daily,\n2023-06-02,90102,activated,30,cumulative,"có, dấu phẩy"');
    const result = await importCsv(ADMIN, "daily", csv, { now: NOW });
    expect(result).toMatchObject({ ok: true, rows: 2, written: 2 });
    expect(await testDb().figure.count()).toBe(2);
  });

  it("lists a bad row of an .xlsx file by its line, and writes nothing", async () => {
    const csv = await xlsxToCsv(await workbook([
      ["date", "unit_code", "metric", "value"],
      ["2023-06-01", "90101", "activated", 3],
      ["2023-06-01", "90102", "activated", -4],
    ]));
    const result = await importCsv(ADMIN, "daily", csv, { now: NOW });
    expect(result.errors).toEqual([{ line: 3, message: "value: Phải là số nguyên không âm." }]);
    expect(await testDb().figure.count()).toBe(0);
  });
});
