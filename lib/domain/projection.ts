// Will the unit reach its milestone? A transparent projection that officials can redo by
// hand: the pace of the last 7 days, carried forward to the milestone's due date.
import { addDays, daysBetween, todayInVietnam } from "./dates";
import { percentOf } from "./percent";

/** The days the daily pace is averaged over. */
export const PACE_WINDOW_DAYS = 7;
/** "nguy cơ" (at risk) when the projected value reaches this share of the target. */
export const AT_RISK_SHARE = 0.9;

/**
 * `met` (đạt): the target is already reached; `on-track` (đúng tiến độ): projected ≥ target;
 * `at-risk` (nguy cơ): projected ≥ 90% of target; `behind` (chậm): below that, or the due
 * date has passed without the target being met.
 */
export type ProjectionStatus = "met" | "on-track" | "at-risk" | "behind";

/** The catalogue key (`dashboard.status.<key>`) of each status: screens translate the code. */
export const PROJECTION_STATUS_KEYS = { met: "met", "on-track": "onTrack", "at-risk": "atRisk", behind: "behind" } as const satisfies Record<ProjectionStatus, string>;

export interface ProjectionInput {
  /** cumulative total at the end of `asOf` */
  actual: number;
  /** cumulative total at the end of `asOf` − 7 days (0 before the first report) */
  actualWeekAgo: number;
  target: number | null;
  dueDate: string | null;
  /** defaults to today in Asia/Ho_Chi_Minh */
  asOf?: string;
}

export interface Projection {
  asOf: string;
  /** average daily addition over the last 7 days, 2 decimals; negative after a correction */
  dailyPace: number;
  /** whole days from `asOf` to the due date; 0 on the due date, negative once it has passed */
  daysLeft: number | null;
  /** actual + pace × days left (days left counted as 0 once the due date is past), rounded */
  projectedOnDueDate: number | null;
  projectedPercent: number | null;
  /** (target − actual) / days left, 2 decimals; null without days left or once met */
  requiredDailyPace: number | null;
  status: ProjectionStatus | null;
  /** the day the target is reached at the current pace; null when met, without pace or target */
  projectedDate: string | null;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Average daily addition over the window ending on `asOf`, from two running totals. */
export function dailyPaceOf(actual: number, actualWeekAgo: number): number {
  return round2((actual - actualWeekAgo) / PACE_WINDOW_DAYS);
}

export function statusOf(actual: number, projected: number, target: number, daysLeft: number): ProjectionStatus {
  if (actual >= target) return "met";
  if (daysLeft < 0) return "behind";
  if (projected >= target) return "on-track";
  if (projected >= target * AT_RISK_SHARE) return "at-risk";
  return "behind";
}

export function project(input: ProjectionInput): Projection {
  const asOf = input.asOf ?? todayInVietnam();
  const pace = dailyPaceOf(input.actual, input.actualWeekAgo);
  const base = { asOf, dailyPace: pace };
  if (input.target === null || input.target <= 0 || input.dueDate === null) {
    return { ...base, daysLeft: input.dueDate ? daysBetween(asOf, input.dueDate) : null, projectedOnDueDate: null, projectedPercent: null, requiredDailyPace: null, status: null, projectedDate: null };
  }
  const target = input.target;
  const daysLeft = daysBetween(asOf, input.dueDate);
  // Figures of the due date itself count: on the due date the day is over (actual is "up to
  // and including asOf"), so nothing more is added.
  const remainingDays = Math.max(0, daysLeft);
  const projected = Math.round(input.actual + pace * remainingDays);
  const met = input.actual >= target;
  const requiredDailyPace = met || remainingDays === 0 ? null : round2((target - input.actual) / remainingDays);
  const projectedDate = met || pace <= 0 ? null : addDays(asOf, Math.ceil((target - input.actual) / pace));
  return {
    ...base,
    daysLeft,
    projectedOnDueDate: projected,
    projectedPercent: percentOf(projected, target),
    requiredDailyPace,
    status: statusOf(input.actual, projected, target, daysLeft),
    projectedDate,
  };
}
