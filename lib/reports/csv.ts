// The weekly report as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese
// correctly), comma-separated, CRLF line ends, one block per section separated by an empty
// line. Figures are machine-readable, as in the API: whole numbers without separators and
// percentages as numbers with a decimal point (83.07), dates as YYYY-MM-DD.
import type { ReportEnvelope } from "./model";
import { MISSING_HEADERS, RANKING_HEADERS, REPORT_SUBTITLE, REPORT_TITLE, SECTION_TITLES, TREND_HEADERS, frozenNote, titleBlock } from "./text";

type Cell = string | number | null;

const BOM = "\uFEFF";

function cell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

function line(cells: readonly Cell[]): string {
  return cells.map(cell).join(",");
}

const CSV_SUMMARY_HEADERS = ["Mã chỉ tiêu", "Chỉ tiêu theo dõi", "Chỉ tiêu", "Lũy kế", "Tỷ lệ (%)", "Tăng trong tuần", "Tăng (điểm %)", "Mốc", "Mốc tiếp theo", "Chỉ tiêu mốc tiếp theo", "Dự báo", "Dự kiến đến mốc"];

export function renderCsv(envelope: ReportEnvelope): Buffer {
  const { model } = envelope;
  const lines: string[] = [line([REPORT_TITLE]), line([REPORT_SUBTITLE])];
  for (const { label, value } of titleBlock(envelope)) lines.push(line([label, value]));
  const note = frozenNote(envelope);
  if (note) lines.push(line(["Ghi chú", note]));

  lines.push("", line([SECTION_TITLES.summary]), line(CSV_SUMMARY_HEADERS));
  for (const row of model.summary) {
    lines.push(line([
      row.metric, row.metricName, row.target, row.actual, row.percent, row.weekChange, row.weekChangePoints, row.dueDate,
      row.nextMilestone?.dueDate ?? null, row.nextMilestone?.target ?? null, row.projection?.status ?? null, row.projection?.projectedOnDueDate ?? null,
    ]));
  }

  lines.push("", line([`${SECTION_TITLES.ranking}: ${model.metric.name}`]), line([...RANKING_HEADERS.slice(0, 5), "Tỷ lệ (%)", "Tăng trong tuần", "Tăng (điểm %)", "Thay đổi hạng", "Báo cáo đến"]));
  for (const row of model.ranking) {
    lines.push(line([row.rank, row.code, row.name, row.target, row.actual, row.percent, row.weekChange, row.weekChangePoints, row.rankChange, row.reportedOn]));
  }

  lines.push("", line([SECTION_TITLES.praise]), line(["Loại", "Mã", "Đơn vị", "Tỷ lệ (%)"]));
  for (const row of model.praise) lines.push(line(["Biểu dương", row.code, row.name, row.percent]));
  for (const row of model.criticism) lines.push(line(["Phê bình", row.code, row.name, row.percent]));
  lines.push(line(["Kết luận", model.sentence]));

  lines.push("", line([SECTION_TITLES.missing]), line([...MISSING_HEADERS.slice(0, 3), "Số đơn vị cấp dưới thiếu", "Tổng số đơn vị cấp dưới"]));
  for (const row of model.missing) lines.push(line([row.code, row.name, row.missingDays.join(" "), row.leavesMissing, row.leavesTotal]));

  lines.push("", line([SECTION_TITLES.trend]), line(TREND_HEADERS));
  for (const point of model.trend) lines.push(line([point.day, point.actual, point.planned]));

  return Buffer.from(BOM + lines.join("\r\n") + "\r\n", "utf8");
}
