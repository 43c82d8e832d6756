// The .xlsx reader's work is bounded by the file's content: a stray cell in the last column
// (XFD) used to make it build 16,384 cells per row (60 rows, 2 KB: 4 s and 350 MB).
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/data/errors";
import { readUploadedTable } from "@/lib/validation/uploaded-table";
import { XLSX_LIMITS, XlsxLimitError, xlsxToCsv } from "@/lib/validation/xlsx";

const LAST_COLUMN = 16_384; // XFD
const HEADER = ["date", "unit_code", "metric", "value", "kind", "reason"];

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet("Số liệu"));
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** 60 rows under the header, each with a stray "x" in column XFD. */
const strayCellInXfd = () =>
  workbook((sheet) => {
    sheet.addRow(HEADER);
    for (let i = 0; i < 60; i++) sheet.addRow([`2023-06-${String((i % 28) + 1).padStart(2, "0")}`, "90101", "activated", i, "daily", ""]).getCell(LAST_COLUMN).value = "x";
  });

describe("the .xlsx reader's bounds", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reads only the header's columns when rows have a cell in column XFD", async () => {
    const data = await strayCellInXfd();
    // Every cell the reader (or the parser) looks up or creates goes through one of these.
    const rowPrototype = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe").getRow(1)) as ExcelJS.Row;
    const getCell = vi.spyOn(rowPrototype, "getCell");
    const findCell = vi.spyOn(rowPrototype, "findCell");
    const csv = await xlsxToCsv(data);
    const visited = getCell.mock.calls.length + findCell.mock.calls.length;

    const lines = csv.split("\n");
    expect(lines).toHaveLength(61);
    expect(lines.every((line) => line.split(",").length === HEADER.length)).toBe(true);
    expect(lines[1]).toBe("2023-06-01,90101,activated,0,daily,");
    // 61 rows of 7 cells in the file, parsed once and the header's 6 read once: not 61 × 16,384.
    expect(visited).toBeLessThanOrEqual(61 * 7 + 61 * HEADER.length);
  });

  it("refuses a header reaching column XFD, saying what to fix", async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(HEADER).getCell(LAST_COLUMN).value = "ghi chú";
      sheet.addRow(["2023-06-01", "90101", "activated", 1, "daily", ""]);
    });
    await expect(xlsxToCsv(data)).rejects.toThrow(new XlsxLimitError(
      "Dòng tiêu đề của tệp Excel kéo dài tới cột thứ 16.384 (tối đa 100 cột). Hãy xóa các ô thừa bên phải dòng tiêu đề.",
    ));
  });

  it("refuses more cells than the limit", async () => {
    const data = await strayCellInXfd();
    await expect(xlsxToCsv(data, { ...XLSX_LIMITS, maxCells: 300 })).rejects.toThrow(new XlsxLimitError(
      "Tệp Excel có hơn 300 ô cần đọc. Hãy chia thành nhiều tệp nhỏ hơn.",
    ));
    // the same file within the limit: 61 rows of the header's 6 columns
    await expect(xlsxToCsv(data, { ...XLSX_LIMITS, maxCells: 61 * 6 })).resolves.toMatch(/^date,unit_code/);
  });

  it("refuses a small file that unpacks beyond the limit, before parsing it", async () => {
    // 3 MB of one letter packs into a few kilobytes
    const data = await workbook((sheet) => {
      sheet.addRow(HEADER);
      sheet.addRow(["2023-06-01", "90101", "activated", 1, "daily", "a".repeat(3_000_000)]);
    });
    expect(data.byteLength).toBeLessThan(100_000);
    const load = vi.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get");
    await expect(xlsxToCsv(data, { ...XLSX_LIMITS, maxUnpackedBytes: 1_000_000 })).rejects.toThrow(new XlsxLimitError(
      "Tệp Excel khi giải nén lớn hơn 1 MB. Hãy chia thành nhiều tệp nhỏ hơn, hoặc lưu dạng CSV.",
    ));
    expect(load).not.toHaveBeenCalled();
  });

  it("gives the upload forms the limit's message, not \"could not be read\"", async () => {
    const data = await workbook((sheet) => {
      sheet.addRow(HEADER).getCell(LAST_COLUMN).value = "ghi chú";
    });
    const refused = await readUploadedTable(new File([data], "so-lieu.xlsx")).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).fieldErrors.file).toEqual([expect.stringMatching(/^Dòng tiêu đề của tệp Excel kéo dài tới cột thứ 16.384/)]);
  });
});
