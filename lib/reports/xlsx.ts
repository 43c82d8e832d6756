// The weekly report as an Excel workbook (exceljs): one sheet per section, real numbers
// with number formats (percentages as fractions formatted 0.00%), a frozen header row,
// set column widths and A4 portrait print setup. exceljs cannot draw charts, so the trend
// is a data sheet laid out for one (day, cumulative, plan).
import ExcelJS from "exceljs";
import { dayToDate } from "@/lib/domain/dates";
import { parseIsoWeek } from "@/lib/domain/weeks";
import type { Locale } from "@/lib/i18n/config";
import {
  AGENCY_COLUMNS, columnsFor, headerOf, MISSING_COLUMNS, PRAISE_COLUMNS, praiseRows, RANKING_COLUMNS, SUMMARY_COLUMNS, TREND_COLUMNS,
  type CellContext, type ColumnKind, type ReportColumn,
} from "./columns";
import type { ReportEnvelope } from "./model";
import { agencyLines, frozenNote, kindSection, metricName, notAllocatedLine, praiseSentence, reportUnitName, reportWords, titleBlock, weekLabel, weekShortLabel } from "./text";

const INTEGER = "#,##0";
const SIGNED = "+#,##0;-#,##0;0";
const PERCENT = "0.00%";
const DATE = "dd/mm/yyyy";
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE4E4E7" } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };

interface Column {
  header: string;
  width: number;
  numFmt?: string;
}

type XlsxValue = string | number | Date | null;

// 83.07 → 0.8307 (from hundredths, so no 0.8307000000000001).
const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 100) / 10_000);
const excelDate = (day: string | null) => (day === null ? null : dayToDate(day));

/** Each kind of column's number format (points carry their unit, in the reader's language). */
const numberFormats = (points: string): Record<ColumnKind, string | undefined> => ({
  text: undefined, rank: "0", integer: INTEGER, signed: SIGNED, percent: PERCENT, points, date: DATE,
});

/** A column's data value as Excel stores it: percentages as fractions, days as dates. */
function xlsxValue(kind: ColumnKind, value: string | number | null): XlsxValue {
  if (kind === "percent") return fraction(value as number | null);
  if (kind === "date") return excelDate(value as string | null);
  return value;
}

/** A table's columns and rows for a sheet, from its column spec (lib/reports/columns.ts). */
function sheetTable<Row>(spec: readonly ReportColumn<Row>[], rows: readonly Row[], c: CellContext, formats: Record<ColumnKind, string | undefined>) {
  const columns = columnsFor(spec, "xlsx");
  return {
    columns: columns.map((column): Column => ({ header: headerOf(column, "xlsx", c.w), width: column.width.xlsx, ...(formats[column.kind] ? { numFmt: formats[column.kind] } : {}) })),
    rows: rows.map((row) => columns.map((column) => xlsxValue(column.kind, column.value(row, c)))),
  };
}

/** A sheet with a title in row 1, a note in row 2, the header in row 3 (frozen) and the rows below. */
function tableSheet(book: ExcelJS.Workbook, name: string, title: string, note: string, { columns, rows }: { columns: Column[]; rows: XlsxValue[][] }) {
  const sheet = book.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "3:3" },
  });
  sheet.columns = columns.map((c) => ({ width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(2, 1).value = note;
  sheet.getCell(2, 1).font = { italic: true, size: 10 };
  const header = sheet.getRow(3);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32; // room for wrapped headers: spreadsheet programs do not grow rows on their own
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; });
  }
  return sheet;
}

/** Percentage points with their unit: +1.50 điểm / +1.50 pts (the reader's spreadsheet program sets the decimal mark). */
const pointsFormat = (unit: string) => `+0.00" ${unit}";-0.00" ${unit}";0.00" ${unit}"`;

export async function renderXlsx(envelope: ReportEnvelope, locale: Locale): Promise<Buffer> {
  const w = reportWords(locale);
  const { t } = w;
  const { model } = envelope;
  const formats = numberFormats(pointsFormat(t("values.pointsUnit")));
  const cells: CellContext = { w, model };
  const book = new ExcelJS.Workbook();
  book.creator = t("document.creator");
  book.created = new Date(envelope.issuedAt);
  const headline = metricName(model.metric, w);
  const week = parseIsoWeek(model.week.iso)!;
  const context = `${reportUnitName(model, w)} · ${weekShortLabel(week, w)}: ${weekLabel(week, w)}`;

  // Title block and summary.
  const summary = book.addWorksheet(t("sheets.summary"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const summaryTable = sheetTable(SUMMARY_COLUMNS, model.summary, cells, formats);
  summary.columns = summaryTable.columns.map((c) => ({ width: c.width }));
  summary.getCell("A1").value = t("document.title");
  summary.getCell("A1").font = { bold: true, size: 16 };
  summary.getCell("A2").value = t("document.subtitle");
  summary.getCell("A2").font = { italic: true };
  let r = 4;
  for (const { label, value } of titleBlock(envelope, w)) {
    summary.getCell(r, 1).value = label;
    summary.getCell(r, 1).font = { bold: true };
    summary.getCell(r, 2).value = value;
    r++;
  }
  const note = frozenNote(envelope, w);
  if (note) {
    summary.getCell(r, 1).value = t("titleBlock.note");
    summary.getCell(r, 1).font = { bold: true };
    summary.getCell(r, 2).value = note;
    summary.getCell(r, 2).font = { italic: true };
    r++;
  }
  r++;
  summary.getCell(r, 1).value = t("sections.summary");
  summary.getCell(r, 1).font = { bold: true, size: 13 };
  r++;
  const headerRow = summary.getRow(r);
  headerRow.values = summaryTable.columns.map((c) => c.header);
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "middle" };
  headerRow.height = 32;
  headerRow.eachCell((cell) => { cell.fill = HEADER_FILL; cell.border = THIN; });
  summary.views = [{ state: "frozen", ySplit: r }];
  for (const values of summaryTable.rows) {
    const added = summary.addRow(values);
    summaryTable.columns.forEach((column, i) => { if (column.numFmt) added.getCell(i + 1).numFmt = column.numFmt; });
    added.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; });
  }

  const ranking = tableSheet(book, t("sheets.ranking"), `${kindSection(model, "ranking", w)}: ${headline}`, context, sheetTable(RANKING_COLUMNS, model.ranking, cells, formats));
  const unallocated = notAllocatedLine(model, w);
  if (unallocated) {
    ranking.addRow([]);
    ranking.addRow([unallocated]).getCell(1).font = { italic: true, size: 10 };
  }
  const praise = tableSheet(book, t("sheets.praise"), t("sections.praise"), praiseSentence(model, w), sheetTable(PRAISE_COLUMNS, praiseRows(model), cells, formats));
  praise.getCell(2, 1).font = { size: 10 };
  tableSheet(book, t("sheets.missing"), kindSection(model, "missing", w), context, sheetTable(MISSING_COLUMNS, model.missing, cells, formats));
  tableSheet(book, t("sheets.trend"), `${t("sections.trend")}: ${headline}`, t("sheets.trendHint"), sheetTable(TREND_COLUMNS, model.trend, cells, formats));
  const agencies = agencyLines(model, w);
  if (model.agencies && agencies) {
    const sheet = tableSheet(book, t("sheets.agencies"), t("agencies.section"), agencies.total, sheetTable(AGENCY_COLUMNS, model.agencies.rows, cells, formats));
    sheet.addRow([]);
    sheet.addRow([agencies.notReported]).getCell(1).font = { italic: true, size: 10 };
  }

  return Buffer.from(await book.xlsx.writeBuffer());
}
