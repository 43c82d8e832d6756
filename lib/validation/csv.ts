// CSV reading shared by every import (web and command line): UTF-8 with or without BOM,
// comma-separated, header row required, columns in any order, unknown columns rejected.
import { Readable } from "node:stream";
import { Parser, type Options as CsvParseOptions } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";
import type { TableRow } from "@/lib/domain/wide-table";
import { m } from "@/lib/i18n/message";

export interface CsvRow {
  line: number;
  values: Record<string, string>;
}

export interface CsvIssue {
  line: number;
  message: string;
  /** a spreadsheet layout's cell ("E7"): the message names it, and the page shows it instead of the line */
  cell?: string;
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
    const parsed = parseSync(text.replace(/^\uFEFF/, ""), {
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
  const errors = headerIssues(header, allowed, required);
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

/** What a streamed CSV gives: its rows in batches, or the refusal of its header or syntax. */
export type CsvStreamItem =
  | { type: "rows"; rows: CsvRow[]; issues: CsvIssue[] }
  | { type: "refused"; issues: CsvIssue[] };

/**
 * Reads CSV text as it arrives (a file on disk, an upload) with the same rules as readCsv,
 * holding one batch at a time: memory does not grow with the file. Bytes must be UTF-8;
 * `onBytes` is told how many have been read so far.
 */
export async function* streamCsv(
  source: AsyncIterable<string | Uint8Array>, allowed: readonly string[], required: readonly string[],
  { batch = 5_000, onBytes }: { batch?: number; onBytes?: (bytes: number) => void } = {},
): AsyncGenerator<CsvStreamItem> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  let bytes = 0;
  let notUtf8 = false;
  async function* text(): AsyncGenerator<string> {
    for await (const chunk of source) {
      bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
      onBytes?.(bytes);
      try {
        const piece = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
        if (piece.includes("\uFFFD")) throw new Error("not UTF-8");
        if (piece) yield piece;
      } catch {
        notUtf8 = true;
        return;
      }
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  const parser = Readable.from(text()).pipe(new NumberedParser({ relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }));
  let header: string[] | null = null;
  let rows: CsvRow[] = [];
  let issues: CsvIssue[] = [];
  try {
    for await (const item of parser as AsyncIterable<NumberedRecord>) {
      if (header === null) {
        header = item.record.map((h) => h.trim().toLowerCase());
        const refusal = headerIssues(header, allowed, required);
        if (refusal.length) {
          parser.destroy();
          yield { type: "refused", issues: refusal };
          return;
        }
        continue;
      }
      const line = item.line;
      if (item.record.length !== header.length) {
        issues.push({ line, message: m("validation.csv.columnCount", { count: String(item.record.length), expected: String(header.length) }) });
      } else {
        const values: Record<string, string> = {};
        for (let i = 0; i < header.length; i++) values[header[i]] = item.record[i];
        rows.push({ line, values });
      }
      if (rows.length + issues.length >= batch) {
        yield { type: "rows", rows, issues };
        rows = [];
        issues = [];
      }
    }
  } catch (error) {
    if (notUtf8) {
      yield { type: "refused", issues: [{ line: 1, message: m("validation.csv.notUtf8") }] };
      return;
    }
    const line = (error as { lines?: number }).lines ?? 1;
    yield { type: "refused", issues: [{ line, message: m("validation.csv.malformed") }] };
    return;
  }
  if (notUtf8) {
    yield { type: "refused", issues: [{ line: 1, message: m("validation.csv.notUtf8") }] };
    return;
  }
  if (header === null) {
    yield { type: "refused", issues: [{ line: 1, message: m("validation.csv.empty") }] };
    return;
  }
  if (rows.length || issues.length) yield { type: "rows", rows, issues };
}

interface NumberedRecord {
  record: string[];
  /** the line the record ends on, as csv-parse's `info.lines` */
  line: number;
}

/**
 * csv-parse's stream, each record given with its line. The parser's `info` option gives the
 * same number but builds an object of eleven fields per record: it tripled the parse of a
 * province's year (352,000 rows, 1 s → 3 s). The line is read from the parser's own counter
 * at the moment the record is pushed, which is when `info` would have copied it.
 */
class NumberedParser extends Parser {
  constructor(options: CsvParseOptions) {
    super(options);
  }

  override push(record: unknown, encoding?: BufferEncoding): boolean {
    if (record === null) return super.push(null, encoding);
    return super.push({ record: record as string[], line: this.info.lines } satisfies NumberedRecord, encoding);
  }
}

function headerIssues(header: string[], allowed: readonly string[], required: readonly string[]): CsvIssue[] {
  const errors: CsvIssue[] = [];
  const unknown = header.filter((h) => !allowed.includes(h));
  if (unknown.length) errors.push({ line: 1, message: m("validation.csv.unknownColumns", { columns: unknown.join(", ") }) });
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length) errors.push({ line: 1, message: m("validation.csv.missingColumns", { columns: missing.join(", ") }) });
  if (new Set(header).size !== header.length) errors.push({ line: 1, message: m("validation.csv.duplicateColumns") });
  return errors;
}

/**
 * CSV text as a sheet's rows (the wide layout, issue 25): each record is one row, numbered as a
 * spreadsheet opening the file numbers it (blank lines count), cells trimmed, at most
 * `maxColumns` cells a row. Null when the text is not CSV.
 */
export function csvTableRows(text: string, maxColumns: number): TableRow[] | null {
  let records: string[][];
  try {
    records = parseSync(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: false, relax_quotes: true }) as string[][];
  } catch {
    return null;
  }
  const rows: TableRow[] = [];
  records.forEach((record, index) => {
    const cells = record.slice(0, maxColumns).map((cell) => cell.trim());
    if (cells.some((cell) => cell !== "")) rows.push({ row: index + 1, cells });
  });
  return rows;
}
