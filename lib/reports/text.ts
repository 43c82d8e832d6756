// Words and formatted values shared by every rendering of the weekly report, so the
// spreadsheet, the PDF, the Word file and the page say the same thing the same way.
import { daysBetween } from "@/lib/domain/dates";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { PROJECTION_STATUS_LABELS } from "@/lib/domain/projection";
import type { ReportEnvelope, ReportProjection, WeeklyReportModel } from "./model";

export const REPORT_TITLE = "BÁO CÁO TUẦN";
export const REPORT_SUBTITLE = "Tiến độ thu nhận hồ sơ và kích hoạt tài khoản định danh điện tử (Đề án 06)";

export const SECTION_TITLES = {
  summary: "I. Kết quả chung",
  ranking: "II. Xếp hạng các đơn vị",
  praise: "III. Biểu dương và phê bình",
  missing: "IV. Đơn vị chưa báo cáo đủ các ngày trong tuần",
  trend: "V. Diễn biến lũy kế so với kế hoạch",
} as const;

export const SUMMARY_HEADERS = ["Chỉ tiêu theo dõi", "Chỉ tiêu", "Lũy kế", "Tỷ lệ", "Tăng trong tuần", "Tăng (điểm %)", "Mốc tiếp theo", "Dự báo"] as const;
export const RANKING_HEADERS = ["Hạng", "Mã", "Đơn vị", "Chỉ tiêu", "Lũy kế", "Tỷ lệ", "Tăng trong tuần", "Thay đổi hạng", "Báo cáo đến"] as const;
export const MISSING_HEADERS = ["Mã", "Đơn vị", "Ngày chưa báo cáo", "Số đơn vị cấp dưới thiếu"] as const;
export const TREND_HEADERS = ["Ngày", "Lũy kế", "Kế hoạch"] as const;

/** "+1.234", "-12", "0". */
export function formatSigned(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

/** "+1,25 điểm", "—" when unknown. */
export function formatPoints(value: number | null): string {
  if (value === null) return "—";
  const text = formatPercent(Math.abs(value)).replace("%", "");
  return `${value > 0 ? "+" : value < 0 ? "-" : ""}${text} điểm`;
}

/** "Tăng 2 bậc", "Giảm 1 bậc", "Giữ nguyên", "—". */
export function formatRankChange(value: number | null): string {
  if (value === null) return "—";
  if (value > 0) return `Tăng ${value} bậc`;
  if (value < 0) return `Giảm ${-value} bậc`;
  return "Giữ nguyên";
}

export function formatTarget(value: number | null): string {
  return value === null ? "Chưa giao" : formatNumber(value);
}

/** "Đạt", "Đúng tiến độ", "Nguy cơ", "Chậm". */
export function projectionLabel(projection: ReportProjection | null): string {
  if (!projection) return "—";
  const label = PROJECTION_STATUS_LABELS[projection.status];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "Nguy cơ (dự kiến 211.268 vào 30/06/2023)". */
export function formatProjection(projection: ReportProjection | null, dueDate: string | null): string {
  const label = projectionLabel(projection);
  if (!projection || projection.status === "met" || !dueDate || projection.projectedOnDueDate === null) return label;
  return `${label} (dự kiến ${formatNumber(projection.projectedOnDueDate)} vào ${formatDay(dueDate)})`;
}

/** "30/06/2023 (còn 19 ngày)": the deadline the target counts towards, seen from the week's end. */
export function formatNextMilestone(next: { dueDate: string; target: number | null } | null, asOf: string): string {
  if (!next) return "—";
  const left = daysBetween(asOf, next.dueDate);
  return `${formatDay(next.dueDate)} (${left === 0 ? "hôm nay" : `còn ${left} ngày`})`;
}

/** "07/06/2023 14:05" in Vietnam time. */
export function formatInstant(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("day")}/${get("month")}/${get("year")} ${get("hour")}:${get("minute")}`;
}

export function formatMissingDays(days: readonly string[]): string {
  return days.map((d) => formatDay(d).slice(0, 5)).join(", ");
}

/** The lines of the title block, in order. */
export function titleBlock(envelope: ReportEnvelope): { label: string; value: string }[] {
  const { model } = envelope;
  return [
    { label: "Đơn vị", value: model.unit.name },
    { label: "Đợt", value: model.campaign?.name ?? "Không có đợt nào" },
    { label: "Tuần", value: `${model.week.shortLabel}: ${model.week.label}` },
    { label: "Số liệu", value: `lũy kế đến hết ngày ${formatDay(model.asOf)}, tổng hợp lúc ${formatInstant(model.computedAt)}` },
    { label: envelope.issued ? "Ngày ban hành" : "Ngày lập", value: formatInstant(envelope.issuedAt) },
  ];
}

/** The note an issued report carries: it is frozen, and the current figures may differ. */
export function frozenNote(envelope: ReportEnvelope): string | null {
  if (!envelope.issued) return null;
  return `Báo cáo đã ban hành: số liệu được giữ nguyên như lúc ban hành (${formatInstant(envelope.issuedAt)}, ${envelope.issued.by}); các điều chỉnh sau đó không làm thay đổi báo cáo này. Số liệu hiện hành xem tại trang báo cáo tuần.`;
}

/** File name without extension: "bao-cao-tuan-49-2023-W23". */
export function reportFileStem(model: WeeklyReportModel, issuedId?: number): string {
  return `bao-cao-tuan-${model.unit.code ?? "toan-quoc"}-${model.week.iso}${issuedId ? `-ban-hanh-${issuedId}` : ""}`;
}
