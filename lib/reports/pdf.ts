// The weekly report as a PDF (pdfkit): A4 portrait, Be Vietnam Pro embedded (subset) so
// Vietnamese diacritics render anywhere, tables whose header repeats on each page, the
// trend chart drawn as vector paths, and "Trang i/n" ("Page i/n") on every page; in the
// reader's language, with the document's language set to match.
import PDFDocument from "pdfkit";
import { formatDay } from "@/lib/domain/format";
import type { Locale } from "@/lib/i18n/config";
import { CHART_COLORS, chartLegend, layoutChart } from "./chart";
import { AGENCY_COLUMNS, columnsFor, headerOf, MISSING_COLUMNS, RANKING_COLUMNS, SUMMARY_COLUMNS, type CellContext, type ReportColumn } from "./columns";
import { reportFont } from "./fonts";
import { recipientLines } from "./issuing";
import type { ReportDocument, ReportEnvelope } from "./model";
import { agencyLines, frozenNote, kindSection, metricName, modelWeekShortLabel, notAllocatedLine, placeAndDate, praiseSentence, reportUnitName, reportWords, titleBlock, type ReportWords } from "./text";

type Doc = PDFKit.PDFDocument;
type Align = "left" | "right" | "center";

const MARGIN = { top: 48, bottom: 56, left: 50, right: 45 };
const FONT_SIZE = 8.5;
const CELL_PAD = 3;
const CHART_HEIGHT = 230;
/** The box each date label of the chart is written in (centred on its day; the last one ends on it). */
const X_LABEL_WIDTH = 40;

interface TableColumn {
  header: string;
  width: number;
  align?: Align;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - MARGIN.left - MARGIN.right;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - MARGIN.bottom;
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) {
    doc.addPage();
    doc.y = MARGIN.top;
  }
}

/** A section heading, kept on one page with at least `keep` points of what follows it. */
function heading(doc: Doc, text: string, keep = 60): void {
  ensureSpace(doc, keep + 30);
  doc.moveDown(0.8);
  doc.font("bold").fontSize(11).fillColor("#000000").text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

function rowHeight(doc: Doc, columns: TableColumn[], cells: string[], font: string): number {
  doc.font(font).fontSize(FONT_SIZE);
  return Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: columns[i].width - 2 * CELL_PAD }))) + 2 * CELL_PAD;
}

function drawRow(doc: Doc, columns: TableColumn[], cells: string[], y: number, height: number, header: boolean): void {
  let x = MARGIN.left;
  if (header) doc.rect(x, y, columns.reduce((s, c) => s + c.width, 0), height).fill("#e4e4e7");
  doc.fillColor("#000000").font(header ? "bold" : "regular").fontSize(FONT_SIZE);
  columns.forEach((column, i) => {
    doc.text(cells[i], x + CELL_PAD, y + CELL_PAD, { width: column.width - 2 * CELL_PAD, align: header ? "center" : (column.align ?? "left"), lineBreak: true });
    doc.lineWidth(0.5).strokeColor("#71717a").rect(x, y, column.width, height).stroke();
    x += column.width;
  });
}

/** A table; the header row is drawn again at the top of each new page. */
/** A table of the report from its column spec (lib/reports/columns.ts). */
function reportTable<Row>(doc: Doc, spec: readonly ReportColumn<Row>[], rows: readonly Row[], c: CellContext): void {
  const columns = columnsFor(spec, "document");
  table(doc, columns.map((column) => ({ header: headerOf(column, "document", c.w), width: column.width.pdf, align: column.align })), rows.map((row) => columns.map((column) => column.text(row, c))));
}

