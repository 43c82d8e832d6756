// Vietnamese-first formatting: 469.004 · 24,37% · 07/06/2023; in English 469,004 · 24.37%
// (dates stay day/month/year in both). Callers pass the request's locale (lib/i18n/server).
export type Locale = "vi" | "en";

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = { vi: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } };

/**
 * `value` rounded to `decimals` places (half away from zero, as Intl does) with the locale's
 * separators: what Intl.NumberFormat("vi-VN" / "en-US") prints, without it. Building an Intl
 * formatter loads locale data, a visible cost on a slow phone while a page starts; and a
 * hand-made format cannot differ between the server's ICU and the browser's, which would
 * break hydration. tests/unit/format.test.ts holds it to Intl over many values.
 */
function formatFixed(value: number, decimals: number, locale: Locale): string {
  const { group, decimal } = SEPARATORS[locale];
  const [whole, fraction] = roundHalfUp(Math.abs(value), decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = fraction ? `${grouped}${decimal}${fraction}` : grouped;
  return value < 0 || Object.is(value, -0) ? `-${body}` : body;
}

/**
 * A non-negative number rounded to `decimals` places, half up, as digits: rounded on its
 * shortest decimal form (0.015 → "0.02"), as Intl does, not on its binary value as toFixed
 * does (0.015 → "0.01").
 */
function roundHalfUp(value: number, decimals: number): string {
  const text = String(value);
  if (text.includes("e")) return value.toFixed(decimals); // below 1e-6 or from 1e21: no figure here
  const [whole, fraction = ""] = text.split(".");
  if (fraction.length <= decimals) return decimals ? `${whole}.${fraction.padEnd(decimals, "0")}` : whole;
  const scaled = (BigInt(whole + fraction.slice(0, decimals)) + (fraction[decimals] >= "5" ? 1n : 0n)).toString().padStart(decimals + 1, "0");
  return decimals ? `${scaled.slice(0, -decimals)}.${scaled.slice(-decimals)}` : scaled;
}

export function formatNumber(value: number, locale: Locale = "vi"): string {
  return formatFixed(value, 0, locale);
}

/** A percentage already rounded by `percentOf`; "—" when there is none. */
export function formatPercent(value: number | null, locale: Locale = "vi"): string {
  if (value === null) return "—";
  return `${formatFixed(value, 2, locale)}%`;
}

/** `YYYY-MM-DD` → `07/06/2023` (both languages use day/month/year here). */
export function formatDay(day: string | null): string {
  if (!day) return "—";
  const [y, m, d] = day.split("-");
  return `${d}/${m}/${y}`;
}

/** Made on first use (see formatFixed on the cost of Intl formatters). */
let dateTimeFormats: { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat } | undefined;

/** An instant as Vietnam's date and time: `07/06/2023 14:05`; "—" for none. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  dateTimeFormats ??= {
    day: new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }),
    time: new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
  };
  return `${formatDay(dateTimeFormats.day.format(date))} ${dateTimeFormats.time.format(date)}`;
}

/** A change with its sign: "+3", "−2", "0"; "+1,25" with `decimals`; "—" when none. */
export function formatChange(value: number | null, decimals = 0, locale: Locale = "vi"): string {
  if (value === null) return "—";
  const body = formatFixed(Math.abs(value), decimals, locale);
  if (value === 0 || body.replace(/[0,.]/g, "") === "") return body;
  return `${value > 0 ? "+" : "−"}${body}`;
}
