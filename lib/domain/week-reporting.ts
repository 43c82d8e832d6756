// Who did not report during a week. A commune (a unit without children) has reported on a
// day when it has any figure for that day (a zero counts); a parent has reported on a day
// only when every one of its communes has, as for `reportedOn`.

export interface LeafDays {
  /** the ranked unit the leaf belongs to (the leaf itself when it is one) */
  ownerCode: string;
  /** the days of the week on which the leaf has any figure */
  days: readonly string[];
  /** the day the leaf ended (dissolved or merged): from then on it is not expected to report */
  endedOn?: string | null;
  /** the day the leaf started (a reorganisation's new unit): before it, it is not expected to report */
  startedOn?: string | null;
}

export interface WeekGap {
  ownerCode: string;
  missingDays: string[];
  leavesMissing: number;
  leavesTotal: number;
}

/**
 * For each owner, the days of `weekDays` (up to `lastDay`) on which at least one of its leaves
 * that still existed reported nothing; owners that reported every day are left out. Owners
 * without any leaf listed in `leaves` are taken as one leaf that never reported; a leaf that
 * ended before the week is not counted.
 */
export function weekGaps(ownerCodes: readonly string[], leaves: readonly LeafDays[], weekDays: readonly string[]): WeekGap[] {
  const byOwner = new Map<string, LeafDays[]>();
  for (const leaf of leaves) {
    const list = byOwner.get(leaf.ownerCode) ?? [];
    list.push(leaf);
    byOwner.set(leaf.ownerCode, list);
  }
  const gaps: WeekGap[] = [];
  for (const ownerCode of ownerCodes) {
    const own = (byOwner.get(ownerCode) ?? [{ ownerCode, days: [] }])
      .map((leaf) => ({ reported: new Set(leaf.days), expected: weekDays.filter((day) => (!leaf.endedOn || day < leaf.endedOn) && (!leaf.startedOn || day >= leaf.startedOn)) }))
      .filter((leaf) => leaf.expected.length > 0);
    const misses = (leaf: (typeof own)[number], day: string) => leaf.expected.includes(day) && !leaf.reported.has(day);
    const missingDays = weekDays.filter((day) => own.some((leaf) => misses(leaf, day)));
    if (missingDays.length === 0) continue;
    const leavesMissing = own.filter((leaf) => weekDays.some((day) => misses(leaf, day))).length;
    gaps.push({ ownerCode, missingDays, leavesMissing, leavesTotal: own.length });
  }
  return gaps;
}

export interface PlanMilestone {
  dueDate: string;
  target: number;
}

/**
 * The planned running total on `day`: a straight path from 0 on the campaign's first day to
 * each milestone's target on its due date, then flat after the last. Null without milestones.
 */
export function plannedTotal(campaignStart: string, milestones: readonly PlanMilestone[], day: string): number | null {
  if (milestones.length === 0) return null;
  const sorted = [...milestones].sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
  let fromDay = campaignStart;
  let fromValue = 0;
  if (day < campaignStart) return 0;
  for (const milestone of sorted) {
    if (day <= milestone.dueDate) {
      const span = dayNumber(milestone.dueDate) - dayNumber(fromDay);
      if (span <= 0) return milestone.target;
      return Math.round(fromValue + ((milestone.target - fromValue) * (dayNumber(day) - dayNumber(fromDay))) / span);
    }
    fromDay = milestone.dueDate;
    fromValue = milestone.target;
  }
  return sorted[sorted.length - 1].target;
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}
