// Pure rules for daily figures, shared by the entry grid, the CSV import and the API.

/** A day's count above this many times the unit's usual daily count is a spike ... */
export const SPIKE_FACTOR = 5;
/** ... provided it is also above this floor (small communes jump from 2 to 12 all the time). */
export const SPIKE_FLOOR = 50;
/** Days of history the usual count is taken from. */
export const SPIKE_WINDOW_DAYS = 14;
/**
 * Reported days in the window needed before any count is judged: with fewer, a commune's
 * first days (or one that reports now and then) would be measured against a guess. Ten is
 * what a commune reporting on weekdays only has.
 */
export const SPIKE_MIN_REPORTED_DAYS = 10;
/**
 * Standard errors of the average added to it, so that a noisy history whose few recent days
 * happened to be low is not taken for a quiet unit.
 */
export const SPIKE_MARGIN_STANDARD_ERRORS = 2;

export interface UsualCount {
  /** the average daily count over the reported days of the window */
  average: number;
  /** days of the window with a figure (a figure of 0 is a report) */
  reportedDays: number;
  /** the average plus SPIKE_MARGIN_STANDARD_ERRORS standard errors: what a spike is measured against */
  level: number;
}

/** What the window before a day holds: how many reported days, their average and sample variance. */
export interface WindowStats {
  reportedDays: number;
  average: number;
  /** sample variance (n − 1); 0 with a single day */
  variance: number;
}

/** The window's statistics from the counts of its reported days. */
export function windowStats(recentCounts: readonly number[]): WindowStats {
  const reportedDays = recentCounts.length;
  const average = reportedDays ? recentCounts.reduce((sum, count) => sum + count, 0) / reportedDays : 0;
  const variance = reportedDays > 1 ? recentCounts.reduce((sum, count) => sum + (count - average) ** 2, 0) / (reportedDays - 1) : 0;
  return { reportedDays, average, variance };
}

/**
 * A unit's usual daily count from the statistics of the days it reported in the window (days
 * without a figure are not zeros, they are unknown), or null with too few reported days.
 */
export function usualFromStats(stats: WindowStats): UsualCount | null {
  const { reportedDays, average, variance } = stats;
  if (reportedDays < SPIKE_MIN_REPORTED_DAYS) return null;
  const level = Math.max(average + SPIKE_MARGIN_STANDARD_ERRORS * Math.sqrt(variance / reportedDays), 0);
  return { average, reportedDays, level };
}

/** A unit's usual daily count from the counts of the days it reported in the window. */
export function usualDailyCount(recentCounts: readonly number[]): UsualCount | null {
  return usualFromStats(windowStats(recentCounts));
}

/**
 * The usual count a day's count is a spike against, or null when it is not one: above
 * SPIKE_FLOOR and more than SPIKE_FACTOR × the usual level, with at least
 * SPIKE_MIN_REPORTED_DAYS reported days in the window.
 */
export function spikeAgainst(count: number, stats: WindowStats): UsualCount | null {
  if (count <= SPIKE_FLOOR) return null;
  const usual = usualFromStats(stats);
  return usual !== null && count > SPIKE_FACTOR * usual.level ? usual : null;
}

/**
 * A count needs explicit confirmation when it is above SPIKE_FLOOR and more than
 * SPIKE_FACTOR × the unit's usual daily count, given the counts of its reported days in the
 * previous SPIKE_WINDOW_DAYS days. Without SPIKE_MIN_REPORTED_DAYS of them nothing is a spike.
 */
export function isSpike(count: number, recentCounts: readonly number[]): boolean {
  return spikeAgainst(count, windowStats(recentCounts)) !== null;
}

/**
 * The funnel every citizen goes through: a dossier, then an account, then its activation.
 * Level 2 (mức độ 2, registered in person with the police) is a part of each stage: level-2
 * accounts are accounts, level-2 activations are activations of level-2 accounts.
 * Cumulatively a later stage can never exceed an earlier one. Pairs are [smaller, larger].
 */
export const FUNNEL: readonly (readonly [string, string])[] = [
  ["activated", "accounts"],
  ["accounts", "dossiers"],
  ["accounts_l2", "accounts"],
  ["activated_l2", "activated"],
  ["activated_l2", "accounts_l2"],
];

export interface FunnelViolation {
  metric: string;
  limitMetric: string;
  value: number;
  limit: number;
}

/** Checks the running totals of one unit on one day; metrics not known are skipped. */
export function funnelViolations(cumulative: ReadonlyMap<string, number>): FunnelViolation[] {
  const violations: FunnelViolation[] = [];
  for (const [metric, limitMetric] of FUNNEL) {
    const value = cumulative.get(metric);
    const limit = cumulative.get(limitMetric);
    if (value !== undefined && limit !== undefined && value > limit) violations.push({ metric, limitMetric, value, limit });
  }
  return violations;
}

/**
 * The day's count implied by an entry: typed as a count, or as the running total at the end
 * of the day (then the count is that total minus the total the day before).
 */
export function dailyCountOf(kind: "daily" | "cumulative", value: number, cumulativeBefore: number): number {
  return kind === "daily" ? value : value - cumulativeBefore;
}

/**
 * Why a daily row is refused, one code per rule, with the facts its message needs. The rules
 * are applied set-based by the data layer (lib/data/daily-engine.ts); the words are made once,
 * at the edge (lib/i18n/daily-issues.ts).
 */
export const DAILY_ISSUE_KINDS = {
  future: "invalid",
  noUnit: "invalid",
  hasChildren: "invalid",
  outOfScope: "scope",
  // the account's own unit has ended (a reorganisation) and the row's day is after it
  ownUnitEnded: "scope",
  dissolved: "invalid",
  noMetric: "invalid",
  duplicate: "invalid",
  locked: "locked",
  conflict: "conflict",
  deleted: "conflict",
  reasonInvalid: "reason",
  reasonRequired: "reason",
  decrease: "reason",
  spike: "spike",
  negativeOnDay: "invalid",
  funnel: "funnel",
} as const;

export type DailyIssueCode = keyof typeof DAILY_ISSUE_KINDS;
export type DailyIssueKind = (typeof DAILY_ISSUE_KINDS)[DailyIssueCode];

/** A refused row: its reference (CSV line, grid cell, API index), the rule, and the facts. */
export interface DailyIssueFact {
  ref: number;
  code: DailyIssueCode;
  /** the facts the message names (codes, days as YYYY-MM-DD, counts) */
  params: Readonly<Record<string, string | number | null>>;
  /** for a conflict: what is stored now */
  current?: { value: number; cumulative: number; version: number; by: string | null };
}
