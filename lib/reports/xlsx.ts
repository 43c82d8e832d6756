// The weekly report as an Excel workbook (exceljs): one sheet per section, real numbers
// with number formats (percentages as fractions formatted 0.00%), a frozen header row,
// set column widths and A4 portrait print setup. exceljs cannot draw charts, so the trend
// is a data sheet laid out for one (day, cumulative, plan).
import ExcelJS from "exceljs";
import { dayToDate } from "@/lib/domain/dates";
import { parseIsoWeek } from "@/lib/domain/weeks";
import type { Locale } from "@/lib/i18n/config";
import type { ReportEnvelope } from "./model";
import {
  formatMissingDays, formatNextMilestone, formatProjection, frozenNote, metricName, missingHeaders, praiseSentence, rankingHeaders,
  reportUnitName, reportWords, summaryHeaders, titleBlock, trendHeaders, weekLabel, weekShortLabel,
} from "./text";

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

// 83.07 → 0.8307 (from hundredths, so no 0.8307000000000001).
const fraction = (percent: number | null) => (percent === null ? null : Math.round(percent * 100) / 10_000);
const excelDate = (day: string | null) => (day === null ? null : dayToDate(day));

/** A sheet with a title in row 1, a note in row 2, the header in row 3 (frozen) and the rows below. */
function tableSheet(book: ExcelJS.Workbook, name: string, title: string, note: string, columns: Column[], rows: (string | number | Date | null)[][]) {
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
  const POINTS = pointsFormat(t("values.pointsUnit"));
  const book = new ExcelJS.Workbook();
  book.creator = t("document.creator");
  book.created = new Date(envelope.issuedAt);
  const headline = metricName(model.metric, w);
  const week = parseIsoWeek(model.week.iso)!;
  const context = `${reportUnitName(model, w)} · ${weekShortLabel(week, w)}: ${weekLabel(week, w)}`;
  const [SUMMARY_HEADERS, RANKING_HEADERS, MISSING_HEADERS, TREND_HEADERS] = [summaryHeaders(w), rankingHeaders(w), missingHeaders(w), trendHeaders(w)];

  // Title block and summary.
  const summary = book.addWorksheet(t("sheets.summary"), {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  summary.columns = [{ width: 30 }, { width: 14 }, { width: 14 }, { width: 11 }, { width: 15 }, { width: 15 }, { width: 24 }, { width: 40 }];
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
  headerRow.values = [...SUMMARY_HEADERS];
  headerRow.font = { bold: true };
  headerRow.alignment = { wrapText: true, vertical: "middle" };
  headerRow.height = 32;
  headerRow.eachCell((cell) => { cell.fill = HEADER_FILL; cell.border = THIN; });
  summary.views = [{ state: "frozen", ySplit: r }];
  for (const row of model.summary) {
    const added = summary.addRow([
      metricName({ name: row.metricName, nameEn: row.metricNameEn }, w), row.target, row.actual, fraction(row.percent), row.weekChange, row.weekChangePoints,
      formatNextMilestone(row.nextMilestone, model.asOf, w),
      formatProjection(row.projection, row.dueDate, w),
    ]);
    added.getCell(2).numFmt = INTEGER;
    added.getCell(3).numFmt = INTEGER;
    added.getCell(4).numFmt = PERCENT;
    added.getCell(5).numFmt = SIGNED;
    added.getCell(6).numFmt = POINTS;
    added.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; });
  }

  tableSheet(book, t("sheets.ranking"), `${t("sections.ranking")}: ${headline}`, context, [
    { header: RANKING_HEADERS[0], width: 7, numFmt: "0" },
    { header: RANKING_HEADERS[1], width: 8 },
    { header: RANKING_HEADERS[2], width: 28 },
    { header: RANKING_HEADERS[3], width: 13, numFmt: INTEGER },
    { header: RANKING_HEADERS[4], width: 13, numFmt: INTEGER },
    { header: RANKING_HEADERS[5], width: 10, numFmt: PERCENT },
    { header: RANKING_HEADERS[6], width: 14, numFmt: SIGNED },
    { header: t("columns.weekPoints"), width: 14, numFmt: POINTS },
    { header: RANKING_HEADERS[7], width: 12, numFmt: SIGNED },
    { header: RANKING_HEADERS[8], width: 13, numFmt: DATE },
  ], model.ranking.map((row) => [
    row.rank, row.code, row.name, row.target, row.actual, fraction(row.percent), row.weekChange, row.weekChangePoints, row.rankChange, excelDate(row.reportedOn),
  ]));

  const praise = tableSheet(book, t("sheets.praise"), t("sections.praise"), praiseSentence(model, w), [
    { header: t("columns.kind"), width: 14 },
    { header: t("columns.code"), width: 8 },
    { header: t("columns.unit"), width: 30 },
    { header: t("columns.rate"), width: 10, numFmt: PERCENT },
  ], [
    ...model.praise.map((row) => [t("praise.praised"), row.code, row.name, fraction(row.percent)]),
    ...model.criticism.map((row) => [t("praise.criticised"), row.code, row.name, fraction(row.percent)]),
  ]);
  praise.getCell(2, 1).font = { size: 10 };

  tableSheet(book, t("sheets.missing"), t("sections.missing"), context, [
    { header: MISSING_HEADERS[0], width: 8 },
    { header: MISSING_HEADERS[1], width: 30 },
    { header: MISSING_HEADERS[2], width: 34 },
    { header: MISSING_HEADERS[3], width: 14, numFmt: INTEGER },
    { header: t("columns.leavesTotal"), width: 14, numFmt: INTEGER },
  ], model.missing.map((row) => [row.code, row.name, formatMissingDays(row.missingDays), row.leavesMissing, row.leavesTotal]));

  tableSheet(book, t("sheets.trend"), `${t("sections.trend")}: ${headline}`, t("sheets.trendHint"), [
    { header: TREND_HEADERS[0], width: 13, numFmt: DATE },
    { header: TREND_HEADERS[1], width: 14, numFmt: INTEGER },
    { header: TREND_HEADERS[2], width: 14, numFmt: INTEGER },
  ], model.trend.map((p) => [dayToDate(p.day), p.actual, p.planned]));

  return Buffer.from(await book.xlsx.writeBuffer());
}
