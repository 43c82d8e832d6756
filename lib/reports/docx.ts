// The weekly report as a Word document (docx): real headings (Heading 1/2 styles, so the
// navigation pane and a table of contents work), real tables with a repeating header row,
// the trend chart as a PNG, A4 portrait, "Trang i/n" ("Page i/n") in the footer, in the
// reader's language (also set as the document's proofing language). It opens and edits in
// Word and LibreOffice.
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
} from "docx";
import { formatDay } from "@/lib/domain/format";
import type { Locale } from "@/lib/i18n/config";
import { chartLegend, chartSvg, layoutChart } from "./chart";
import { svgToPng } from "./chart-png";
import { AGENCY_COLUMNS, columnsFor, headerOf, MISSING_COLUMNS, RANKING_COLUMNS, SUMMARY_COLUMNS, type CellContext, type ReportColumn } from "./columns";
import { recipientLines } from "./issuing";
import type { ReportDocument } from "./model";
import { agencyLines, frozenNote, kindSection, metricName, modelWeekShortLabel, notAllocatedLine, placeAndDate, praiseSentence, reportUnitName, reportWords, titleBlock } from "./text";

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

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** A table of the report from its column spec (lib/reports/columns.ts). */
function reportTable<Row>(spec: readonly ReportColumn<Row>[], rows: readonly Row[], c: CellContext): Table {
  const columns = columnsFor(spec, "document");
  return table(columns.map((column) => ({ header: headerOf(column, "document", c.w), width: column.width.docx, align: ALIGN[column.align] })), rows.map((row) => columns.map((column) => column.text(row, c))));
}

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, size: SIZE, font: FONT, ...options });
const letterhead = (value: string, bold: boolean) => new TextRun({ text: value, size: 22, font: FONT, bold });
const para = (children: TextRun[], alignment: Align = AlignmentType.LEFT) => new Paragraph({ alignment, spacing: { after: 80 }, children });
const heading = (value: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: value, font: FONT, bold: true, size: 26, color: "000000" })] });

const NO_BORDERS = { top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" }, insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } };

/** A borderless two-column table: the head's and the foot's left and right blocks. */
function twoColumns(leftPct: number, left: Paragraph[], right: Paragraph[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: leftPct, type: WidthType.PERCENTAGE }, children: left }),
        new TableCell({ width: { size: 100 - leftPct, type: WidthType.PERCENTAGE }, children: right }),
      ],
    })],
  });
}

export async function renderDocx(envelope: ReportDocument, locale: Locale): Promise<Buffer> {
  const w = reportWords(locale);
  const { t } = w;
  const { model, issuing } = envelope;
  const C = AlignmentType.CENTER;
  const layout = layoutChart(model.trend, 600, 260, locale);
  const png = await svgToPng(chartSvg(layout, chartLegend(w)), layout.width);
  const note = frozenNote(envelope, w);
  const dueDate = model.summary.find((s) => s.metric === model.metric.code)?.dueDate ?? null;
  const unitName = reportUnitName(model, w);
  const weekShort = modelWeekShortLabel(model, w);
  const headline = metricName(model.metric, w);
  const cells: CellContext = { w, model };
  const agencies = agencyLines(model, w);

  const document = new Document({
    creator: t("document.author"),
    title: `${t("document.title")} ${weekShort} - ${unitName}`,
    description: t("document.subtitle"),
    styles: { default: { document: { run: { font: FONT, size: SIZE, language: { value: t("document.language") } } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: [`${unitName} · ${weekShort} · ${t("document.pageWord")} `, PageNumber.CURRENT, "/", PageNumber.TOTAL_PAGES], size: 18, font: FONT })],
          })],
        }),
      },
      children: [
        twoColumns(
          40,
          [
            para([letterhead(issuing.superiorBody, false)], C),
            // The short rule under the issuing body (Decree 30: a third to a half of its line's length).
            new Paragraph({ alignment: C, spacing: { after: 120 }, children: [new TextRun({ text: issuing.issuingBody, size: 22, font: FONT, bold: true, underline: {} })] }),
            para([letterhead(t("document.numberLine", { symbol: issuing.symbol }), false)], C),
          ],
          [
            para([letterhead(t("document.country"), true)], C),
            new Paragraph({ alignment: C, spacing: { after: 120 }, children: [new TextRun({ text: t("document.motto"), size: 24, font: FONT, bold: true, underline: {} })] }),
            para([text(placeAndDate(envelope, w), { italics: true })], C),
          ],
        ),
        new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: C, spacing: { before: 360, after: 60 }, children: [new TextRun({ text: t("document.title"), font: FONT, bold: true, size: 32, color: "000000" })] }),
        para([text(t("document.subtitle"), { italics: true })], C),
        ...titleBlock(envelope, w).map(({ label, value }) => para([text(`${label}: `, { bold: true }), text(value)])),
        ...(note ? [new Paragraph({
          border: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
          spacing: { before: 120, after: 120 },
          children: [text(note, { italics: true })],
        })] : []),

        heading(t("sections.summary")),
        reportTable(SUMMARY_COLUMNS, model.summary, cells),
        ...(dueDate ? [new Paragraph({ spacing: { before: 60, after: 80 }, children: [text(t("document.targetsAt", { day: formatDay(dueDate) }), { italics: true })] })] : []),

        heading(`${kindSection(model, "ranking", w)}: ${headline}`),
        reportTable(RANKING_COLUMNS, model.ranking, cells),
        ...(notAllocatedLine(model, w) ? [new Paragraph({ spacing: { before: 60, after: 80 }, children: [text(notAllocatedLine(model, w)!, { italics: true })] })] : []),

        heading(t("sections.praise")),
        para([text(praiseSentence(model, w))]),

        heading(kindSection(model, "missing", w)),
        model.missing.length === 0
          ? para([text(kindSection(model, "allReportedDocument", w))])
          : reportTable(MISSING_COLUMNS, model.missing, cells),

        heading(`${t("sections.trend")}: ${headline}`),
        new Paragraph({
          alignment: C,
          children: [new ImageRun({
            type: "png", data: png,
            transformation: { width: layout.width, height: layout.height },
            altText: { name: t("document.chartName"), title: t("sections.trend"), description: t("document.chartDescription", { metric: headline }) },
          })],
        }),

        ...(model.agencies && agencies ? [
          heading(t("agencies.section")),
          para([text(agencies.total)]),
          reportTable(AGENCY_COLUMNS, model.agencies.rows, cells),
          new Paragraph({ spacing: { before: 60, after: 80 }, children: [text(agencies.notReported, { italics: true })] }),
        ] : []),

        new Paragraph({ spacing: { before: 240 }, children: [] }),
        twoColumns(
          45,
          [
            para([new TextRun({ text: t("document.recipients"), size: SIZE, font: FONT, bold: true, italics: true })]),
            ...recipientLines(issuing.recipients).map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 22, font: FONT })] })),
          ],
          [
            ...issuing.signerTitle.map((line) => new Paragraph({ alignment: C, keepNext: true, children: [text(line, { bold: true })] })),
            new Paragraph({ alignment: C, keepNext: true, spacing: { after: 1200 }, children: [new TextRun({ text: t("document.signHint"), size: 20, font: FONT, italics: true })] }),
            para([text(issuing.signerName, { bold: true })], C),
          ],
        ),
      ],
    }],
  });
  return Packer.toBuffer(document);
}
