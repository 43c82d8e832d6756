// Words and formatted values shared by every rendering of the weekly report, so the
// spreadsheet, the PDF, the Word file and the page say the same thing the same way, in the
// language they are asked for. The model holds figures, codes and names only; every word
// around them comes from the catalogue (lib/i18n/messages/*/reports.json) here, so a frozen
// report downloads in either language.
import { createTranslator } from "use-intl/core";
import { daysBetween, todayInVietnam } from "@/lib/domain/dates";
import { formatDateTime, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { criticismWords } from "@/lib/domain/criticism-rule";
import { praiseSentence as rankingSentence } from "@/lib/domain/ranking";
import type { ProjectionStatus } from "@/lib/domain/projection";
import { parseIsoWeek, weekEnd, weekStart, type IsoWeek } from "@/lib/domain/weeks";
import { TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import "@/lib/i18n/types";
import { documentDateParts, unitSlug } from "./issuing";
import { knownKind } from "./kind-words";
import type { ReportDocument, ReportEnvelope, ReportNamedPercent, ReportProjection, WeeklyReportModel } from "./model";

function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "reports", timeZone: TIME_ZONE });
}

/** The criticism rule's words are the rankings' (catalogue `dashboard.criticismRule`), so the report says it as the screens do. */
function newRuleTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: "dashboard.criticismRule", timeZone: TIME_ZONE });
}
const ruleTranslators = new Map<Locale, ReturnType<typeof newRuleTranslator>>();
function ruleTranslatorFor(locale: Locale) {
  let found = ruleTranslators.get(locale);
  if (!found) ruleTranslators.set(locale, (found = newRuleTranslator(locale)));
  return found;
}

/** The report's words in one language: `t` for the catalogue, `locale` for numbers. */
export interface ReportWords {
  locale: Locale;
  t: ReturnType<typeof translatorFor>;
}

const words = new Map<Locale, ReportWords>();

export function reportWords(locale: Locale): ReportWords {
  let found = words.get(locale);
  if (!found) words.set(locale, (found = { locale, t: translatorFor(locale) }));
  return found;
}

/** "Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023" / "Monday 05/06/2023 – Sunday 11/06/2023". */
export function weekLabel(week: IsoWeek, { t }: ReportWords): string {
  return t("week.label", { start: formatDay(weekStart(week)), end: formatDay(weekEnd(week)) });
}

/** "Tuần 23/2023" / "Week 23/2023". */
export function weekShortLabel(week: IsoWeek, { t }: ReportWords): string {
  // Strings, not numbers: the message formatter would write the year as "2.023".
  return t("week.short", { week: String(week.week), year: String(week.year) });
}

/** The model's week ("2023-W23") as its short label. */
export function modelWeekShortLabel(model: WeeklyReportModel, w: ReportWords): string {
  return weekShortLabel(parseIsoWeek(model.week.iso)!, w);
}

/** The report's unit; the national report is named in the reader's language. */
export function reportUnitName(model: WeeklyReportModel, { t }: ReportWords): string {
  return model.unit.code === null ? t("national") : model.unit.name;
}

/** A metric's name in the reader's language. */
export function metricName(metric: { name: string; nameEn: string }, { locale }: ReportWords): string {
  return locale === "en" ? metric.nameEn : metric.name;
}

/** "+1.234", "-12", "0" (in English "+1,234"). */
export function formatSigned(value: number, { locale }: ReportWords): string {
  return value > 0 ? `+${formatNumber(value, locale)}` : formatNumber(value, locale);
}

/** "+1,25 điểm" / "+1.25 pts", "—" when unknown. */
export function formatPoints(value: number | null, { t, locale }: ReportWords): string {
  if (value === null) return "—";
  const text = formatPercent(Math.abs(value), locale).replace("%", "");
  return t("values.points", { value: `${value > 0 ? "+" : value < 0 ? "-" : ""}${text}` });
}

