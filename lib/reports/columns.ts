// The weekly report's tables, one column spec each: what every renderer (xlsx, pdf, docx,
// csv) and the page read, so a column is added, moved or worded in one place. A column says
// its header, its alignment, what kind of value it holds (which sets the spreadsheet's
// number format), how it reads in documents (`text`) and what it holds as data (`value`:
// machine-readable, as in the API), its widths in each document, and where it appears:
// documents (pdf, docx and the page) show worded values, data files (xlsx, csv) raw ones, and
// a few columns exist in only some of them (the CSV splits "next milestone" into its day and
// its target, for instance).
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import type { ReportAgencyRow, ReportNamedPercent, ReportRankingRow, ReportSummaryRow, WeeklyReportModel } from "./model";
import {
  formatMissingDays, formatNextMilestone, formatPoints, formatProjection, formatRankChange, formatSigned, formatTarget, metricName,
  type ReportWords,
} from "./text";

/** Where a table is drawn: documents (pdf, docx, the page) word their cells; xlsx and csv hold values. */
export type ReportTarget = "document" | "xlsx" | "csv";

/** What a column holds: sets the spreadsheet's number format, and how xlsx stores it. */
export type ColumnKind = "text" | "rank" | "integer" | "signed" | "percent" | "points" | "date";

/** A header, as a key of the catalogue's `columns` (lib/i18n/messages/*\/reports.json). */
export type ColumnHeader =
  | "metricName" | "metricCode" | "target" | "cumulative" | "rate" | "ratePercent" | "weekChange" | "weekPoints" | "milestone" | "nextMilestone"
  | "nextMilestoneTarget" | "projection" | "projectedOnDue" | "rank" | "code" | "unit" | "rankChange" | "reportedOn" | "missingDays"
  | "leavesMissing" | "leavesTotal" | "day" | "planned" | "kind" | "agency" | "headcount" | "staffActivated" | "thisWeek";

export interface CellContext {
  w: ReportWords;
  model: WeeklyReportModel;
}

export type CellValue = string | number | null;

export interface ReportColumn<Row> {
  header: ColumnHeader;
  /** the header in CSV, where percentages are numbers (83.07) rather than formatted fractions */
  csvHeader?: ColumnHeader;
  align: "left" | "right" | "center";
  kind: ColumnKind;
  /** the tables it appears in; all of them when absent */
  in?: readonly ReportTarget[];
  /** widths: PDF points, Word percent of the table, Excel characters */
  width: { pdf: number; docx: number; xlsx: number };
  /** the cell as documents show it */
  text(row: Row, c: CellContext): string;
  /** the cell as data: numbers as numbers, percentages as 83.07, days as YYYY-MM-DD */
  value(row: Row, c: CellContext): CellValue;
  /** the page shows this cell in bold (the rate) */
  strong?: boolean;
  /**
   * The page on a phone (below 768 px), as the rankings page does: "keep" stays a column,
   * "host" stays and lists the other columns' values under its own; the others are hidden. A
   * table with no column marked keeps every column (and scrolls).
   */
  phone?: "keep" | "host";
}

/** The columns a table has in one kind of output. */
export function columnsFor<Row>(columns: readonly ReportColumn<Row>[], target: ReportTarget): ReportColumn<Row>[] {
  return columns.filter((column) => !column.in || column.in.includes(target));
}

/** The header of a column in one kind of output, in the reader's language. */
export function headerOf(column: ReportColumn<never>, target: ReportTarget, { t }: ReportWords): string {
  return t(`columns.${target === "csv" ? (column.csvHeader ?? column.header) : column.header}`);
}

const DOCUMENTS_AND_XLSX: readonly ReportTarget[] = ["document", "xlsx"];
const DATA: readonly ReportTarget[] = ["xlsx", "csv"];
const CSV: readonly ReportTarget[] = ["csv"];

