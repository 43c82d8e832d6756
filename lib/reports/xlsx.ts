// The weekly report as an Excel workbook (exceljs): one sheet per section, real numbers
// with number formats (percentages as fractions formatted 0.00%), a frozen header row,
// set column widths and A4 portrait print setup. exceljs cannot draw charts, so the trend
// is a data sheet laid out for one (day, cumulative, plan).
import ExcelJS from "exceljs";
import { dayToDate } from "@/lib/domain/dates";
import type { ReportEnvelope } from "./model";
import {
  MISSING_HEADERS, RANKING_HEADERS, REPORT_SUBTITLE, REPORT_TITLE, SECTION_TITLES, SUMMARY_HEADERS, TREND_HEADERS,
  formatMissingDays, formatNextMilestone, formatProjection, frozenNote, titleBlock,
} from "./text";

const INTEGER = "#,##0";
const SIGNED = "+#,##0;-#,##0;0";
const PERCENT = "0.00%";
const POINTS = '+0.00" điểm";-0.00" điểm";0.00" điểm"';
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

export async function renderXlsx(envelope: ReportEnvelope): Promise<Buffer> {
  const { model } = envelope;
  const book = new ExcelJS.Workbook();
  book.creator = "Đề án 06";
  book.created = new Date(envelope.issuedAt);
  const context = `${model.unit.name} · ${model.week.shortLabel}: ${model.week.label}`;

  // Title block and summary.
  const summary = book.addWorksheet("Tổng hợp", {
    pageSetup: { paperSize: 9, orientation: "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  summary.columns = [{ width: 30 }, { width: 14 }, { width: 14 }, { width: 11 }, { width: 15 }, { width: 15 }, { width: 24 }, { width: 40 }];
  summary.getCell("A1").value = REPORT_TITLE;
  summary.getCell("A1").font = { bold: true, size: 16 };
  summary.getCell("A2").value = REPORT_SUBTITLE;
  summary.getCell("A2").font = { italic: true };
  let r = 4;
  for (const { label, value } of titleBlock(envelope)) {
    summary.getCell(r, 1).value = label;
    summary.getCell(r, 1).font = { bold: true };
    summary.getCell(r, 2).value = value;
    r++;
  }
  const note = frozenNote(envelope);
  if (note) {
    summary.getCell(r, 1).value = "Ghi chú";
    summary.getCell(r, 1).font = { bold: true };
    summary.getCell(r, 2).value = note;
    summary.getCell(r, 2).font = { italic: true };
    r++;
  }
  r++;
  summary.getCell(r, 1).value = SECTION_TITLES.summary;
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
      row.metricName, row.target, row.actual, fraction(row.percent), row.weekChange, row.weekChangePoints,
      formatNextMilestone(row.nextMilestone, model.asOf),
      formatProjection(row.projection, row.dueDate),
    ]);
    added.getCell(2).numFmt = INTEGER;
    added.getCell(3).numFmt = INTEGER;
    added.getCell(4).numFmt = PERCENT;
    added.getCell(5).numFmt = SIGNED;
    added.getCell(6).numFmt = POINTS;
    added.eachCell({ includeEmpty: true }, (cell) => { cell.border = THIN; });
  }

  tableSheet(book, "Xếp hạng", `${SECTION_TITLES.ranking}: ${model.metric.name}`, context, [
    { header: RANKING_HEADERS[0], width: 7, numFmt: "0" },
    { header: RANKING_HEADERS[1], width: 8 },
    { header: RANKING_HEADERS[2], width: 28 },
    { header: RANKING_HEADERS[3], width: 13, numFmt: INTEGER },
    { header: RANKING_HEADERS[4], width: 13, numFmt: INTEGER },
    { header: RANKING_HEADERS[5], width: 10, numFmt: PERCENT },
    { header: RANKING_HEADERS[6], width: 14, numFmt: SIGNED },
    { header: "Tăng (điểm %)", width: 14, numFmt: POINTS },
    { header: RANKING_HEADERS[7], width: 12, numFmt: SIGNED },
    { header: RANKING_HEADERS[8], width: 13, numFmt: DATE },
  ], model.ranking.map((row) => [
    row.rank, row.code, row.name, row.target, row.actual, fraction(row.percent), row.weekChange, row.weekChangePoints, row.rankChange, excelDate(row.reportedOn),
  ]));

  const praise = tableSheet(book, "Biểu dương - Phê bình", SECTION_TITLES.praise, model.sentence, [
    { header: "Loại", width: 14 },
    { header: "Mã", width: 8 },
    { header: "Đơn vị", width: 30 },
    { header: "Tỷ lệ", width: 10, numFmt: PERCENT },
  ], [
    ...model.praise.map((row) => ["Biểu dương", row.code, row.name, fraction(row.percent)]),
    ...model.criticism.map((row) => ["Phê bình", row.code, row.name, fraction(row.percent)]),
  ]);
  praise.getCell(2, 1).font = { size: 10 };

  tableSheet(book, "Chưa báo cáo", SECTION_TITLES.missing, context, [
    { header: MISSING_HEADERS[0], width: 8 },
    { header: MISSING_HEADERS[1], width: 30 },
    { header: MISSING_HEADERS[2], width: 34 },
    { header: MISSING_HEADERS[3], width: 14, numFmt: INTEGER },
    { header: "Tổng số đơn vị cấp dưới", width: 14, numFmt: INTEGER },
  ], model.missing.map((row) => [row.code, row.name, formatMissingDays(row.missingDays), row.leavesMissing, row.leavesTotal]));

  tableSheet(book, "Xu hướng", `${SECTION_TITLES.trend}: ${model.metric.name}`, "Số liệu để vẽ biểu đồ: chọn ba cột rồi Chèn › Biểu đồ đường.", [
    { header: TREND_HEADERS[0], width: 13, numFmt: DATE },
    { header: TREND_HEADERS[1], width: 14, numFmt: INTEGER },
    { header: TREND_HEADERS[2], width: 14, numFmt: INTEGER },
  ], model.trend.map((p) => [dayToDate(p.day), p.actual, p.planned]));

  return Buffer.from(await book.xlsx.writeBuffer());
}
