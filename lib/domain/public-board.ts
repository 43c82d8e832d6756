// The public progress board (issue 21), as pure rules: cutoffs and their public stamps, the
// daily publication times that are due, what a snapshot shows under the board's settings,
// and the press paragraph. A snapshot is the figures of a unit and its children as of a
// cutoff, computed once by the shared rules (lib/data/public-board.ts) and frozen.
import { formatDay, formatNumber, formatPercent, type Locale } from "./format";
import { praiseSentence, rankChanges, type NamedPercent } from "./ranking";

/** Vietnam has no daylight saving: its clock is UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const CUTOFF_TEXT = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})$/;
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A publication's cutoff: the instant, and the same in Vietnam's words and file name. */
export interface Cutoff {
  instant: Date;
  /** YYYY-MM-DD in Vietnam: the figures' day */
  day: string;
  /** HH:mm in Vietnam */
  time: string;
  /** "2023-06-07T1700": the publication's public file name */
  stamp: string;
  /** "2023-06-07T17:00:00+07:00" */
  iso: string;
}

/** The cutoff at an instant, to the minute (seconds dropped). */
export function cutoffAt(instant: Date): Cutoff {
  const local = new Date(Math.floor(instant.getTime() / 60_000) * 60_000 + VIETNAM_OFFSET_MS).toISOString();
  const day = local.slice(0, 10);
  const time = local.slice(11, 16);
  return cutoffOf(day, time);
}

function cutoffOf(day: string, time: string): Cutoff {
  const [h, m] = time.split(":").map(Number);
  const [y, mo, d] = day.split("-").map(Number);
  const instant = new Date(Date.UTC(y, mo - 1, d, h, m) - VIETNAM_OFFSET_MS);
  return { instant, day, time, stamp: `${day}T${time.replace(":", "")}`, iso: `${day}T${time}:00+07:00` };
}

const realDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** "2023-06-07 17:00" (or with a T), Vietnam's time; null when it is not a real day and time. */
export function parseCutoff(text: string): Cutoff | null {
  const match = CUTOFF_TEXT.exec(text.trim());
  if (!match || !realDay(match[1]) || !TIME.test(`${match[2]}:${match[3]}`)) return null;
  return cutoffOf(match[1], `${match[2]}:${match[3]}`);
}

/** "2023-06-07T1700" → its cutoff; null for anything else. */
export function parseStamp(stamp: string): Cutoff | null {
  const match = STAMP.exec(stamp);
  if (!match) return null;
  return parseCutoff(`${match[1]} ${match[2]}:${match[3]}`);
}

/** "HH:mm", 00:00 to 23:59. */
export function isPublicationTime(value: string): boolean {
  return TIME.test(value);
}

/**
 * The cutoffs of the board's daily times that are due at `now`: today's (in Vietnam) at or
 * before now, earliest first. Earlier days are not caught up: a missed day is re-created on
 * purpose, with a past cutoff.
 */
export function dueCutoffs(times: readonly string[], now: Date): Cutoff[] {
  const { day } = cutoffAt(now);
  return [...new Set(times.filter(isPublicationTime))]
    .sort()
    .map((time) => cutoffOf(day, time))
    .filter((cutoff) => cutoff.instant.getTime() <= now.getTime());
}

export interface SnapshotMetric {
  metric: string;
  name: string;
  nameEn: string;
  actual: number;
  target: number | null;
  percent: number | null;
  dueDate: string | null;
}

export interface SnapshotRow {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  percent: number | null;
  rank: number | null;
  reportedOn: string | null;
  /** places gained since the previous publication (positive: up); null when unranked in either */
  rankChange: number | null;
  /** percentage points gained since the previous publication; null without a percent in either */
  pointsChange: number | null;
}

/** The frozen figures of one publication (stored as JSON; never changed). */
export interface BoardSnapshot {
  version: 1;
  unit: { code: string; name: string };
  /** what the children are ("district", "commune"), null when mixed or none */
  childKind: string | null;
  cutoff: string;
  stamp: string;
  /** the figures' day: the cutoff's day in Vietnam */
  asOf: string;
  publishedAt: string;
  campaign: { code: string; name: string } | null;
  metrics: SnapshotMetric[];
  /** the metric the children are ranked by (one of `metrics`) */
  rankingMetric: string;
  /** empty when the ranking was not published */
  rows: SnapshotRow[];
  /** the stamp of the publication the changes are measured against */
  previousStamp: string | null;
  /** empty when the lists were not published */
  praised: NamedPercent[];
  criticised: NamedPercent[];
  /** the unit's running total of the ranking metric by day, up to the cutoff's day */
  trend: { day: string; actual: number }[];
}

