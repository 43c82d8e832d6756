// Daily figures laid out as people keep them in Excel: one row per unit (STT, code and/or
// name), one column per metric, the day in the title above (the "wide" layout, issue 25),
// as opposed to the import's machine layout of one line per unit and metric. This module
// reads such a table into the daily engine's rows: which row is the header, what each column
// is, each cell's count, each row's unit; every refusal names its cell ("E7"), as the sheet
// shows it. Blank means not reported; 0 means zero.
import { isIsoDate } from "./dates";
import { searchKey } from "./text";
import { isUnitCode } from "./unit-codes";

/** A cell as read: text, or a spreadsheet's number (kept a number: 1.234 in Excel is not 1234). */
export type TableCell = string | number;

/** One row of a sheet: its number as the sheet shows it (1-based) and its cells from column A. */
export interface TableRow {
  row: number;
  cells: TableCell[];
}

export type EntryKind = "daily" | "cumulative";

export interface MetricNames {
  code: string;
  nameVi: string;
  nameEn: string;
}

/** What a column holds. */
export type ColumnRole =
  | { role: "stt" } | { role: "code" } | { role: "name" } | { role: "date" }
  | { role: "metric"; metric: string; kind: EntryKind | null }
  /** the running totals shown beside for reference: never read */
  | { role: "reference" }
  | { role: "other" };

/** A sheet's column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export const cellAddress = (column: number, row: number): string => `${columnName(column)}${row}`;

/** A header or label compared without case, diacritics, punctuation or spacing: "Tài khoản đã kích hoạt" → "tai khoan da kich hoat". */
export function headerKey(text: TableCell): string {
  return searchKey(String(text)).replace(/[^a-z0-9_%]+/g, " ").trim();
}

/** Words a district's own header uses for level 2 (mức độ 2): "TK mức độ 2", "MĐ2", "mức 2", "level 2". */
const LEVEL_TWO = /\b(muc do 2|muc 2|md2|md 2|level 2|l2)\b/;

/**
 * A metric a district's own header likely means, in the kind chosen ("Kích hoạt (lũy kế)" is
 * not the day's): a suggestion the mapping form shows, which the user confirms or changes.
 */
export function guessMetric(header: TableCell, kind: EntryKind): string | null {
  const key = headerKey(header);
  if (key.includes("%") || key.includes("ty le") || key.includes("chi tieu")) return null;
  const other = kind === "daily" ? "luy ke" : "trong ngay";
  if (key.includes(other)) return null;
  const levelTwo = LEVEL_TWO.test(key);
  if (key.includes("kich hoat")) return levelTwo ? "activated_l2" : "activated";
  if (key.includes("cccd") || key.includes("can cuoc")) return "cccd";
  if (key.includes("tai khoan") || levelTwo) return levelTwo ? "accounts_l2" : "accounts";
  if (key.includes("ho so")) return "dossiers";
  return null;
}

const STT = new Set(["stt", "tt", "so tt", "so thu tu", "no"]);
const CODE = new Set(["unit_code", "unit code", "code", "ma", "ma don vi", "ma dvhc", "ma xa", "ma so", "ma dv"]);
const NAME = new Set(["unit_name", "unit name", "name", "ten", "ten don vi", "don vi", "ten xa", "xa", "xa phuong", "xa phuong thi tran", "ten xa phuong thi tran", "dia ban", "unit"]);
const DATE = new Set(["date", "ngay"]);
const KIND_WORDS: Record<string, EntryKind> = { "trong ngay": "daily", daily: "daily", "luy ke": "cumulative", cumulative: "cumulative" };

