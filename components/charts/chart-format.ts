// Number and date notation for chart axes and tooltips in the reader's language (469.004 or
// 469,004); the server passes the locale to each chart. Days stay day/month in both.
import type { Locale } from "@/lib/i18n/config";

export interface ChartFormats {
  axisNumber: (value: number) => string;
  tooltipNumber: (value: number) => string;
  percentAxis: (value: number) => string;
}

const TAGS: Record<Locale, string> = { vi: "vi-VN", en: "en-US" };
const made = new Map<Locale, ChartFormats>();

/** The formatters of one language, made once. */
export function chartFormats(locale: Locale): ChartFormats {
  let formats = made.get(locale);
  if (!formats) {
    const numbers = new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 0 });
    const compact = new Intl.NumberFormat(TAGS[locale], { notation: "compact", maximumFractionDigits: 1 });
    const decimals = new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 2 });
    formats = {
      axisNumber: (value) => compact.format(value),
      tooltipNumber: (value) => (Number.isInteger(value) ? numbers.format(value) : decimals.format(value)),
      percentAxis: (value) => `${decimals.format(value)}%`,
    };
    made.set(locale, formats);
  }
  return formats;
}

/** "2023-06-07" → "07/06" */
export const formatShortDay = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