/** Columns with the same shape in every table: a number, a percent, a change. */
const target = <Row extends { target: number | null }>(width: ReportColumn<Row>["width"]): ReportColumn<Row> => ({
  header: "target", align: "right", kind: "integer", width, text: (row, { w }) => formatTarget(row.target, w), value: (row) => row.target,
});
const cumulative = <Row extends { actual: number }>(width: ReportColumn<Row>["width"]): ReportColumn<Row> => ({
  header: "cumulative", align: "right", kind: "integer", width, text: (row, { w }) => formatNumber(row.actual, w.locale), value: (row) => row.actual,
});
const rate = <Row extends { percent: number | null }>(width: ReportColumn<Row>["width"]): ReportColumn<Row> => ({
  header: "rate", csvHeader: "ratePercent", align: "right", kind: "percent", width, strong: true, phone: "keep",
  text: (row, { w }) => formatPercent(row.percent, w.locale), value: (row) => row.percent,
});
const weekChange = <Row extends { weekChange: number }>(width: ReportColumn<Row>["width"]): ReportColumn<Row> => ({
  header: "weekChange", align: "right", kind: "signed", width, text: (row, { w }) => formatSigned(row.weekChange, w), value: (row) => row.weekChange,
});
const weekPoints = <Row extends { weekChangePoints: number | null }>(width: ReportColumn<Row>["width"], only?: readonly ReportTarget[]): ReportColumn<Row> => ({
  header: "weekPoints", align: "right", kind: "points", width, ...(only ? { in: only } : {}),
  text: (row, { w }) => formatPoints(row.weekChangePoints, w), value: (row) => row.weekChangePoints,
});

/** Section I: where the unit stands on every metric. */
export const SUMMARY_COLUMNS: readonly ReportColumn<ReportSummaryRow>[] = [
  { header: "metricCode", align: "left", kind: "text", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row) => row.metric, value: (row) => row.metric },
  {
    header: "metricName", align: "left", kind: "text", width: { pdf: 96, docx: 20, xlsx: 30 }, phone: "host",
    text: (row, { w }) => metricName({ name: row.metricName, nameEn: row.metricNameEn }, w), value: (row, { w }) => metricName({ name: row.metricName, nameEn: row.metricNameEn }, w),
  },
  target({ pdf: 54, docx: 11, xlsx: 14 }),
  cumulative({ pdf: 54, docx: 11, xlsx: 14 }),
  rate({ pdf: 44, docx: 9, xlsx: 11 }),
  weekChange({ pdf: 50, docx: 10, xlsx: 15 }),
  weekPoints({ pdf: 50, docx: 10, xlsx: 15 }),
  { header: "milestone", align: "left", kind: "date", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row) => formatDay(row.dueDate), value: (row) => row.dueDate },
  {
    header: "nextMilestone", align: "left", kind: "text", width: { pdf: 62, docx: 12, xlsx: 24 },
    text: (row, { w, model }) => formatNextMilestone(row.nextMilestone, model.asOf, w),
    value: (row, { w, model }) => formatNextMilestone(row.nextMilestone, model.asOf, w),
    in: DOCUMENTS_AND_XLSX,
  },
  { header: "nextMilestone", align: "left", kind: "date", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row) => formatDay(row.nextMilestone?.dueDate ?? null), value: (row) => row.nextMilestone?.dueDate ?? null },
  { header: "nextMilestoneTarget", align: "right", kind: "integer", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row, { w }) => formatTarget(row.nextMilestone?.target ?? null, w), value: (row) => row.nextMilestone?.target ?? null },
  {
    header: "projection", align: "left", kind: "text", in: DOCUMENTS_AND_XLSX, width: { pdf: 90, docx: 17, xlsx: 40 },
    text: (row, { w }) => formatProjection(row.projection, row.dueDate, w), value: (row, { w }) => formatProjection(row.projection, row.dueDate, w),
  },
  { header: "projection", align: "left", kind: "text", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row, { w }) => formatProjection(row.projection, row.dueDate, w), value: (row) => row.projection?.status ?? null },
  { header: "projectedOnDue", align: "right", kind: "integer", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row, { w }) => formatTarget(row.projection?.projectedOnDueDate ?? null, w), value: (row) => row.projection?.projectedOnDueDate ?? null },
];

