// Vietnamese-first formatting: 469.004 · 24,37% · 07/06/2023; in English 469,004 · 24.37%
// (dates stay day/month/year in both). Callers pass the request's locale (lib/i18n/server).
export type Locale = "vi" | "en";

const numberFormats = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }),
};
const percentFormats = {
  vi: new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

export function formatNumber(value: number, locale: Locale = "vi"): string {
  return numberFormats[locale].format(value);
}

/** A percentage already rounded by `percentOf`; "—" when there is none. */
export function formatPercent(value: number | null, locale: Locale = "vi"): string {
  if (value === null) return "—";
  return `${percentFormats[locale].format(value)}%`;
}

/** `YYYY-MM-DD` → `07/06/2023` (both languages use day/month/year here). */
export function formatDay(day: string | null): string {
  if (!day) return "—";
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

const TIME_FORMAT = new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
const DAY_FORMAT = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

/** An instant as Vietnam's date and time: `07/06/2023 14:05`; "—" for none. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return `${formatDay(DAY_FORMAT.format(date))} ${TIME_FORMAT.format(date)}`;
}

/** A change with its sign: "+3", "−2", "0"; "+1,25" with `decimals`; "—" when none. */
export function formatChange(value: number | null, decimals = 0, locale: Locale = "vi"): string {
  if (value === null) return "—";
  const body = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(Math.abs(value));
  if (value === 0 || body.replace(/[0,.]/g, "") === "") return body;
  return `${value > 0 ? "+" : "−"}${body}`;
}
