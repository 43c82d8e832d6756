// Pure rules for daily figures, shared by the entry grid, the CSV import and the API.

/** A day's count above this many times the recent daily average is a spike ... */
export const SPIKE_FACTOR = 5;
/** ... provided it is also above this floor (small communes jump from 2 to 12 all the time). */
export const SPIKE_FLOOR = 50;
/** Days of history the recent average is taken over. */
export const SPIKE_WINDOW_DAYS = 14;

/**
 * A count needs explicit confirmation when it is more than SPIKE_FACTOR × the unit's average
 * daily count over the previous SPIKE_WINDOW_DAYS days and above SPIKE_FLOOR.
 */
export function isSpike(count: number, recentTotal: number, windowDays = SPIKE_WINDOW_DAYS): boolean {
  if (count <= SPIKE_FLOOR) return false;
  const average = Math.max(recentTotal, 0) / windowDays;
  return count > SPIKE_FACTOR * average;
}

/**
 * The funnel every citizen goes through: a dossier, then an account, then its activation.
 * Cumulatively a later stage can never exceed an earlier one. Pairs are [smaller, larger].
 */
export const FUNNEL: readonly (readonly [string, string])[] = [
  ["activated", "accounts"],
  ["accounts", "dossiers"],
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
