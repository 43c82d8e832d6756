import { todayInVietnam } from "@/lib/domain/dates";
import { isoWeekOf, parseIsoWeek, type IsoWeek } from "@/lib/domain/weeks";

/** The week a page of agencies shows: `?week=2026-W49`, else the week of the user's day (today, or where an ended unit's history stops). */
export function agencyWeekParam(raw: unknown, homeDay: string | null): IsoWeek {
  return (typeof raw === "string" ? parseIsoWeek(raw) : null) ?? isoWeekOf(homeDay ?? todayInVietnam());
}
