// The overview's trend drawn to the deadline: the stored running totals up to the as-of date,
// then, day by day to the next milestone's due date, the target in force, the projected path
// at the recent pace and the path that would reach the milestone's target exactly. Pure: the
// pace is the projection's own (lib/domain/projection.ts, the last 7 days ÷ 7, 2 decimals), so
// the dashed line ends on the projection card's figure.
import { addDays, daysBetween } from "./dates";
import { pickDueDate } from "./milestones";
import type { Milestone } from "./trend";

export interface TrendPathPoint {
  day: string;
  /** the stored running total; null after the as-of date */
  cumulative: number | null;
  /** the target of the milestone in force on the day (first due on or after it) */
  target: number | null;
  /** actual + pace × days since the as-of date, rounded to a whole number; from the as-of date on */
  projected: number | null;
  /** actual + (target − actual) × days since the as-of date ÷ days left, rounded: the even path to the next milestone's target; null once met or without target */
  required: number | null;
}

export interface TrendPathInput {
  /** the stored trend, one point per day, ending on the as-of date */
  trend: readonly { day: string; cumulative: number }[];
  milestones: readonly Milestone[];
  asOf: string;
  /** the projection's daily pace (average of the last 7 days) */
  dailyPace: number;
  /** the campaign's last day: the axis runs to it when no milestone lies ahead */
  campaignEnd?: string | null;
}

export interface TrendPath {
  points: TrendPathPoint[];
  /** the last day drawn: the next milestone's due date, else the campaign's end, else the as-of date */
  horizon: string;
  /** the milestones inside the drawn days, in date order */
  milestones: Milestone[];
}

/** The day the chart's time axis runs to: the first milestone due on or after `asOf`, else the campaign's end if still ahead, else `asOf`. */
export function trendHorizon(milestones: readonly Milestone[], asOf: string, campaignEnd?: string | null): string {
  const next = [...milestones].map((m) => m.dueDate).sort().find((due) => due >= asOf);
  if (next) return next;
  if (campaignEnd && campaignEnd > asOf) return campaignEnd;
  return asOf;
}

export function trendToHorizon(input: TrendPathInput): TrendPath {
  const { trend, asOf, dailyPace } = input;
  const horizon = trendHorizon(input.milestones, asOf, input.campaignEnd);
  const dueDates = input.milestones.map((m) => m.dueDate);
  const targetByDue = new Map(input.milestones.map((m) => [m.dueDate, m.target]));
  const targetOn = (day: string) => {
    const due = pickDueDate(dueDates, day);
    return due ? (targetByDue.get(due) ?? null) : null;
  };
  const stored = trend.filter((p) => p.day <= asOf);
  const actual = stored.length ? stored[stored.length - 1].cumulative : 0;
  const first = stored.length ? stored[0].day : asOf;
  const nextTarget = targetByDue.get(horizon) ?? null;
  const daysLeft = daysBetween(asOf, horizon);
  const requiredOn = (days: number): number | null =>
    nextTarget === null || actual >= nextTarget || daysLeft <= 0 ? null : Math.round(actual + ((nextTarget - actual) * days) / daysLeft);

  const points: TrendPathPoint[] = stored.map((p) => ({ day: p.day, cumulative: p.cumulative, target: targetOn(p.day), projected: null, required: null }));
  const hasFuture = daysLeft > 0;
  if (points.length && hasFuture) {
    const today = points[points.length - 1];
    today.projected = actual;
    today.required = requiredOn(0);
  }
  for (let d = 1; d <= daysLeft; d++) {
    const day = addDays(asOf, d);
    points.push({ day, cumulative: null, target: targetOn(day), projected: Math.round(actual + dailyPace * d), required: requiredOn(d) });
  }
  const milestones = [...input.milestones].filter((m) => m.dueDate >= first && m.dueDate <= horizon).sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  return { points, horizon, milestones };
}
