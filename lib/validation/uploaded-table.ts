import { AppError } from "@/lib/data/errors";
import type { CsvIssue } from "./csv";
import { xlsxToCsv } from "./xlsx";

/** The text of an uploaded CSV, or of an .xlsx sheet read as CSV (the same columns). */
export async function readUploadedTable(file: File): Promise<string> {
  if (!file.name.toLowerCase().endsWith(".xlsx")) return new TextDecoder("utf-8").decode(await file.arrayBuffer());
  try {
    return await xlsxToCsv(await file.arrayBuffer());
  } catch {
    throw new AppError("INVALID_INPUT", "file", { file: ["Tệp Excel hỏng hoặc không phải .xlsx."], _form: ["Không đọc được tệp Excel (.xlsx)."] });
  }
}

/** An import's bad rows as one error, each with its line number (the header is line 1). */
export function importFailure(result: { errors: CsvIssue[] }): AppError {
  const lines = Object.fromEntries(result.errors.slice(0, 50).map((e, i) => [`line${i}`, [e.line ? `Dòng ${e.line}: ${e.message}` : e.message]]));
  return new AppError("INVALID_INPUT", "import", { _form: [`Tệp có ${result.errors.length} lỗi; chưa ghi gì.`], ...lines });
}
