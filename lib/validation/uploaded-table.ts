import { AppError } from "@/lib/data/errors";
import { m } from "@/lib/i18n/message";
import { isLongHeader, type TableRow } from "@/lib/domain/wide-table";
import { csvTableRows, type CsvIssue } from "./csv";
import { decodeUtf8 } from "./import-file";
import { readXlsxSheet, XLSX_LIMITS, XlsxLimitError, xlsxToCsv } from "./xlsx";

/** The text of an uploaded CSV, or of an .xlsx sheet read as CSV (the same columns). */
export async function readUploadedTable(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith(".xlsx")) return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  const bytes = await file.arrayBuffer();
  return readXlsx(() => xlsxToCsv(bytes));
}

/**
 * A daily file as the import reads it: its rows as a sheet shows them (which layout they are
 * in is decided against the metrics, lib/data/import-table.ts) and, for a CSV file, its text
 * (the machine layout streams from it). Null: a CSV file that is not UTF-8.
 */
export interface DailyUpload {
  rows: TableRow[];
  settings: Record<string, string>;
  /** a CSV file's text */
  text: string | null;
}

export async function readDailyUpload(file: File): Promise<DailyUpload | null> {
  const bytes = await file.arrayBuffer();
  if (!file.name.toLowerCase().endsWith(".xlsx")) {
    const text = decodeUtf8(bytes);
    if (text === null) return null;
    // the machine layout is read from the text, streamed: only its header is looked at here
    const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0];
    const header = csvTableRows(firstLine, XLSX_LIMITS.maxColumns) ?? [];
    if (isLongHeader(header[0]?.cells ?? [])) return { rows: header, settings: {}, text };
    return { rows: csvTableRows(text, XLSX_LIMITS.maxColumns) ?? [], settings: {}, text };
  }
  const sheet = await readXlsx(() => readXlsxSheet(bytes));
  return { ...sheet, text: null };
}

/** An .xlsx file's refusal (a limit it is over, or an unreadable file) as the upload forms answer it. */
async function readXlsx<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof XlsxLimitError) throw new AppError("INVALID_INPUT", { subject: "file", userMessage: error.userMessage, fieldErrors: { file: [error.message] } });
    throw new AppError("INVALID_INPUT", { subject: "file", userMessage: { key: "validation.file.xlsxUnreadable" }, fieldErrors: { file: [m("validation.file.xlsxBroken")] } });
  }
}

/** An import's bad rows as one error, each with its line number (the header is line 1). */
export function importFailure(result: { errors: CsvIssue[] }): AppError {
  const lines = Object.fromEntries(result.errors.slice(0, 50).map((e, i) => [`line${i}`, [e.line ? m("validation.file.line", { line: String(e.line), message: e.message }) : e.message]]));
  return new AppError("INVALID_INPUT", { subject: "import", userMessage: { key: "validation.file.failed", params: { count: result.errors.length } }, fieldErrors: lines });
}