function table(doc: Doc, columns: TableColumn[], rows: string[][]): void {
  const headers = columns.map((c) => c.header);
  const headerHeight = rowHeight(doc, columns, headers, "bold");
  ensureSpace(doc, headerHeight + 20);
  let y = doc.y;
  drawRow(doc, columns, headers, y, headerHeight, true);
  y += headerHeight;
  for (const cells of rows) {
    const height = rowHeight(doc, columns, cells, "regular");
    if (y + height > bottomLimit(doc)) {
      doc.addPage();
      y = MARGIN.top;
      drawRow(doc, columns, headers, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(doc, columns, cells, y, height, false);
    y += height;
  }
  doc.x = MARGIN.left;
  doc.y = y + 4;
}

function paragraph(doc: Doc, text: string, font = "regular", size = 9.5): void {
  doc.font(font).fontSize(size).fillColor("#000000");
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 2);
  doc.text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
}

/**
 * The head of an administrative document (Decree 30/2020/NĐ-CP): on the left the superior
 * body, the issuing body (bold, a short rule under it) and the number line; on the right the
 * national name, the motto (underlined) and, in italics, the place and day of issue.
 */
function letterhead(doc: Doc, envelope: ReportDocument, w: ReportWords): void {
  const { t } = w;
  const { issuing } = envelope;
  const width = contentWidth(doc);
  const left = width * 0.42;
  const rightX = MARGIN.left + left;
  const right = width - left;
  const top = doc.y;
  doc.font("regular").fontSize(9.5).fillColor("#000000").text(issuing.superiorBody, MARGIN.left, top, { width: left, align: "center" });
  doc.font("bold").fontSize(9.5).text(issuing.issuingBody, MARGIN.left, doc.y, { width: left, align: "center" });
  const rule = left / 3;
  doc.lineWidth(0.6).strokeColor("#000000").moveTo(MARGIN.left + (left - rule) / 2, doc.y + 3).lineTo(MARGIN.left + (left + rule) / 2, doc.y + 3).stroke();
  doc.font("regular").fontSize(9.5).text(t("document.numberLine", { symbol: issuing.symbol }), MARGIN.left, doc.y + 8, { width: left, align: "center" });
  const leftBottom = doc.y;
  doc.font("bold").fontSize(9.5).text(t("document.country"), rightX, top, { width: right, align: "center" });
  doc.font("bold").fontSize(10).text(t("document.motto"), rightX, doc.y, { width: right, align: "center", underline: true });
  doc.font("italic").fontSize(9.5).text(placeAndDate(envelope, w), rightX, doc.y + 8, { width: right, align: "center" });
  doc.y = Math.max(leftBottom, doc.y) + 14;
  doc.font("bold").fontSize(15).text(t("document.title"), MARGIN.left, doc.y, { width, align: "center" });
  doc.font("italic").fontSize(10).text(t("document.subtitle"), { width, align: "center" });
  doc.moveDown(0.6);
  for (const { label, value } of titleBlock(envelope, w)) {
    doc.font("bold").fontSize(9.5).text(`${label}: `, MARGIN.left, doc.y, { continued: true, width }).font("regular").text(value);
  }
  const note = frozenNote(envelope, w);
  if (note) {
    doc.moveDown(0.4);
    const height = doc.font("italic").fontSize(9).heightOfString(note, { width: width - 12 }) + 10;
    const y = doc.y;
    doc.lineWidth(1).strokeColor("#b45309").rect(MARGIN.left, y, width, height).stroke();
    doc.fillColor("#000000").text(note, MARGIN.left + 6, y + 5, { width: width - 12 });
    doc.y = y + height;
  }
}

function chart(doc: Doc, envelope: ReportEnvelope, w: ReportWords): void {
  const width = contentWidth(doc);
  const layout = layoutChart(envelope.model.trend, width, CHART_HEIGHT, w.locale);
  const legend = chartLegend(w);
  ensureSpace(doc, layout.height + 10);
  const ox = MARGIN.left;
  const oy = doc.y;
  const { plot } = layout;
  doc.save();
  doc.font("regular").fontSize(7.5).fillColor(CHART_COLORS.text);
  for (const tick of layout.yTicks) {
    doc.lineWidth(0.4).strokeColor(CHART_COLORS.grid).moveTo(ox + plot.left, oy + tick.y).lineTo(ox + plot.right, oy + tick.y).stroke();
    doc.fillColor(CHART_COLORS.text).text(tick.label, ox, oy + tick.y - 4, { width: plot.left - 6, align: "right", lineBreak: false });
  }
  for (const tick of layout.xTicks) {
    doc.text(tick.label, ox + tick.x - (tick.align === "end" ? X_LABEL_WIDTH : X_LABEL_WIDTH / 2), oy + plot.bottom + 5, { width: X_LABEL_WIDTH, align: tick.align === "end" ? "right" : "center", lineBreak: false });
  }
  doc.lineWidth(0.8).strokeColor(CHART_COLORS.axis).moveTo(ox + plot.left, oy + plot.bottom).lineTo(ox + plot.right, oy + plot.bottom).stroke();
  const path = (points: [number, number][]) => {
    points.forEach(([x, y], i) => (i === 0 ? doc.moveTo(ox + x, oy + y) : doc.lineTo(ox + x, oy + y)));
  };
  if (layout.planned.length > 1) {
    path(layout.planned);
    doc.lineWidth(1.4).dash(5, { space: 3 }).strokeColor(CHART_COLORS.planned).stroke().undash();
  }
  if (layout.actual.length > 1) {
    path(layout.actual);
    doc.lineWidth(2).strokeColor(CHART_COLORS.actual).stroke();
  }
  // Legend: a solid and a dashed line, so the series differ by more than colour.
  doc.lineWidth(2).strokeColor(CHART_COLORS.actual).moveTo(ox + plot.left, oy + 10).lineTo(ox + plot.left + 22, oy + 10).stroke();
  doc.fillColor(CHART_COLORS.text).fontSize(8).text(legend.actual, ox + plot.left + 27, oy + 6, { lineBreak: false });
  doc.lineWidth(1.4).dash(5, { space: 3 }).strokeColor(CHART_COLORS.planned).moveTo(ox + plot.left + 150, oy + 10).lineTo(ox + plot.left + 172, oy + 10).stroke().undash();
  doc.text(legend.planned, ox + plot.left + 177, oy + 6, { lineBreak: false });
  doc.restore();
  doc.x = MARGIN.left;
  doc.y = oy + layout.height + 6;
}

/**
 * The foot of the document: "Nơi nhận" and its list on the left; on the right the signer's
 * title (bold), room for the signature and seal, and the signer's name (bold).
 */
function signatureBlock(doc: Doc, document: ReportDocument, w: ReportWords): void {
  const { issuing } = document;
  const width = contentWidth(doc);
  const left = width * 0.45;
  const right = width - left;
  const rightX = MARGIN.left + left;
  const recipients = recipientLines(issuing.recipients);
  ensureSpace(doc, Math.max(110, 14 + recipients.length * 11) + 20);
  doc.moveDown(1.2);
  const top = doc.y;
  doc.font("bold").fontSize(9).fillColor("#000000").text(w.t("document.recipients"), MARGIN.left, top, { width: left });
  doc.font("regular").fontSize(8.5);
  for (const line of recipients) doc.text(line, MARGIN.left, doc.y, { width: left });
  const leftBottom = doc.y;
  doc.font("bold").fontSize(10).text(issuing.signerTitle.join("\n"), rightX, top, { width: right, align: "center" });
  doc.font("italic").fontSize(8).text(w.t("document.signHint"), rightX, doc.y, { width: right, align: "center" });
  doc.font("bold").fontSize(10).text(issuing.signerName, rightX, doc.y + 52, { width: right, align: "center" });
  doc.x = MARGIN.left;
  doc.y = Math.max(leftBottom, doc.y) + 6;
}

function pageNumbers(doc: Doc, envelope: ReportEnvelope, w: ReportWords): void {
  const range = doc.bufferedPageRange();
  const footer = `${reportUnitName(envelope.model, w)} · ${modelWeekShortLabel(envelope.model, w)}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN.bottom + 20;
    doc.font("regular").fontSize(8).fillColor("#52525b");
    doc.text(footer, MARGIN.left, y, { width: contentWidth(doc) / 2, lineBreak: false });
    doc.text(w.t("document.page", { page: String(i - range.start + 1), pages: String(range.count) }), MARGIN.left, y, { width: contentWidth(doc), align: "right", lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}

export function renderPdf(envelope: ReportDocument, locale: Locale): Promise<Buffer> {
  const w = reportWords(locale);
  const { t } = w;
  const { model } = envelope;
  const headline = metricName(model.metric, w);
  const doc = new PDFDocument({
    size: "A4", layout: "portrait", margins: MARGIN, bufferPages: true, autoFirstPage: true,
    info: { Title: `${t("document.title")} ${modelWeekShortLabel(model, w)} - ${reportUnitName(model, w)}`, Author: t("document.author"), Subject: t("document.subtitle") },
    lang: t("document.language"), displayTitle: true,
  });
  doc.registerFont("regular", reportFont("regular"));
  doc.registerFont("bold", reportFont("bold"));
  doc.registerFont("italic", reportFont("italic"));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  letterhead(doc, envelope, w);
  const cells: CellContext = { w, model };

  heading(doc, t("sections.summary"));
  reportTable(doc, SUMMARY_COLUMNS, model.summary, cells);
  const dueDate = model.summary.find((s) => s.metric === model.metric.code)?.dueDate ?? null;
  if (dueDate) paragraph(doc, t("document.targetsAt", { day: formatDay(dueDate) }), "italic", 8.5);

  heading(doc, `${kindSection(model, "ranking", w)}: ${headline}`);
  reportTable(doc, RANKING_COLUMNS, model.ranking, cells);
  const unallocated = notAllocatedLine(model, w);
  if (unallocated) paragraph(doc, unallocated, "italic", 8.5);

  heading(doc, t("sections.praise"));
  paragraph(doc, praiseSentence(model, w));

  heading(doc, kindSection(model, "missing", w));
  if (model.missing.length === 0) paragraph(doc, kindSection(model, "allReportedDocument", w));
  else reportTable(doc, MISSING_COLUMNS, model.missing, cells);

  heading(doc, `${t("sections.trend")}: ${headline}`, CHART_HEIGHT + 10);
  chart(doc, envelope, w);

  const agencies = agencyLines(model, w);
  if (model.agencies && agencies) {
    heading(doc, t("agencies.section"));
    paragraph(doc, agencies.total);
    doc.moveDown(0.3);
    reportTable(doc, AGENCY_COLUMNS, model.agencies.rows, cells);
    paragraph(doc, agencies.notReported, "italic", 9);
  }
  signatureBlock(doc, envelope, w);

  pageNumbers(doc, envelope, w);
  doc.end();
  return done;
}