/** The role of a column by its header: the template's own words, or the import's machine names. */
export function columnRole(header: TableCell, metrics: readonly MetricNames[]): ColumnRole {
  const key = headerKey(header);
  if (!key) return { role: "other" };
  if (STT.has(key)) return { role: "stt" };
  if (CODE.has(key)) return { role: "code" };
  if (NAME.has(key)) return { role: "name" };
  if (DATE.has(key)) return { role: "date" };
  if (key.includes("tham khao") || key.startsWith("previous_") || key.includes("for reference")) return { role: "reference" };
  // "Tài khoản đã kích hoạt (lũy kế)", "activated", "activated cumulative"
  let kind: EntryKind | null = null;
  let base = key;
  for (const [words, wordKind] of Object.entries(KIND_WORDS)) {
    if (base.endsWith(` ${words}`)) {
      kind = wordKind;
      base = base.slice(0, -words.length - 1).trim();
      break;
    }
  }
  const metric = metrics.find((m) => base === m.code || base === headerKey(m.nameVi) || base === headerKey(m.nameEn));
  return metric ? { role: "metric", metric: metric.code, kind } : { role: "other" };
}

/** Whether a file's first row is the machine layout's header (`date,unit_code,metric,value,…`): one line per unit and metric. */
export function isLongHeader(cells: readonly TableCell[]): boolean {
  const names = cells.map((cell) => String(cell).trim().toLowerCase());
  return names.includes("metric") || names.includes("value");
}

/** Where the wide layout's header is, and what each of its columns holds. */
export interface WideHeader {
  headerRow: number;
  roles: ColumnRole[];
}

/** Rows searched for the header: a title, a date and a note may stand above it. */
const HEADER_SEARCH_ROWS = 20;

/** The wide layout's header: the first row naming a unit column (code or name) and at least one metric by its name. */
export function findWideHeader(rows: readonly TableRow[], metrics: readonly MetricNames[]): WideHeader | null {
  for (const { row, cells } of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const roles = cells.map((cell) => columnRole(cell, metrics));
    const unit = roles.some((r) => r.role === "code" || r.role === "name");
    if (unit && roles.some((r) => r.role === "metric")) return { headerRow: row, roles };
  }
  return null;
}

/** The day written above the header (a title's "ngày 04/12/2026", a cell 2026-12-04 or a date cell), if any. */
export function dayAbove(rows: readonly TableRow[], headerRow: number): string | null {
  for (const { row, cells } of rows) {
    if (row >= headerRow) break;
    for (const cell of cells) {
      const day = dayIn(String(cell));
      if (day) return day;
    }
  }
  return null;
}

/** The first day written in a text: 04/12/2026, 4-12-2026, 2026-12-04 or "ngày 4 tháng 12 năm 2026". */
export function dayIn(text: string): string | null {
  const patterns: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
    [/(\d{4})-(\d{2})-(\d{2})/, (m) => [m[1], m[2], m[3]]],
    [/(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/, (m) => [m[3], m[2], m[1]]],
    [/ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/, (m) => [m[3], m[2], m[1]]],
  ];
  const plain = searchKey(text);
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(plain);
    if (!match) continue;
    const [y, mo, d] = parts(match);
    const day = `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`;
    if (isIsoDate(day)) return day;
  }
  return null;
}

/** Whether the words above the header say the figures are running totals ("lũy kế") or the day's ("trong ngày"). */
export function kindAbove(rows: readonly TableRow[], headerRow: number): EntryKind | null {
  for (const { row, cells } of rows) {
    if (row >= headerRow) break;
    const text = headerKey(cells.join(" "));
    if (text.includes("luy ke") || text.includes("cumulative")) return "cumulative";
    if (text.includes("trong ngay") || text.includes("daily")) return "daily";
  }
  return null;
}

export type CountIssue = "negative" | "notWhole" | "notNumber" | "tooLarge";

/** The most a count may be (the machine layout's limit, lib/validation/import-rows.ts). */
const MAX_COUNT = 1_000_000_000;

/**
 * A cell's count: null when blank (not reported). A spreadsheet's number must be whole; text
 * may group thousands as Vietnamese writes them (469.004) or with commas or spaces.
 */