/** What a board publishes, as set by its leader. */
export interface BoardVisibility {
  metrics: readonly string[];
  rankingMetric: string;
  showRanking: boolean;
  showPraise: boolean;
}

/**
 * What the public sees of a snapshot under the board's current settings: only the metrics it
 * lists; the children (their figures are the ranking metric's), the trend and the lists only
 * when the ranking metric is among them and the ranking is shown. Applied to every
 * publication when it is read, so that narrowing the settings narrows earlier ones too.
 */
export function publicView(snapshot: BoardSnapshot, visibility: BoardVisibility): BoardSnapshot {
  const rankingShown = visibility.showRanking && visibility.metrics.includes(snapshot.rankingMetric);
  const listsShown = rankingShown && visibility.showPraise;
  return {
    ...snapshot,
    metrics: snapshot.metrics.filter((m) => visibility.metrics.includes(m.metric)),
    rows: rankingShown ? snapshot.rows : [],
    trend: rankingShown ? snapshot.trend : [],
    praised: listsShown ? snapshot.praised : [],
    criticised: listsShown ? snapshot.criticised : [],
  };
}

/** Each row's change in rank and percentage points since the previous publication's rows. */
export function withChanges(
  rows: readonly Omit<SnapshotRow, "rankChange" | "pointsChange">[],
  previous: readonly SnapshotRow[] | null,
): SnapshotRow[] {
  const changes = previous ? rankChanges(rows, previous) : new Map();
  return rows.map((row) => {
    const change = changes.get(row.code);
    return { ...row, rankChange: change?.rank ?? null, pointsChange: change?.percentPoints ?? null };
  });
}

/** The children that reported on the snapshot's day (reportedOn is that day). */
export function reportedCount(snapshot: Pick<BoardSnapshot, "rows" | "asOf">): number {
  return snapshot.rows.filter((row) => row.reportedOn === snapshot.asOf).length;
}

/** Catalogue keys (under `board.paragraph`) the paragraph is made of. */
export type ParagraphKey =
  | "opening" | "metric.dossiers" | "metric.accounts" | "metric.activated" | "metric.cccd" | "metric.other"
  | "share" | "shareNoDue" | "leaders" | "reporting" | "praise" | "criticism";
export type ParagraphSay = (key: ParagraphKey, values: Record<string, string | number>) => string;

const KNOWN_METRICS = new Set(["dossiers", "accounts", "activated", "cccd"]);
const LEADERS_NAMED = 3;

/**
 * The paragraph the provincial press prints, from a snapshot already narrowed by publicView:
 * "Tính đến 17:00 ngày 07/06/2023, Tỉnh Quảng Nam đã kích hoạt 186.568 tài khoản, đạt 25,27%
 * so với chỉ tiêu 738.291 được giao đến ngày 30/06/2023; …". Every figure is the snapshot's,
 * every percentage the snapshot's percentOf; nothing is typed by hand.
 */
export function boardParagraph(snapshot: BoardSnapshot, say: ParagraphSay, locale: Locale): string {
  const number = (value: number) => formatNumber(value, locale);
  const percent = (value: number | null) => formatPercent(value, locale);
  const clauses = snapshot.metrics.map((m) => {
    const key: ParagraphKey = KNOWN_METRICS.has(m.metric) ? (`metric.${m.metric}` as ParagraphKey) : "metric.other";
    const figure = say(key, { actual: number(m.actual), name: locale === "en" ? m.nameEn : m.name });
    if (m.target === null) return figure;
    const share = m.dueDate
      ? say("share", { percent: percent(m.percent), target: number(m.target), due: formatDay(m.dueDate) })
      : say("shareNoDue", { percent: percent(m.percent), target: number(m.target) });
    return `${figure}, ${share}`;
  });
  const sentences = [`${say("opening", { time: snapshot.cutoff.slice(11, 16), date: formatDay(snapshot.asOf), unit: snapshot.unit.name })} ${clauses.join("; ")}.`];
  if (snapshot.rows.length) {
    const leaders = snapshot.rows.filter((row) => row.rank !== null).slice(0, LEADERS_NAMED);
    if (leaders.length) sentences.push(say("leaders", { list: leaders.map((row) => `${row.name} (${percent(row.percent)})`).join(", ") }));
    sentences.push(say("reporting", { reported: reportedCount(snapshot), total: snapshot.rows.length, date: formatDay(snapshot.asOf) }));
  }
  if (snapshot.praised.length || snapshot.criticised.length) {
    sentences.push(praiseSentence(snapshot.praised, snapshot.criticised, percent, { praise: say("praise", {}), criticism: say("criticism", {}) }));
  }
  return sentences.join(" ");
}
