/**
 * A leaf unit has reported on the latest day it has any figure for. A parent counts as
 * reported only as far as all of its children have: its `reportedOn` is the earliest of
 * its children's (and `null` as soon as one child has never reported).
 */
export function parentReportedOn(childDays: readonly (string | null)[]): string | null {
  if (childDays.length === 0) return null;
  let earliest: string | null = null;
  for (const day of childDays) {
    if (day === null) return null;
    if (earliest === null || day < earliest) earliest = day;
  }
  return earliest;
}
