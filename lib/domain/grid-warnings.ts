// What the entry grid warns about while a user types, before any save: the same funnel rule
// the server applies (lib/domain/daily-rules.ts), on the running totals the screen shows.
import { funnelViolations } from "./daily-rules";

export interface GridCellInput {
  metric: string;
  /** the running total at the end of the day before */
  previous: number;
  /** the day's stored count, if any */
  stored: number | null;
  /** what is in the box, and whether it is the day's count or the running total */
  typed: string;
  kind: "daily" | "cumulative";
  /** whether the box was changed on this screen */
  dirty: boolean;
}

export type GridWarning =
  | { code: "negative"; value: number }
  | { code: "funnel"; limitMetric: string; value: number; limit: number };

const WHOLE = /^\s*-?\d+\s*$/;

/**
 * The running total a cell shows: what was typed (as a count or a total), else the stored
 * figure on top of the day before, else the day before's total (nothing reported yet). Null
 * while the box holds something that is not a whole number.
 */
export function shownCumulative(cell: GridCellInput): number | null {
  if (!cell.dirty) return cell.previous + (cell.stored ?? 0);
  if (cell.typed.trim() === "") return cell.previous + (cell.stored ?? 0);
  if (!WHOLE.test(cell.typed)) return null;
  const value = Number(cell.typed);
  return cell.kind === "daily" ? cell.previous + value : value;
}

/** The warnings of one unit's cells on one day, by metric; cells without a warning are absent. */
export function gridRowWarnings(cells: readonly GridCellInput[]): Map<string, GridWarning[]> {
  const totals = new Map<string, number>();
  const warnings = new Map<string, GridWarning[]>();
  const add = (metric: string, warning: GridWarning) => warnings.set(metric, [...(warnings.get(metric) ?? []), warning]);
  for (const cell of cells) {
    const total = shownCumulative(cell);
    if (total === null) continue;
    totals.set(cell.metric, total);
    // A day's count below zero is refused whatever the total (a correction goes through the
    // running total); a running total below zero is refused too.
    const typedDay = cell.dirty && cell.kind === "daily" && WHOLE.test(cell.typed) ? Number(cell.typed) : null;
    if (typedDay !== null && typedDay < 0) add(cell.metric, { code: "negative", value: typedDay });
    else if (total < 0) add(cell.metric, { code: "negative", value: total });
  }
  for (const v of funnelViolations(totals)) add(v.metric, { code: "funnel", limitMetric: v.limitMetric, value: v.value, limit: v.limit });
  return warnings;
}