/** "Tăng 2 bậc", "Giảm 1 bậc", "Giữ nguyên", "—". */
export function formatRankChange(value: number | null, { t }: ReportWords): string {
  if (value === null) return "—";
  if (value > 0) return t("values.rankUp", { count: value });
  if (value < 0) return t("values.rankDown", { count: -value });
  return t("values.rankSame");
}

export function formatTarget(value: number | null, { t, locale }: ReportWords): string {
  return value === null ? t("values.notAssigned") : formatNumber(value, locale);
}

const PROJECTION_KEYS = { met: "met", "on-track": "onTrack", "at-risk": "atRisk", behind: "behind" } as const satisfies Record<ProjectionStatus, string>;

/** "Đạt", "Đúng tiến độ", "Nguy cơ", "Chậm". */
export function projectionLabel(projection: ReportProjection | null, { t }: ReportWords): string {
  return projection ? t(`projection.${PROJECTION_KEYS[projection.status]}`) : "—";
}

/** "Nguy cơ (dự kiến 211.268 vào 30/06/2023)". */
export function formatProjection(projection: ReportProjection | null, dueDate: string | null, w: ReportWords): string {
  const label = projectionLabel(projection, w);
  if (!projection || projection.status === "met" || !dueDate || projection.projectedOnDueDate === null) return label;
  return w.t("values.projected", { status: label, value: formatNumber(projection.projectedOnDueDate, w.locale), day: formatDay(dueDate) });
}

/** "30/06/2023 (còn 19 ngày)": the deadline the target counts towards, seen from the week's end. */
export function formatNextMilestone(next: { dueDate: string; target: number | null } | null, asOf: string, { t }: ReportWords): string {
  if (!next) return "—";
  const left = daysBetween(asOf, next.dueDate);
  const day = formatDay(next.dueDate);
  return left === 0 ? t("values.milestoneToday", { day }) : t("values.milestoneLeft", { day, days: left });
}

export function formatMissingDays(days: readonly string[]): string {
  return days.map((d) => formatDay(d).slice(0, 5)).join(", ");
}

/** "Thành phố Hội An (115,34%); Huyện Đông Giang (16,19%)", or "không có". */
export function namedPercents(rows: readonly ReportNamedPercent[], { t, locale }: ReportWords): string {
  return rows.length === 0 ? t("praise.none") : rows.map((r) => `${r.name} (${formatPercent(r.percent, locale)})`).join("; ");
}

/**
 * The chairman's sentence naming who is praised and who is criticised (short unit names), as
 * the rankings page writes it (lib/domain/ranking.ts), or that nobody is ranked yet.
 */
export function praiseSentence(model: Pick<WeeklyReportModel, "praise" | "criticism" | "criticismRule">, { t, locale }: ReportWords): string {
  const percent = (value: number | null) => formatPercent(value, locale);
  const say = ruleTranslatorFor(locale);
  const criticism = criticismWords(model.criticismRule, model.criticism.length, percent, (key, values) => say(key, values), t("praise.criticised"));
  return rankingSentence(model.praise, model.criticism, percent, { praise: t("praise.praised"), ...criticism }) || t("praise.sentenceNone");
}

/**
 * The ranking's and the missing list's section titles and the "all reported" line, naming the
 * ranked units by their kind ("II. Xếp hạng các xã, phường" for a 2025 province, "các huyện,
 * quận, thị xã, thành phố" for a 2023 one). A model without `childKind` (issued before it, or
 * mixing kinds) keeps the plain "các đơn vị" wording it was issued with.
 */
export function kindSection(model: Pick<WeeklyReportModel, "childKind">, part: "ranking" | "missing" | "allReportedDocument" | "allReportedPage", { t }: ReportWords): string {
  const kind = knownKind(model.childKind);
  if (kind) return t(`sectionsByKind.${part}`, { units: t(`kinds.${kind}`) });
  if (part === "allReportedDocument") return t("document.allReported");
  if (part === "allReportedPage") return t("page.allReported");
  return t(`sections.${part}`);
}

