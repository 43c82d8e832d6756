// The weekly report as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese
// correctly), comma-separated, CRLF line ends, one block per section separated by an empty
// line. Headings are in the reader's language; figures are machine-readable in both, as in
// the API: whole numbers without separators and percentages as numbers with a decimal point
// (83.07), dates as YYYY-MM-DD. Text that would start a formula is neutralised (csv-cell.ts).
import type { Locale } from "@/lib/i18n/config";
import {
  columnsFor, headerOf, MISSING_COLUMNS, PRAISE_COLUMNS, praiseRows, RANKING_COLUMNS, SUMMARY_COLUMNS, TREND_COLUMNS, type CellContext, type ReportColumn,
} from "./columns";
import { csvLine } from "./csv-cell";
import type { ReportEnvelope } from "./model";
import { frozenNote, kindSection, metricName, notAllocatedLine, praiseSentence, reportWords, titleBlock } from "./text";

const BOM = "\uFEFF";
const line = csvLine;

/** A table's header line and rows, from its column spec (lib/reports/columns.ts). */
function csvTable<Row>(spec: readonly ReportColumn<Row>[], rows: readonly Row[], c: CellContext): string[] {
  const columns = columnsFor(spec, "csv");
  return [line(columns.map((column) => headerOf(column, "csv", c.w))), ...rows.map((row) => line(columns.map((column) => column.value(row, c))))];
}

export function renderCsv(envelope: ReportEnvelope, locale: Locale): Buffer {
  const w = reportWords(locale);
  const { t } = w;
  const { model } = envelope;
  const lines: string[] = [line([t("document.title")]), line([t("document.subtitle")])];
  for (const { label, value } of titleBlock(envelope, w)) lines.push(line([label, value]));
  const note = frozenNote(envelope, w);
  if (note) lines.push(line([t("titleBlock.note"), note]));

  const cells: CellContext = { w, model };
  lines.push("", line([t("sections.summary")]), ...csvTable(SUMMARY_COLUMNS, model.summary, cells));
  lines.push("", line([`${kindSection(model, "ranking", w)}: ${metricName(model.metric, w)}`]), ...csvTable(RANKING_COLUMNS, model.ranking, cells));
  const unallocated = notAllocatedLine(model, w);
  if (unallocated) lines.push(line([unallocated]));
  lines.push("", line([t("sections.praise")]), ...csvTable(PRAISE_COLUMNS, praiseRows(model), cells), line([t("praise.conclusion"), praiseSentence(model, w)]));
  lines.push("", line([kindSection(model, "missing", w)]), ...csvTable(MISSING_COLUMNS, model.missing, cells));
  lines.push("", line([t("sections.trend")]), ...csvTable(TREND_COLUMNS, model.trend, cells));

  return Buffer.from(BOM + lines.join("\r\n") + "\r\n", "utf8");
}
