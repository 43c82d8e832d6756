import { AppError } from "@/lib/data/errors";
import { m } from "@/lib/i18n/message";
import type { CsvIssue } from "./csv";
import { XlsxLimitError, xlsxToCsv } from "./xlsx";

/** The text of an uploaded CSV, or of an .xlsx sheet read as CSV (the same columns). */
export async function readUploadedTable(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith(".xlsx")) return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  try {
    return await xlsxToCsv(await file.arrayBuffer());
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
