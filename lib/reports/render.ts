// One entry point for every file format of the weekly report.
import { renderCsv } from "./csv";
import { renderDocx } from "./docx";
import type { ReportEnvelope } from "./model";
import { renderPdf } from "./pdf";
import { reportFileStem } from "./text";
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

export async function renderReport(envelope: ReportEnvelope, format: ReportFormat): Promise<RenderedReport> {
  const body =
    format === "xlsx" ? await renderXlsx(envelope)
    : format === "pdf" ? await renderPdf(envelope)
    : format === "docx" ? await renderDocx(envelope)
    : renderCsv(envelope);
  return { body, contentType: CONTENT_TYPES[format], fileName: `${reportFileStem(envelope.model, envelope.issued?.id)}.${format}` };
}