/** Section II: the children ranked on the headline metric. */
export const RANKING_COLUMNS: readonly ReportColumn<ReportRankingRow>[] = [
  { header: "rank", align: "right", kind: "rank", width: { pdf: 32, docx: 7, xlsx: 7 }, phone: "keep", text: (row) => (row.rank === null ? "—" : String(row.rank)), value: (row) => row.rank },
  { header: "code", align: "left", kind: "text", width: { pdf: 32, docx: 7, xlsx: 8 }, text: (row) => row.code, value: (row) => row.code },
  { header: "unit", align: "left", kind: "text", width: { pdf: 106, docx: 20, xlsx: 28 }, phone: "host", text: (row) => row.name, value: (row) => row.name },
  target({ pdf: 52, docx: 10, xlsx: 13 }),
  cumulative({ pdf: 52, docx: 10, xlsx: 13 }),
  rate({ pdf: 44, docx: 10, xlsx: 10 }),
  weekChange({ pdf: 52, docx: 11, xlsx: 14 }),
  weekPoints({ pdf: 0, docx: 0, xlsx: 14 }, DATA),
  { header: "rankChange", align: "center", kind: "signed", width: { pdf: 62, docx: 13, xlsx: 12 }, text: (row, { w }) => formatRankChange(row.rankChange, w), value: (row) => row.rankChange },
  { header: "reportedOn", align: "center", kind: "date", width: { pdf: 62, docx: 12, xlsx: 13 }, text: (row) => formatDay(row.reportedOn), value: (row) => row.reportedOn },
];

/** A row of section III as data files list it: praised or criticised, then the unit. */
export interface PraiseRow extends ReportNamedPercent {
  praised: boolean;
}

/** Section III as data (documents word it as sentences). */
export const PRAISE_COLUMNS: readonly ReportColumn<PraiseRow>[] = [
  { header: "kind", align: "left", kind: "text", width: { pdf: 0, docx: 0, xlsx: 14 }, text: (row, { w }) => w.t(row.praised ? "praise.praised" : "praise.criticised"), value: (row, { w }) => w.t(row.praised ? "praise.praised" : "praise.criticised") },
  { header: "code", align: "left", kind: "text", width: { pdf: 0, docx: 0, xlsx: 8 }, text: (row) => row.code, value: (row) => row.code },
  { header: "unit", align: "left", kind: "text", width: { pdf: 0, docx: 0, xlsx: 30 }, text: (row) => row.name, value: (row) => row.name },
  rate({ pdf: 0, docx: 0, xlsx: 10 }),
];

/** Section III's rows: the praised, best first, then the criticised, worst first. */
export function praiseRows(model: WeeklyReportModel): PraiseRow[] {
  return [...model.praise.map((row) => ({ ...row, praised: true })), ...model.criticism.map((row) => ({ ...row, praised: false }))];
}

type MissingRow = WeeklyReportModel["missing"][number];

