import "server-only";
// A daily file in whichever layout people keep (issue 25): the machine layout (one line per
// unit and metric), the template's wide layout (one row per unit, one column per metric,
// recognised by its headers in Vietnamese, English or machine names), or a district's own
// report table read with the mapping its user chose on the import page (or remembered).
// Every layout goes through the one daily engine, all or nothing (lib/data/import.ts); a
// refusal of the wide layouts names its cell: "Ô E7 (Xã Tam Nghĩa, Tài khoản đã kích hoạt): số âm".
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { todayInVietnam } from "@/lib/domain/dates";
import {
  cellAddress, cellOfRef, dayAbove, findWideHeader, guessMetric, headerKey, isLongHeader, matchUnit, readWideRows, templateReading, unitNameKey,
  type CellIssue, type EntryKind, type MetricNames, type NameMatch, type TableCell, type TableReading, type TableRow, type UnitChoice,
} from "@/lib/domain/wide-table";
import { isUnitCode } from "@/lib/domain/unit-codes";
import { currentLocale, m, type MessageKey } from "@/lib/i18n/message";
import type { CsvIssue } from "@/lib/validation/csv";
import type { TableMapping } from "@/lib/validation/table-mapping";
import type { DailyUpload } from "@/lib/validation/uploaded-table";
import { sheetToCsv } from "@/lib/validation/xlsx";
import { STAGE_BATCH, type DailyRow } from "./daily-engine";
import { getDailyGrid } from "./daily-grid";
import { importCsv, importDailyBatches, type DailyBatch, type ImportOptions, type ImportResult, type ReadIssue } from "./import";
import { getImportMapping, saveImportMapping } from "./import-mapping";

export type TableLayout = "long" | "wide" | "mapped";

/** An import's answer: the engine's result and the layout read, or what the page needs to map an unknown table. */
export type TableImportAnswer =
  | { layout: TableLayout; result: ImportResult; units: number }
  | { layout: "unknown"; analysis: TableAnalysisDTO };

/** An unknown table, for the import page to map: its first rows, the metrics, the units it may name and the reading suggested. */
export interface TableAnalysisDTO {
  rows: { row: number; cells: string[] }[];
  metrics: { code: string; name: string }[];
  units: UnitChoice[];
  /** the reading suggested: the header row, unit column, each metric's column and the kind */
  suggested: { headerRow: number; unitColumn: number; columns: { column: number; metric: string }[]; kind: EntryKind };
  /** the day written above the header, if any */
  day: string | null;
}

export interface TableImportOptions extends ImportOptions {
  /** a mapping chosen on the page for this file */
  mapping?: TableMapping | null;
  /** the day of a mapped table that states none above its header */
  day?: string;
  /** remember the mapping used when the import is written */
  remember?: boolean;
}

/** Rows of an unknown table sent to the page to map (a district's table has a few dozen). */
const ANALYSIS_ROWS = 400;