export function readCount(cell: TableCell | undefined): { value: number | null } | { issue: CountIssue } {
  if (cell === undefined) return { value: null };
  if (typeof cell === "number") return countOf(cell);
  const text = cell.replace(/[\s\u00a0]/g, "");
  if (text === "") return { value: null };
  const negative = text.startsWith("-");
  const digits = negative ? text.slice(1) : text;
  let value: number;
  if (/^\d+$/.test(digits)) value = Number(digits);
  else if (/^\d{1,3}([.,]\d{3})+$/.test(digits) && !/[.][\d]{3}[,]|[,][\d]{3}[.]/.test(digits)) value = Number(digits.replace(/[.,]/g, ""));
  else if (/^\d*[.,]\d+$/.test(digits)) return negative ? { issue: "negative" } : { issue: "notWhole" };
  else return { issue: "notNumber" };
  return countOf(negative ? -value : value);
}

function countOf(value: number): { value: number } | { issue: CountIssue } {
  if (!Number.isFinite(value)) return { issue: "notNumber" };
  if (value < 0) return { issue: "negative" };
  if (!Number.isInteger(value)) return { issue: "notWhole" };
  if (value > MAX_COUNT) return { issue: "tooLarge" };
  return { value };
}

/** A unit name compared without its type ("Xã", "TT.", "Thị trấn"), numbering, case or diacritics: "Xã Tam Nghĩa" → "tam nghia". */
export function unitNameKey(label: TableCell): string {
  return headerKey(label)
    .replace(/^\d+\s+/, "")
    .replace(/^(xa|phuong|thi tran|tt|x|p|dac khu)\s+/, "")
    .trim();
}

export interface UnitChoice {
  code: string;
  name: string;
}

/** How a row's unit label reads: one unit, several (to choose from), or none. */
export type NameMatch = { code: string } | { candidates: UnitChoice[] } | null;

/** The unit a label names among `units`: by code, else by name without diacritics (the only one of that name). */
export function matchUnit(label: TableCell, units: readonly UnitChoice[]): NameMatch {
  const text = String(label).trim();
  if (isUnitCode(text)) {
    const byCode = units.find((u) => u.code === text);
    if (byCode) return { code: byCode.code };
  }
  const key = unitNameKey(text);
  if (!key) return null;
  const named = units.filter((u) => unitNameKey(u.name) === key);
  if (named.length === 1) return { code: named[0].code };
  return named.length > 1 ? { candidates: named } : null;
}

/** A row that names no unit but totals the others ("Tổng cộng", "Cộng", "Toàn huyện"). */
export function isTotalLabel(label: TableCell): boolean {
  return /^(tong|cong|toan huyen|toan tinh|toan thanh pho|total)\b/.test(headerKey(label));
}

/** How a table is read: its header row, the unit's column, which column is which metric, the kind, the rows skipped. */
export interface TableReading {
  headerRow: number;
  /** the column of each row's unit: a code, or a name resolved by `unitOf` */
  unitColumn: number;
  /** the column of names shown in messages (the unit column when none) */
  labelColumn: number;
  columns: { column: number; metric: string; kind: EntryKind }[];
  /** rows whose unit label (as unitNameKey reads it) is one of these are not read */
  skip: readonly string[];
  /** each row's day when the table has a date column, else `day` */
  dateColumn: number | null;
  day: string | null;
}

/** A daily engine row from a cell, its reference encoding the cell (refOf / cellOfRef). */
export interface CellEntry {
  ref: number;
  date: string;
  unitCode: string;
  metric: string;
  value: number;
  kind: EntryKind;
}

export type CellIssueCode = CountIssue | "noUnit" | "ambiguousUnit" | "noDate" | "badDate";

export interface CellIssue {
  row: number;
  column: number;
  code: CellIssueCode;
  /** the row's unit as the sheet names it, and the column's metric (none for the row's own issues) */
  label: string;
  metric: string | null;
  /** the unit label read (noUnit, ambiguousUnit) or the date cell (badDate) */
  text?: string;
}

