// The weekly report as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese
// correctly), comma-separated, CRLF line ends, one block per section separated by an empty
// line. Headings are in the reader's language; figures are machine-readable in both, as in
// the API: whole numbers without separators and percentages as numbers with a decimal point
// (83.07), dates as YYYY-MM-DD. Text that would start a formula is neutralised (csv-cell.ts).
import type { Locale } from "@/lib/i18n/config";
import { csvLine } from "./csv-cell";
import type { ReportEnvelope } from "./model";
import { frozenNote, metricName, missingHeaders, praiseSentence, rankingHeaders, reportWords, titleBlock, trendHeaders } from "./text";

const BOM = "\uFEFF";
const line = csvLine;

export function renderCsv(envelope: ReportEnvelope, locale: Locale): Buffer {
  const w = reportWords(locale);
  const { t } = w;
  const { model } = envelope;
  const lines: string[] = [line([t("document.title")]), line([t("document.subtitle")])];
  for (const { label, value } of titleBlock(envelope, w)) lines.push(line([label, value]));
  const note = frozenNote(envelope, w);
  if (note) lines.push(line([t("titleBlock.note"), note]));

  lines.push("", line([t("sections.summary")]), line([
    t("columns.metricCode"), t("columns.metricName"), t("columns.target"), t("columns.cumulative"), t("columns.ratePercent"), t("columns.weekChange"),
    t("columns.weekPoints"), t("columns.milestone"), t("columns.nextMilestone"), t("columns.nextMilestoneTarget"), t("columns.projection"), t("columns.projectedOnDue"),
  ]));
  for (const row of model.summary) {
    lines.push(line([
      row.metric, metricName({ name: row.metricName, nameEn: row.metricNameEn }, w), row.target, row.actual, row.percent, row.weekChange, row.weekChangePoints, row.dueDate,
      row.nextMilestone?.dueDate ?? null, row.nextMilestone?.target ?? null, row.projection?.status ?? null, row.projection?.projectedOnDueDate ?? null,
    ]));
  }

  lines.push("", line([`${t("sections.ranking")}: ${metricName(model.metric, w)}`]), line([
    ...rankingHeaders(w).slice(0, 5), t("columns.ratePercent"), t("columns.weekChange"), t("columns.weekPoints"), t("columns.rankChange"), t("columns.reportedOn"),
  ]));
  for (const row of model.ranking) {
    lines.push(line([row.rank, row.code, row.name, row.target, row.actual, row.percent, row.weekChange, row.weekChangePoints, row.rankChange, row.reportedOn]));
  }

  lines.push("", line([t("sections.praise")]), line([t("columns.kind"), t("columns.code"), t("columns.unit"), t("columns.ratePercent")]));
  for (const row of model.praise) lines.push(line([t("praise.praised"), row.code, row.name, row.percent]));
  for (const row of model.criticism) lines.push(line([t("praise.criticised"), row.code, row.name, row.percent]));
  lines.push(line([t("praise.conclusion"), praiseSentence(model, w)]));

  lines.push("", line([t("sections.missing")]), line([...missingHeaders(w).slice(0, 3), t("columns.leavesMissing"), t("columns.leavesTotal")]));
  for (const row of model.missing) lines.push(line([row.code, row.name, row.missingDays.join(" "), row.leavesMissing, row.leavesTotal]));

  lines.push("", line([t("sections.trend")]), line(trendHeaders(w)));
  for (const point of model.trend) lines.push(line([point.day, point.actual, point.planned]));

  return Buffer.from(BOM + lines.join("\r\n") + "\r\n", "utf8");
}
