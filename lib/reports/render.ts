// One entry point for every file format of the weekly report, in the language asked for
// (the request's: app/api/v1/reports/weekly/route.ts).
import type { Locale } from "@/lib/i18n/config";
import { renderCsv } from "./csv";
import { renderDocx } from "./docx";
import type { ReportDocument } from "./model";
import { renderPdf } from "./pdf";
import { reportFileStem, reportWords } from "./text";
import { renderXlsx } from "./xlsx";

export const REPORT_FORMATS = ["xlsx", "pdf", "docx", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv; charset=utf-8",
};

export const FORMAT_LABELS: Record<ReportFormat, string> = { xlsx: "Excel (.xlsx)", pdf: "PDF", docx: "Word (.docx)", csv: "CSV" };

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** One renderer per format: a format without one is a type error. */
type Renderer = (envelope: ReportDocument, locale: Locale) => Buffer | Promise<Buffer>;
export const RENDERERS: Record<ReportFormat, Renderer> = { xlsx: renderXlsx, pdf: renderPdf, docx: renderDocx, csv: renderCsv };

export async function renderReport(envelope: ReportDocument, format: ReportFormat, locale: Locale): Promise<RenderedReport> {
  const body = await RENDERERS[format](envelope, locale);
  const stem = reportFileStem(envelope.model, envelope.issued?.id, reportWords(locale));
  return { body, contentType: CONTENT_TYPES[format], fileName: `${stem}.${format}` };
}
