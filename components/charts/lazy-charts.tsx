"use client";
// The charts' code (recharts, ~110 kB gzip) loads after the page's first paint instead of
// with it: the figures, captions and tables the charts illustrate are in the server's HTML,
// and each chart keeps its fixed-height box while it loads, so nothing jumps. This keeps the
// dashboards' first-load JavaScript within its budget (tests/budget/js-budget.ts).
import dynamic from "next/dynamic";
import type { DailyChartProps } from "./daily-chart";
import type { PercentBarChartProps } from "./percent-bar-chart";
import type { TrendChartProps } from "./trend-chart";
import { DAILY_CHART_HEIGHT, TREND_CHART_HEIGHT, percentBarChartHeight } from "./sizes";

const placeholder = (height: number) => function ChartPlaceholder() {
  return <div style={{ height }} className="w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />;
};

export const TrendChart = dynamic<TrendChartProps>(() => import("./trend-chart").then((m) => m.TrendChart), { ssr: false, loading: placeholder(TREND_CHART_HEIGHT) });
export const DailyChart = dynamic<DailyChartProps>(() => import("./daily-chart").then((m) => m.DailyChart), { ssr: false, loading: placeholder(DAILY_CHART_HEIGHT) });
const LazyPercentBarChart = dynamic<PercentBarChartProps>(() => import("./percent-bar-chart").then((m) => m.PercentBarChart), { ssr: false });

/** Its height depends on the number of bars: the box is sized before the chart arrives. */
export function PercentBarChart(props: PercentBarChartProps) {
  return (
    <div style={{ minHeight: percentBarChartHeight(props.bars.length) }}>
      <LazyPercentBarChart {...props} />
    </div>
  );
}