/** Columns per row a reference can carry (the import reads at most 100 columns). */
const REF_COLUMNS = 128;
export const refOf = (row: number, column: number): number => row * REF_COLUMNS + column;
export const cellOfRef = (ref: number): { row: number; column: number } => ({ row: Math.floor(ref / REF_COLUMNS), column: ref % REF_COLUMNS });

/**
 * The rows below the header as daily entries, one per filled metric cell; blank cells are not
 * reported. A row with no unit and no figure is a blank or a note and is passed over, as is a
 * total row; `unitOf` turns a row's unit cell into a code (a code column: itself).
 */
export function readWideRows(rows: readonly TableRow[], reading: TableReading, unitOf: (label: TableCell) => NameMatch): { entries: CellEntry[]; issues: CellIssue[]; unitRows: number } {
  const entries: CellEntry[] = [];
  const issues: CellIssue[] = [];
  const skip = new Set(reading.skip);
  let unitRows = 0;
  for (const { row, cells } of rows) {
    if (row <= reading.headerRow) continue;
    const unitCell = cells[reading.unitColumn] ?? "";
    const label = String(cells[reading.labelColumn] ?? unitCell).trim() || String(unitCell).trim();
    const filled = reading.columns.filter((c) => String(cells[c.column] ?? "").trim() !== "");
    if (String(unitCell).trim() === "" && filled.length === 0) continue;
    if (skip.has(unitNameKey(label)) || isTotalLabel(label)) continue;
    unitRows++;
    const rowIssue = (code: CellIssueCode, column: number, text?: string) => issues.push({ row, column, code, label, metric: null, ...(text !== undefined ? { text } : {}) });
    if (String(unitCell).trim() === "") {
      rowIssue("noUnit", reading.unitColumn, "");
      continue;
    }
    const unit = unitOf(unitCell);
    if (unit === null) rowIssue("noUnit", reading.unitColumn, String(unitCell).trim());
    else if ("candidates" in unit) rowIssue("ambiguousUnit", reading.unitColumn, String(unitCell).trim());
    let date = reading.day;
    if (reading.dateColumn !== null) {
      const text = String(cells[reading.dateColumn] ?? "").trim();
      date = dayIn(text);
      if (date === null) rowIssue("badDate", reading.dateColumn, text);
    } else if (date === null) rowIssue("noDate", reading.unitColumn);
    for (const { column, metric, kind } of filled) {
      const count = readCount(cells[column]);
      if ("issue" in count) {
        issues.push({ row, column, code: count.issue, label, metric });
        continue;
      }
      if (count.value === null || unit === null || "candidates" in unit || date === null) continue;
      entries.push({ ref: refOf(row, column), date, unitCode: unit.code, metric, value: count.value, kind });
    }
  }
  return { entries, issues, unitRows };
}

/** How the template's own layout (or the machine names) is read: the header found, the kind from the settings, the headers or the title. */
export function templateReading(rows: readonly TableRow[], header: WideHeader, settings: { kind?: EntryKind | undefined; day?: string | undefined } = {}): TableReading {
  const index = (role: ColumnRole["role"]) => header.roles.findIndex((r) => r.role === role);
  const code = index("code");
  const name = index("name");
  const date = index("date");
  const fallback = settings.kind ?? kindAbove(rows, header.headerRow) ?? "daily";
  const columns = header.roles.flatMap((r, column) => (r.role === "metric" ? [{ column, metric: r.metric, kind: r.kind ?? fallback }] : []));
  return {
    headerRow: header.headerRow,
    unitColumn: code >= 0 ? code : name,
    labelColumn: name >= 0 ? name : code,
    columns,
    skip: [],
    dateColumn: date >= 0 ? date : null,
    day: settings.day ?? dayAbove(rows, header.headerRow),
  };
}
