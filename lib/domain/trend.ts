// The overview's trend: cumulative actual per day against the target of the milestone in
// force that day, daily additions and their 7-day average.
import { addDays, daysBetween } from "./dates";
import { pickDueDate } from "./milestones";

export interface TrendPoint {
  day: string;
  /** running total at the end of the day */
  cumulative: number;
  /** the day's addition (negative after a correction); 0 on a day without figures */
  daily: number;
  /** average daily addition over the 7 days ending on this day, 2 decimals */
  average7: number;
  /** target of the milestone that counts on this day, if any */
  target: number | null;
}

export interface Milestone {
  dueDate: string;
  target: number | null;
}

/**
 * One point per day from `from` to `to`. `totals` are the stored (day, running total) rows,
 * in any order, and must reach back at least 7 days before `from`, or start at the first
 * report; days without a row carry the previous running total.
 */
export function buildTrend(totals: readonly { day: string; cumulative: number }[], from: string, to: string, milestones: readonly Milestone[]): TrendPoint[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  const sorted = [...totals].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const start = addDays(from, -7);
  const cumulativeByDay: number[] = [];
  let index = 0;
  let running = 0;
  for (let d = 0; d <= span + 7; d++) {
    const day = addDays(start, d);
    while (index < sorted.length && sorted[index].day <= day) running = sorted[index++].cumulative;
    cumulativeByDay.push(running);
  }
  const dueDates = milestones.map((m) => m.dueDate);
  const targetByDue = new Map(milestones.map((m) => [m.dueDate, m.target]));
  const points: TrendPoint[] = [];
  for (let d = 0; d <= span; d++) {
    const day = addDays(from, d);
    const i = d + 7;
    const due = pickDueDate(dueDates, day);
    points.push({
      day,
      cumulative: cumulativeByDay[i],
      daily: cumulativeByDay[i] - cumulativeByDay[i - 1],
      average7: Math.round(((cumulativeByDay[i] - cumulativeByDay[i - 7]) / 7) * 100) / 100,
      target: due ? (targetByDue.get(due) ?? null) : null,
    });
  }
  return points;
}

/**
 * The running total of several units together at the end of each day from `from` to `to`.
 * `rows` are each unit's stored (day, running total) rows, in any order; a unit's total on a
 * day without a row is its last one before (0 before its first). For each unit, the rows must
 * include its last one before `from`, if any.
 */
export function summedRunningTotals(rows: readonly { unitId: number; day: string; cumulative: number }[], from: string, to: string): { day: string; cumulative: number }[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  const sorted = [...rows].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const current = new Map<number, number>();
  let total = 0;
  let index = 0;
  const days: { day: string; cumulative: number }[] = [];
  for (let d = 0; d <= span; d++) {
    const day = addDays(from, d);
    for (; index < sorted.length && sorted[index].day <= day; index++) {
      const row = sorted[index];
      total += row.cumulative - (current.get(row.unitId) ?? 0);
      current.set(row.unitId, row.cumulative);
    }
    days.push({ day, cumulative: total });
  }
  return days;
}

/**
 * What a carry (lib/data/carries.ts) adds to its receiver's running total, drawn through the
 * change: from `fromDay` on the amount carried; before it, the source's own history in the same
 * proportion (amount / the source's running total the day before `fromDay`), so that a new
 * unit's line shows its predecessors' past and runs on without a step on the change's day,
 * where its daily addition is its own day's work only. `sourceRows`: the source's stored
 * (day, running total) rows before `fromDay` that a trend needs (its last before the window
 * and those in it). A source with nothing before the change has no past to draw.
 */
export function carriedSeries(amount: number, fromDay: string, base: number, sourceRows: readonly { day: string; cumulative: number }[]): { day: string; cumulative: number }[] {
  const past = base > 0 ? sourceRows.filter((r) => r.day < fromDay).map((r) => ({ day: r.day, cumulative: Math.round((amount * r.cumulative) / base) })) : [];
  return [...past, { day: fromDay, cumulative: amount }];
}
