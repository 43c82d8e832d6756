// CSV reading shared by every import (web and command line): UTF-8 with or without BOM,
// comma-separated, header row required, columns in any order, unknown columns rejected.
import { parse } from "csv-parse/sync";
import { m } from "@/lib/i18n/message";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvIssue {
  line: number;
  message: string;
}

export type CsvResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: CsvIssue[] };

export function readCsv(text: string, allowed: readonly string[], required: readonly string[]): CsvResult {
  if (text.includes("\uFFFD")) {
    return { ok: false, errors: [{ line: 1, message: m("validation.csv.notUtf8") }] };
  }
  let records: string[][];
  let lines: number[];
  try {
    // `info` gives each record's real line (blank lines and quoted newlines included).
    const parsed = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true, skip_empty_lines: true, trim: true, info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    records = parsed.map((p) => p.record);
    lines = parsed.map((p) => p.info.lines);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { ok: false, errors: [{ line, message: m("validation.csv.malformed") }] };
  }
  if (records.length === 0) return { ok: false, errors: [{ line: 1, message: m("validation.csv.empty") }] };
  const header = records[0].map((h) => h.trim().toLowerCase());
  const errors: CsvIssue[] = [];
  const unknown = header.filter((h) => !allowed.includes(h));
  if (unknown.length) errors.push({ line: 1, message: m("validation.csv.unknownColumns", { columns: unknown.join(", ") }) });
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) errors.push({ line: 1, message: m("validation.csv.missingColumns", { columns: missing.join(", ") }) });
  if (new Set(header).size !== header.length) errors.push({ line: 1, message: m("validation.csv.duplicateColumns") });
  if (errors.length) return { ok: false, errors };
  const rows: CsvRow[] = [];
  records.slice(1).forEach((record, index) => {
    const line = lines[index + 1];
    if (record.length !== header.length) {
      errors.push({ line, message: m("validation.csv.columnCount", { count: String(record.length), expected: String(header.length) }) });
      return;
    }
    rows.push({ line, values: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
