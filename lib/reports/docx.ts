// The weekly report as a Word document (docx): real headings (Heading 1/2 styles, so the
// navigation pane and a table of contents work), real tables with a repeating header row,
// the trend chart as a PNG, A4 portrait, "Trang i/n" in the footer. It opens and edits
// in Word and LibreOffice.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { chartSvg, layoutChart } from "./chart";
import { svgToPng } from "./chart-png";
import type { ReportEnvelope } from "./model";
import {
  MISSING_HEADERS, RANKING_HEADERS, REPORT_SUBTITLE, REPORT_TITLE, SECTION_TITLES, SUMMARY_HEADERS,
  formatMissingDays, formatNextMilestone, formatPoints, formatProjection, formatRankChange, formatSigned, formatTarget, frozenNote, titleBlock,
} from "./text";

const FONT = "Times New Roman";
const SIZE = 24; // half-points: 12 pt, the usual size of Vietnamese administrative documents
const TABLE_SIZE = 20;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "71717A" };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

function cell(text: string, widthPct: number, options: { header?: boolean; align?: Align } = {}): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "E4E4E7" } } : {}),
    children: [new Paragraph({
      alignment: options.header ? AlignmentType.CENTER : (options.align ?? AlignmentType.LEFT),
      children: [new TextRun({ text, bold: options.header ?? false, size: TABLE_SIZE, font: FONT })],
    })],
  });
}

function table(columns: { header: string; width: number; align?: Align }[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, c.width, { header: true })) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((text, i) => cell(text, columns[i].width, { align: columns[i].align ?? AlignmentType.LEFT })) })),
    ],
  });
}

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, size: SIZE, font: FONT, ...options });
const letterhead = (value: string, bold: boolean) => new TextRun({ text: value, size: 22, font: FONT, bold });
const para = (children: TextRun[], alignment: Align = AlignmentType.LEFT) => new Paragraph({ alignment, spacing: { after: 80 }, children });
const heading = (value: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: value, font: FONT, bold: true, size: 26, color: "000000" })] });

export async function renderDocx(envelope: ReportEnvelope): Promise<Buffer> {
  const { model } = envelope;
  const R = AlignmentType.RIGHT;
  const C = AlignmentType.CENTER;
  const layout = layoutChart(model.trend, 600, 260);
  const png = await svgToPng(chartSvg(layout), layout.width);
  const note = frozenNote(envelope);
  const named = (rows: typeof model.praise) => (rows.length === 0 ? "không có" : rows.map((r) => `${r.name} (${formatPercent(r.percent)})`).join("; "));
  const dueDate = model.summary.find((s) => s.metric === model.metric.code)?.dueDate ?? null;

  const document = new Document({
    creator: "Ban Chỉ đạo Đề án 06",
    title: `${REPORT_TITLE} ${model.week.shortLabel} - ${model.unit.name}`,
    description: REPORT_SUBTITLE,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: [`${model.unit.name} · ${model.week.shortLabel} · Trang `, PageNumber.CURRENT, "/", PageNumber.TOTAL_PAGES], size: 18, font: FONT })],
          })],
        }),
      },
      children: [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          borders: { top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } },
          rows: [new TableRow({
            children: [
              new TableCell({ width: { size: 40, type: WidthType.PERCENTAGE }, children: [para([letterhead("BAN CHỈ ĐẠO ĐỀ ÁN 06", true)], C), para([letterhead(model.unit.name.toUpperCase(), false)], C)] }),
              new TableCell({ width: { size: 60, type: WidthType.PERCENTAGE }, children: [para([letterhead("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true)], C), para([letterhead("Độc lập - Tự do - Hạnh phúc", true)], C)] }),
            ],
          })],
        }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: C, spacing: { before: 360, after: 60 }, children: [new TextRun({ text: REPORT_TITLE, font: FONT, bold: true, size: 32, color: "000000" })] }),
        para([text(REPORT_SUBTITLE, { italics: true })], C),
        ...titleBlock(envelope).map(({ label, value }) => para([text(`${label}: `, { bold: true }), text(value)])),
        ...(note ? [new Paragraph({
          border: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
          spacing: { before: 120, after: 120 },
          children: [text(note, { italics: true })],
        })] : []),

        heading(SECTION_TITLES.summary),
        table([
          { header: SUMMARY_HEADERS[0], width: 20 }, { header: SUMMARY_HEADERS[1], width: 11, align: R }, { header: SUMMARY_HEADERS[2], width: 11, align: R },
          { header: SUMMARY_HEADERS[3], width: 9, align: R }, { header: SUMMARY_HEADERS[4], width: 10, align: R }, { header: SUMMARY_HEADERS[5], width: 10, align: R },
          { header: SUMMARY_HEADERS[6], width: 12 }, { header: SUMMARY_HEADERS[7], width: 17 },
        ], model.summary.map((row) => [
          row.metricName, formatTarget(row.target), formatNumber(row.actual), formatPercent(row.percent), formatSigned(row.weekChange), formatPoints(row.weekChangePoints),
          formatNextMilestone(row.nextMilestone, model.asOf), formatProjection(row.projection, row.dueDate),
        ])),
        ...(dueDate ? [new Paragraph({ spacing: { before: 60, after: 80 }, children: [text(`Chỉ tiêu tính theo mốc ${formatDay(dueDate)}.`, { italics: true })] })] : []),

        heading(`${SECTION_TITLES.ranking}: ${model.metric.name}`),
        table([
          { header: RANKING_HEADERS[0], width: 7, align: R }, { header: RANKING_HEADERS[1], width: 7 }, { header: RANKING_HEADERS[2], width: 20 },
          { header: RANKING_HEADERS[3], width: 10, align: R }, { header: RANKING_HEADERS[4], width: 10, align: R }, { header: RANKING_HEADERS[5], width: 10, align: R },
          { header: RANKING_HEADERS[6], width: 11, align: R }, { header: RANKING_HEADERS[7], width: 13, align: C }, { header: RANKING_HEADERS[8], width: 12, align: C },
        ], model.ranking.map((row) => [
          row.rank === null ? "—" : String(row.rank), row.code, row.name, formatTarget(row.target), formatNumber(row.actual), formatPercent(row.percent),
          formatSigned(row.weekChange), formatRankChange(row.rankChange), formatDay(row.reportedOn),
        ])),

        heading(SECTION_TITLES.praise),
        para([text("Biểu dương: ", { bold: true }), text(`${named(model.praise)}.`)]),
        para([text("Phê bình: ", { bold: true }), text(`${named(model.criticism)}.`)]),
        para([text(model.sentence, { italics: true })]),

        heading(SECTION_TITLES.missing),
        model.missing.length === 0
          ? para([text("Tất cả các đơn vị đã báo cáo đủ 7 ngày trong tuần.")])
          : table([
            { header: MISSING_HEADERS[0], width: 10 }, { header: MISSING_HEADERS[1], width: 32 }, { header: MISSING_HEADERS[2], width: 38 }, { header: MISSING_HEADERS[3], width: 20, align: R },
          ], model.missing.map((row) => [row.code, row.name, formatMissingDays(row.missingDays), `${row.leavesMissing}/${row.leavesTotal}`])),

        heading(`${SECTION_TITLES.trend}: ${model.metric.name}`),
        new Paragraph({
          alignment: C,
          children: [new ImageRun({
            type: "png", data: png,
            transformation: { width: layout.width, height: layout.height },
            altText: { name: "Biểu đồ", title: SECTION_TITLES.trend, description: `Lũy kế ${model.metric.name} so với kế hoạch` },
          })],
        }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