/** Section IV: who missed days of the week. */
export const MISSING_COLUMNS: readonly ReportColumn<MissingRow>[] = [
  { header: "code", align: "left", kind: "text", width: { pdf: 40, docx: 10, xlsx: 8 }, text: (row) => row.code, value: (row) => row.code },
  { header: "unit", align: "left", kind: "text", width: { pdf: 150, docx: 32, xlsx: 30 }, phone: "host", text: (row) => row.name, value: (row) => row.name },
  {
    header: "missingDays", align: "left", kind: "text", width: { pdf: 200, docx: 38, xlsx: 34 },
    text: (row) => formatMissingDays(row.missingDays), value: (row) => formatMissingDays(row.missingDays), in: DOCUMENTS_AND_XLSX,
  },
  { header: "missingDays", align: "left", kind: "text", in: CSV, width: { pdf: 0, docx: 0, xlsx: 0 }, text: (row) => formatMissingDays(row.missingDays), value: (row) => row.missingDays.join(" ") },
  // documents: "2/5"; data files: the two counts in their own columns
  { header: "leavesMissing", align: "right", kind: "text", in: ["document"], width: { pdf: 110, docx: 20, xlsx: 0 }, phone: "keep", text: (row) => `${row.leavesMissing}/${row.leavesTotal}`, value: (row) => `${row.leavesMissing}/${row.leavesTotal}` },
  { header: "leavesMissing", align: "right", kind: "integer", in: DATA, width: { pdf: 0, docx: 0, xlsx: 14 }, text: (row) => String(row.leavesMissing), value: (row) => row.leavesMissing },
  { header: "leavesTotal", align: "right", kind: "integer", in: DATA, width: { pdf: 0, docx: 0, xlsx: 14 }, text: (row) => String(row.leavesTotal), value: (row) => row.leavesTotal },
];

type TrendPoint = WeeklyReportModel["trend"][number];

/** Section V as data (documents draw it as a chart). */
export const TREND_COLUMNS: readonly ReportColumn<TrendPoint>[] = [
  { header: "day", align: "left", kind: "date", width: { pdf: 0, docx: 0, xlsx: 13 }, text: (p) => formatDay(p.day), value: (p) => p.day },
  { header: "cumulative", align: "right", kind: "integer", width: { pdf: 0, docx: 0, xlsx: 14 }, text: (p, { w }) => formatNumber(p.actual, w.locale), value: (p) => p.actual },
  { header: "planned", align: "right", kind: "integer", width: { pdf: 0, docx: 0, xlsx: 14 }, text: (p, { w }) => formatTarget(p.planned, w), value: (p) => p.planned },
];

/** Section VI (issue 22): the agencies ranked by share of staff activated, sub-agencies summed in. */
export const AGENCY_COLUMNS: readonly ReportColumn<ReportAgencyRow>[] = [
  { header: "rank", align: "right", kind: "rank", width: { pdf: 32, docx: 7, xlsx: 7 }, phone: "keep", text: (row) => (row.rank === null ? "—" : String(row.rank)), value: (row) => row.rank },
  { header: "code", align: "left", kind: "text", in: DATA, width: { pdf: 0, docx: 0, xlsx: 12 }, text: (row) => row.code, value: (row) => row.code },
  {
    header: "agency", align: "left", kind: "text", width: { pdf: 150, docx: 31, xlsx: 36 }, phone: "host",
    text: (row, { w }) => (row.subAgencies ? `${row.name} (${w.t("agencies.subAgencies", { count: row.subAgencies })})` : row.name), value: (row) => row.name,
  },
  { header: "headcount", align: "right", kind: "integer", width: { pdf: 60, docx: 12, xlsx: 14 }, text: (row, { w }) => formatTarget(row.headcount, w), value: (row) => row.headcount },
  { header: "staffActivated", align: "right", kind: "integer", width: { pdf: 60, docx: 12, xlsx: 14 }, text: (row, { w }) => formatNumber(row.activated, w.locale), value: (row) => row.activated },
  rate({ pdf: 50, docx: 10, xlsx: 10 }),
  weekChange({ pdf: 55, docx: 12, xlsx: 14 }),
  {
    header: "thisWeek", align: "center", kind: "text", width: { pdf: 63, docx: 16, xlsx: 14 },
    text: (row, { w }) => w.t(row.reported ? "agencies.reported" : "agencies.notReportedShort"), value: (row, { w }) => w.t(row.reported ? "agencies.reported" : "agencies.notReportedShort"),
  },
];
