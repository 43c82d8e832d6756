// What people type into a date or week box, read the way Vietnamese write it: days as
// dd/mm/yyyy (04/12/2026, also 4/12/2026, 04-12-2026 or 04.12.2026), weeks as 48/2026 (also
// "Tuần 48/2026", "Week 48/2026", "2026-W48"). Strict: a day the month lacks (31/02) or a week
// the year lacks (53 in a 52-week year) is refused, and so is a two-digit year, which could be
// either century. A pasted ISO day (2026-12-04) is read too, being unambiguous. Pure; the
// inputs (components/forms/date-input.tsx) word the refusals.
import { formatIsoWeek, weeksInYear, type IsoWeek } from "./weeks";

export type DayInputError = "empty" | "format" | "twoDigitYear" | "year" | "month" | "day";
export type WeekInputError = "empty" | "format" | "twoDigitYear" | "year" | "week" | "week53";

export type DayInputResult = { ok: true; day: string } | { ok: false; error: DayInputError };
export type WeekInputResult = { ok: true; week: IsoWeek; iso: string } | { ok: false; error: WeekInputError };

/** The years a date box accepts: anything else is a typing slip. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

const DMY = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d+)$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function yearError(digits: string): "twoDigitYear" | "format" | "year" | null {
  if (digits.length <= 2) return "twoDigitYear";
  if (digits.length !== 4) return "format";
  const year = Number(digits);
  return year < MIN_YEAR || year > MAX_YEAR ? "year" : null;
}

/** "04/12/2026" → "2026-12-04". */
export function parseDayInput(text: string): DayInputResult {
  const value = text.trim();
  if (value === "") return { ok: false, error: "empty" };
  const iso = ISO_DAY.exec(value);
  const dmy = iso ? null : DMY.exec(value);
  if (!iso && !dmy) return { ok: false, error: "format" };
  const [dayText, monthText, yearText] = iso ? [iso[3], iso[2], iso[1]] : [dmy![1], dmy![2], dmy![3]];
  const badYear = yearError(yearText);
  if (badYear) return { ok: false, error: badYear };
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);
  if (month < 1 || month > 12) return { ok: false, error: "month" };
  if (day < 1 || day > daysInMonth(year, month)) return { ok: false, error: "day" };
  return { ok: true, day: `${yearText}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** "2026-12-04" → "04/12/2026" (what the box shows); anything unreadable is shown as it is. */
export function formatDayInput(day: string): string {
  const iso = ISO_DAY.exec(day);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : day;
}

const WEEK = /^(?:(?:tuần|tuan|week|w)\s*)?(\d{1,2})\s*[/-]\s*(\d+)$/iu;
const ISO_WEEK = /^(\d{4})-?W(\d{1,2})$/i;

/** "48/2026", "Tuần 48/2026", "2026-W48" → week 48 of 2026. */
export function parseWeekInput(text: string): WeekInputResult {
  const value = text.trim();
  if (value === "") return { ok: false, error: "empty" };
  const iso = ISO_WEEK.exec(value);
  const plain = iso ? null : WEEK.exec(value);
  if (!iso && !plain) return { ok: false, error: "format" };
  const [weekText, yearText] = iso ? [iso[2], iso[1]] : [plain![1], plain![2]];
  const badYear = yearError(yearText);
  if (badYear) return { ok: false, error: badYear };
  const year = Number(yearText);
  const number = Number(weekText);
  if (number < 1 || number > 53) return { ok: false, error: "week" };
  if (number > weeksInYear(year)) return { ok: false, error: "week53" };
  const week = { year, week: number };
  return { ok: true, week, iso: formatIsoWeek(week) };
}

/** "2026-W48" → "48/2026" (what the box shows after its "Tuần" / "Week"). */
export function formatWeekInput(iso: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(iso);
  return match ? `${Number(match[2])}/${match[1]}` : iso;
}