export async function importDailyTable(actor: Actor, upload: DailyUpload, options: TableImportOptions = {}): Promise<TableImportAnswer> {
  const metrics = await db().metric.findMany({ select: { code: true, nameVi: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  const first = upload.rows[0]?.cells.map((cell) => String(cell).trim().toLowerCase()) ?? [];
  const long = () => importCsv(actor, "daily", upload.text ?? sheetToCsv(upload.rows), options).then((result) => ({ layout: "long" as const, result, units: 0 }));
  if (isLongHeader(first)) return long();

  if (options.mapping) return importMapped(actor, upload.rows, metrics, options.mapping, options);
  const header = findWideHeader(upload.rows, metrics);
  if (header) {
    const settings = upload.settings;
    const kind = settings.kind === "daily" || settings.kind === "cumulative" ? settings.kind : undefined;
    const read = templateReading(upload.rows, header, { kind, ...(settings.date ? { day: settings.date } : {}) });
    const reading = { ...read, day: read.day ?? options.day ?? null };
    const codes = reading.unitColumn === header.roles.findIndex((r) => r.role === "code");
    const unitOf = codes ? codeOf : await namesInScope(actor, reading.day ?? options.day ?? todayInVietnam(), {});
    return importReading(actor, upload.rows, metrics, reading, unitOf, "wide", options);
  }
  const stored = await getImportMapping(actor);
  if (stored && headersMatch(upload.rows, stored.mapping, stored.headers)) return importMapped(actor, upload.rows, metrics, stored.mapping, { ...options, remember: false });
  // a machine layout with a column missing or misspelt: its own refusal says which
  if (upload.rows.length === 0 || first.some((cell) => cell.includes("unit_code")) || first.includes("date")) return long();
  return { layout: "unknown", analysis: await analyse(actor, upload.rows, metrics, options.day) };
}

const codeOf = (cell: TableCell): NameMatch => {
  const text = String(cell).trim();
  return isUnitCode(text) ? { code: text } : null;
};

/** The leaves the caller enters for on `day`, each row's label matched by code or by name; `names` resolves labels the user chose for. */
async function namesInScope(actor: Actor, day: string, names: Record<string, string>): Promise<(cell: TableCell) => NameMatch> {
  const units = await leavesOf(actor, day);
  return (cell) => {
    const chosen = names[unitNameKey(cell)];
    return chosen ? { code: chosen } : matchUnit(cell, units);
  };
}

async function leavesOf(actor: Actor, day: string): Promise<UnitChoice[]> {
  // an administrator has no unit of their own: their tables name units by code
  if (!actor.unitPath) return [];
  const grid = await getDailyGrid(actor, day);
  return grid.rows.map((row) => ({ code: row.unitCode, name: row.unitName }));
}

/** The header row's cells a remembered mapping was made on. */
function mappingHeaders(rows: readonly TableRow[], mapping: TableMapping): string[] {
  const header = rows.find((r) => r.row === mapping.headerRow)?.cells ?? [];
  return header.map((cell) => headerKey(cell));
}

/** Whether a file shows the header a mapping was made on, in the columns it reads. */
function headersMatch(rows: readonly TableRow[], mapping: TableMapping, headers: readonly string[]): boolean {
  const now = mappingHeaders(rows, mapping);
  const read = [mapping.unitColumn, ...mapping.columns.map((c) => c.column)];
  return read.every((column) => (headers[column] ?? "") !== "" && now[column] === headers[column]);
}

async function importMapped(actor: Actor, rows: readonly TableRow[], metrics: readonly MetricNames[], mapping: TableMapping, options: TableImportOptions): Promise<TableImportAnswer> {
  const day = dayAbove(rows, mapping.headerRow) ?? options.day ?? null;
  const reading: TableReading = {
    headerRow: mapping.headerRow,
    unitColumn: mapping.unitColumn,
    labelColumn: mapping.unitColumn,
    columns: mapping.columns.map((c) => ({ ...c, kind: mapping.kind })),
    skip: mapping.skip,
    dateColumn: null,
    day,
  };
  const unitOf = await namesInScope(actor, day ?? todayInVietnam(), mapping.names);
  const answer = await importReading(actor, rows, metrics, reading, unitOf, "mapped", options);
  if (options.remember && "result" in answer && answer.result.ok && !answer.result.dryRun) {
    await saveImportMapping(actor, { mapping, headers: mappingHeaders(rows, mapping) });
  }
  return answer;
}

/** Reads the table's cells as `reading` says and imports them through the engine; every issue is named by its cell. */
async function importReading(
  actor: Actor, rows: readonly TableRow[], metrics: readonly MetricNames[], reading: TableReading,
  unitOf: (cell: TableCell) => NameMatch, layout: TableLayout, options: ImportOptions,
): Promise<TableImportAnswer> {
  const { entries, issues, unitRows } = readWideRows(rows, reading, unitOf);
  const metricName = new Map(metrics.map((mt) => [mt.code, currentLocale() === "en" ? mt.nameEn : mt.nameVi]));
  const labels = new Map<number, string>();
  for (const { row, cells } of rows) labels.set(row, String(cells[reading.labelColumn] ?? cells[reading.unitColumn] ?? "").trim());
  const metricOfColumn = new Map(reading.columns.map((c) => [c.column, c.metric]));
  const named = (row: number, column: number, label: string, metric: string | null, message: string): CsvIssue => ({
    line: row,
    cell: cellAddress(column, row),
    message: metric === null
      ? m("validation.wide.rowCell", { cell: cellAddress(column, row), unit: label || "—", message })
      : m("validation.wide.cell", { cell: cellAddress(column, row), unit: label || "—", metric: metricName.get(metric) ?? metric, message }),
  });
  const readIssues: ReadIssue[] = issues.map((issue) => {
    const reason = cellIssueReason(issue);
    return { issue: named(issue.row, issue.column, issue.label, issue.metric, reason), reason };
  });
  let staged = 0;
  async function* batches(): AsyncGenerator<DailyBatch> {
    if (readIssues.length) yield { rows: [], issues: readIssues, read: 0 };
    for (let start = 0; start < entries.length; start += STAGE_BATCH) {
      const slice: DailyRow[] = entries.slice(start, start + STAGE_BATCH);
      staged += slice.length;
      yield { rows: slice, issues: [], read: slice.length };
    }
  }
  const result = await importDailyBatches(actor, batches(), options, {
    fraction: () => (entries.length ? staged / entries.length : 1),
    describe: (ref, message) => {
      const { row, column } = cellOfRef(ref);
      return named(row, column, labels.get(row) ?? "", metricOfColumn.get(column) ?? null, message);
    },
  });
  return { layout, result, units: unitRows };
}

const CELL_ISSUE_KEYS: Record<CellIssue["code"], MessageKey> = {
  negative: "validation.wide.negative",
  notWhole: "validation.wide.notWhole",
  notNumber: "validation.wide.notNumber",
  tooLarge: "validation.wide.tooLarge",
  noUnit: "validation.wide.noUnit",
  ambiguousUnit: "validation.wide.ambiguousUnit",
  noDate: "validation.wide.noDate",
  badDate: "validation.wide.badDate",
};

function cellIssueReason(issue: CellIssue): string {
  if (issue.code === "noUnit" && !issue.text) return m("validation.wide.missingUnit");
  return m(CELL_ISSUE_KEYS[issue.code], { text: issue.text ?? "" });
}

/** What the page shows to map an unknown table: its rows, and a first guess at each choice. */
async function analyse(actor: Actor, rows: readonly TableRow[], metrics: readonly MetricNames[], day: string | undefined): Promise<TableAnalysisDTO> {
  const shown = rows.slice(0, ANALYSIS_ROWS).map((r) => ({ row: r.row, cells: r.cells.map((cell) => String(cell)) }));
  // the header: the first row with three or more texts that are not numbers
  const headerRow = shown.find((r) => r.cells.filter((c) => c.trim() !== "" && !/^[\d.,\s%-]+$/.test(c)).length >= 3)?.row ?? shown[0]?.row ?? 1;
  const found = dayAbove(rows, headerRow);
  const units = await leavesOf(actor, found ?? day ?? todayInVietnam());
  const header = shown.find((r) => r.row === headerRow)?.cells ?? [];
  const below = shown.filter((r) => r.row > headerRow);
  // the unit column: the one whose cells name the most units
  let unitColumn = 0;
  let best = -1;
  for (let column = 0; column < header.length; column++) {
    const matched = below.filter((r) => r.cells[column] !== undefined && matchUnit(r.cells[column], units) !== null).length;
    if (matched > best) [unitColumn, best] = [column, matched];
  }
  const columns: { column: number; metric: string }[] = [];
  const kind: EntryKind = header.some((h) => headerKey(h).includes("luy ke")) && !header.some((h) => headerKey(h).includes("trong ngay")) ? "cumulative" : "daily";
  for (const metric of metrics) {
    const column = header.findIndex((h, i) => i !== unitColumn && !columns.some((c) => c.column === i) && guessMetric(h, kind) === metric.code);
    if (column >= 0) columns.push({ column, metric: metric.code });
  }
  return {
    rows: shown,
    metrics: metrics.map((mt) => ({ code: mt.code, name: currentLocale() === "en" ? mt.nameEn : mt.nameVi })),
    units,
    suggested: { headerRow, unitColumn, columns, kind },
    day: found,
  };
}

