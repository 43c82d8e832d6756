// ISO weeks (Monday to Sunday, week 1 holds the year's first Thursday), written `YYYY-Www`,
// over calendar days in Asia/Ho_Chi_Minh. The weekly report covers one such week; its labels
// ("Tuần 23/2023") are worded in lib/reports/text.ts.
import { addDays, dayToDate, todayInVietnam } from "./dates";

export interface IsoWeek {
  year: number;
  week: number;
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Number of ISO weeks in `year` (52 or 53): a year has 53 when 28 December is in week 53. */
export function weeksInYear(year: number): number {
  return isoWeekOf(`${String(year).padStart(4, "0")}-12-28`).week;
}

/** "2023-W23" → { year: 2023, week: 23 }; null for anything else, or a week the year lacks. */
export function parseIsoWeek(value: string): IsoWeek | null {
  const match = ISO_WEEK.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1000 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week a `YYYY-MM-DD` day belongs to (its Thursday decides the year). */
export function isoWeekOf(day: string): IsoWeek {
  const date = dayToDate(day);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = addDays(day, 3 - weekday);
  const year = Number(thursday.slice(0, 4));
  const firstThursdayOfYear = firstThursday(year);
  const week = Math.round((dayToDate(thursday).getTime() - dayToDate(firstThursdayOfYear).getTime()) / (7 * 86_400_000)) + 1;
  return { year, week };
}

function firstThursday(year: number): string {
  const jan1 = `${String(year).padStart(4, "0")}-01-01`;
  const weekday = (dayToDate(jan1).getUTCDay() + 6) % 7;
  return addDays(jan1, (3 - weekday + 7) % 7);
}

/** Monday of the week. */
export function weekStart({ year, week }: IsoWeek): string {
  return addDays(firstThursday(year), (week - 1) * 7 - 3);
}

/** Sunday of the week. */
export function weekEnd(week: IsoWeek): string {
  return addDays(weekStart(week), 6);
}

/** The seven days, Monday first. */
export function weekDays(week: IsoWeek): string[] {
  const start = weekStart(week);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The week before the one that contains today in Vietnam: the last one whose Sunday is over. */
export function lastCompleteWeek(now: Date = new Date()): IsoWeek {
  return isoWeekOf(addDays(todayInVietnam(now), -7));
}

/** The week `offset` weeks after `week` (negative: before). */
export function shiftWeek(week: IsoWeek, offset: number): IsoWeek {
  return isoWeekOf(addDays(weekStart(week), offset * 7));
}

/** True when the week's Sunday is over in Vietnam at `now`. */
export function isWeekComplete(week: IsoWeek, now: Date = new Date()): boolean {
  return weekEnd(week) < todayInVietnam(now);
}