/** The lines of the title block, in order. */
export function titleBlock(envelope: ReportEnvelope, w: ReportWords): { label: string; value: string }[] {
  const { model } = envelope;
  const { t } = w;
  const week = parseIsoWeek(model.week.iso)!;
  return [
    { label: t("titleBlock.unit"), value: reportUnitName(model, w) },
    { label: t("titleBlock.campaign"), value: model.campaign?.name ?? t("titleBlock.noCampaign") },
    { label: t("titleBlock.week"), value: `${weekShortLabel(week, w)}: ${weekLabel(week, w)}` },
    { label: t("titleBlock.figures"), value: t("titleBlock.figuresValue", { day: formatDay(model.asOf), time: formatDateTime(model.computedAt) }) },
    { label: envelope.issued ? t("titleBlock.issuedAt") : t("titleBlock.createdAt"), value: formatDateTime(envelope.issuedAt) },
  ];
}

/** "Quảng Nam, ngày 12 tháng 6 năm 2023" ("Quảng Nam, 12/06/2023"): the place and the day of issue (in Vietnam), as the head prints them. */
export function placeAndDate(document: ReportDocument, { t, locale }: ReportWords): string {
  const day = todayInVietnam(new Date(document.issuedAt));
  // The Decree's leading zeros are Vietnamese usage; the English line writes the day as every other date (12/06/2023).
  const parts = locale === "vi" ? documentDateParts(day) : { day: day.slice(8, 10), month: day.slice(5, 7), year: day.slice(0, 4) };
  return t("document.placeDate", { place: document.issuing.place, ...parts });
}

/** The note an issued report carries: it is frozen, and the current figures may differ. */
export function frozenNote(envelope: ReportEnvelope, { t }: ReportWords): string | null {
  if (!envelope.issued) return null;
  return t("titleBlock.frozenNote", { time: formatDateTime(envelope.issuedAt), by: envelope.issued.by });
}

/**
 * File name without extension, by the unit's short name and the week:
 * "bao-cao-tuan-quang-nam-tuan-23-2023" / "weekly-report-quang-nam-week-23-2023".
 */
export function reportFileStem(model: WeeklyReportModel, issuedId: number | undefined, { t }: ReportWords): string {
  const week = parseIsoWeek(model.week.iso)!;
  // Strings, not numbers: the message formatter would write the year as "2.023".
  const values = { unit: model.unit.code === null ? t("file.national") : unitSlug(model.unit.name) || model.unit.code, week: String(week.week), year: String(week.year) };
  return issuedId ? t("file.issued", { ...values, id: String(issuedId) }) : t("file.stem", values);
}

/** The line under the ranking when part of the unit's total is in none of its rows, else null. */
export function notAllocatedLine(model: Pick<WeeklyReportModel, "notAllocated" | "unit">, { t, locale }: ReportWords): string | null {
  return model.notAllocated ? t("document.notAllocated", { amount: formatNumber(model.notAllocated, locale), unit: model.unit.name }) : null;
}

/** Section VI's sentences: the agencies' total against 100% (by the day set), and who has not reported this week. Null without agencies. */
export function agencyLines(model: Pick<WeeklyReportModel, "agencies">, { t, locale }: ReportWords): { total: string; notReported: string } | null {
  const agencies = model.agencies;
  if (!agencies) return null;
  return {
    total: t("agencies.total", {
      activated: formatNumber(agencies.activated, locale), headcount: formatNumber(agencies.headcount, locale), percent: formatPercent(agencies.percent, locale),
      due: agencies.dueDate ? t("agencies.due", { day: formatDay(agencies.dueDate) }) : "",
    }),
    notReported: agencies.notReported.length ? t("agencies.notReported", { names: agencies.notReported.map((a) => a.name).join(", ") }) : t("agencies.allReported"),
  };
}
