// Reads the first worksheet of an Excel .xlsx file as CSV text, so that .xlsx uploads go
// through exactly the same CSV validation and import path (same columns, same rules).
//
// The work is bounded by the file's content, not by what it claims: only the header's
// columns are read (one cell in column XFD used to make every row 16,384 cells), the file
// must unpack to a bounded size before the workbook is parsed, and the cells read are counted.
// Over a limit the file is refused with a message saying what to do.
import ExcelJS from "exceljs";
import type { UserMessage } from "@/lib/data/errors";
import { m, type MessageKey, type MessageValues } from "@/lib/i18n/message";
import type { TableCell, TableRow } from "@/lib/domain/wide-table";
import { unpacksWithin } from "./zip-size";

/** The template's hidden sheet of settings (its layout, kind of figures, day and unit). */
export const TEMPLATE_SETTINGS_SHEET = "_settings";

export interface XlsxLimits {
  /** all the archive's parts unpacked (the workbook parser holds them, and more, in memory) */
  maxUnpackedBytes: number;
  /** the header's width: the import formats have at most six columns */
  maxColumns: number;
  /** the header's width times the rows read */
  maxCells: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxUnpackedBytes: 150_000_000,
  maxColumns: 100,
  // a national daily file: about 320,000 rows of six columns
  maxCells: 2_000_000,
};

/** A file refused for its size; the message is for the user, in the request's language. */
export class XlsxLimitError extends Error {
  declare readonly userMessage?: UserMessage;

  /** The refusal worded by the catalogue, its key and values kept (not enumerable) for an AppError's answer. */
  static of(key: MessageKey, params: MessageValues): XlsxLimitError {
    return Object.defineProperty(new XlsxLimitError(m(key, params)), "userMessage", { value: { key, params } });
  }
}

function cellText(value: ExcelJS.CellValue): string {
  const cell = cellOf(value);
  return typeof cell === "number" ? String(cell) : cell;
}

/** A cell's value as the import reads it: a number stays a number (1.234 typed in Excel is not 1234), a date is its day. */
function cellOf(value: ExcelJS.CellValue): TableCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellOf((value.result ?? "") as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The column of the row's last cell with text (cells that only carry formatting do not count). */
function lastFilledColumn(row: ExcelJS.Row): number {
  let last = 0;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (cellText(cell.value).trim() !== "") last = Math.max(last, column);
  });
  return last;
}

/** A workbook's first sheet as rows, and the template's settings (lib/reports/daily-template.ts) when it has them. */
export interface XlsxSheet {
  rows: TableRow[];
  settings: Record<string, string>;
}

/**
 * Reads the first worksheet's rows with text. `width: "header"` (the machine layout): every
 * row is read across the header's columns (the first row with text), no further.
 * `width: "row"` (the wide layout, whose header is below a title): each row across its own
 * cells with text, at most `maxColumns` (a stray cell far right is not read).
 */
export async function readXlsxSheet(data: ArrayBuffer, limits: XlsxLimits = XLSX_LIMITS, { width: mode = "row" }: { width?: "header" | "row" } = {}): Promise<XlsxSheet> {
  if (!unpacksWithin(new Uint8Array(data), limits.maxUnpackedBytes)) {
    throw XlsxLimitError.of("validation.file.xlsxTooBig", { megabytes: Math.round(limits.maxUnpackedBytes / 1_000_000) });
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  const rows: TableRow[] = [];
  if (!sheet) return { rows, settings: {} };
  let headerWidth = 0;
  let cells = 0;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    let width = headerWidth;
    if (headerWidth === 0 || mode === "row") {
      const last = lastFilledColumn(row);
      if (headerWidth === 0 && last > limits.maxColumns) throw XlsxLimitError.of("validation.file.xlsxTooWide", { columns: last, max: limits.maxColumns });
      if (last === 0) return;
      width = Math.min(last, limits.maxColumns);
      if (headerWidth === 0) headerWidth = width;
    }
    cells += width;
    if (cells > limits.maxCells) throw XlsxLimitError.of("validation.file.xlsxTooManyCells", { max: limits.maxCells });
    const values: TableCell[] = [];
    for (let column = 1; column <= width; column++) {
      const value = cellOf(row.findCell(column)?.value);
      values.push(typeof value === "string" ? value.trim() : value);
    }
    if (values.some((value) => value !== "")) rows.push({ row: number, cells: values });
  });
  return { rows, settings: templateSettings(workbook) };
}

/** The key/value pairs of the template's hidden settings sheet (columns A and B), if the workbook has one. */
function templateSettings(workbook: ExcelJS.Workbook): Record<string, string> {
  const sheet = workbook.getWorksheet(TEMPLATE_SETTINGS_SHEET);
  if (!sheet || sheet.state === "visible") return {};
  const settings: Record<string, string> = {};
  for (let row = 1; row <= Math.min(sheet.rowCount, 20); row++) {
    const key = cellText(sheet.getRow(row).findCell(1)?.value).trim();
    if (key) settings[key] = cellText(sheet.getRow(row).findCell(2)?.value).trim();
  }
  return settings;
}

/** Rows read in the machine layout as its CSV text: the header's columns, rows without text left out. */
export function sheetToCsv(rows: readonly TableRow[]): string {
  const width = rows[0]?.cells.length ?? 0;
  return rows
    .map((r) => Array.from({ length: width }, (_, i) => String(r.cells[i] ?? "")))
    .filter((texts) => texts.some((text) => text !== ""))
    .map((texts) => texts.map(quote).join(","))
    .join("\n");
}

export async function xlsxToCsv(data: ArrayBuffer, limits: XlsxLimits = XLSX_LIMITS): Promise<string> {
  return sheetToCsv((await readXlsxSheet(data, limits, { width: "header" })).rows);
}
