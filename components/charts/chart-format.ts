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

/** Steps that divide 100, so the 100% line always falls on a tick. */
const PERCENT_STEPS = [10, 20, 25, 50, 100];

/**
 * The percent axis of a bar chart: from 0 to at least 100 and the largest bar, on round
 * steps that divide 100 (so 100% is a tick), with at most `maxTicks` ticks (more, on steps of
 * 100, only past 400%).
 */
export function percentTicks(largest: number, maxTicks = 5): { domainMax: number; ticks: number[] } {
  const top = Math.max(100, Number.isFinite(largest) ? largest : 0);
  const step = PERCENT_STEPS.find((s) => Math.ceil(top / s) + 1 <= maxTicks) ?? 100;
  const domainMax = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= domainMax; value += step) ticks.push(value);
  return { domainMax, ticks };
}
