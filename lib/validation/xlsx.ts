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
import { unpacksWithin } from "./zip-size";

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
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText((value.result ?? "") as ExcelJS.CellValue);
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

export async function xlsxToCsv(data: ArrayBuffer, limits: XlsxLimits = XLSX_LIMITS): Promise<string> {
  if (!unpacksWithin(new Uint8Array(data), limits.maxUnpackedBytes)) {
    throw XlsxLimitError.of("validation.file.xlsxTooBig", { megabytes: Math.round(limits.maxUnpackedBytes / 1_000_000) });
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return "";
  // The header (the first row with text) decides the width; cells right of it are not read.
  let width = 0;
  let cells = 0;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (width === 0) {
      width = lastFilledColumn(row);
      if (width > limits.maxColumns) throw XlsxLimitError.of("validation.file.xlsxTooWide", { columns: width, max: limits.maxColumns });
      if (width === 0) return;
    }
    cells += width;
    if (cells > limits.maxCells) throw XlsxLimitError.of("validation.file.xlsxTooManyCells", { max: limits.maxCells });
    const texts: string[] = [];
    for (let column = 1; column <= width; column++) texts.push(cellText(row.findCell(column)?.value).trim());
    if (texts.some((text) => text !== "")) rows.push(texts);
  });
  return rows.map((texts) => texts.map(quote).join(",")).join("\n");
}
