"use client";
// The charts' code (recharts, ~110 kB gzip) loads only when a chart comes near the screen,
// not with the page: the figures, captions and tables the charts illustrate are in the
// server's HTML, and each chart keeps its fixed-height box while it loads, so nothing jumps.
// This keeps the dashboards' first-load JavaScript within its budget
// (tests/budget/js-budget.ts) and a phone's main thread free while the page starts (the
// charts sit below the figures, outside the first screen of a phone).
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { DailyChartProps } from "./daily-chart";
import type { PercentBarChartProps } from "./percent-bar-chart";
import type { TrendChartProps } from "./trend-chart";
import { DAILY_CHART_HEIGHT, TREND_CHART_HEIGHT, percentBarChartHeight } from "./sizes";

/** The grey box a chart's place shows until its code has arrived. */
function ChartPlaceholder({ height }: { height: number }) {
  return <div style={{ height }} className="w-full animate-pulse rounded bg-slate-100" aria-hidden="true" data-chart-placeholder />;
}

const LazyTrendChart = dynamic<TrendChartProps>(() => import("./trend-chart").then((m) => m.TrendChart), { ssr: false, loading: () => <ChartPlaceholder height={TREND_CHART_HEIGHT} /> });
const LazyDailyChart = dynamic<DailyChartProps>(() => import("./daily-chart").then((m) => m.DailyChart), { ssr: false, loading: () => <ChartPlaceholder height={DAILY_CHART_HEIGHT} /> });
const LazyPercentBarChart = dynamic<PercentBarChartProps>(() => import("./percent-bar-chart").then((m) => m.PercentBarChart), { ssr: false });

/**
 * A box of the chart's height that renders the chart once it is within 300 px of the screen,
 * or as soon as the page is printed (`beforeprint`, or print media matching: Chromium's
 * print preview and a PDF export), so a printed dashboard shows every chart, not grey boxes.
 */
function WhenNearScreen({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const show = () => setNear(true);
    const print = window.matchMedia("print");
    if (print.matches) show();
    const onPrintChange = (event: MediaQueryListEvent) => { if (event.matches) show(); };
    print.addEventListener("change", onPrintChange);
    window.addEventListener("beforeprint", show);
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        show();
        observer.disconnect();
      }
    }, { rootMargin: "300px 0px" });
    observer.observe(element);
    return () => {
      observer.disconnect();
      print.removeEventListener("change", onPrintChange);
      window.removeEventListener("beforeprint", show);
    };
  }, []);
  return <div ref={box} data-chart-box data-chart-ready={near ? "true" : "false"} style={{ minHeight: height }}>{near ? children : <ChartPlaceholder height={height} />}</div>;
}

export function TrendChart(props: TrendChartProps) {
  return <WhenNearScreen height={TREND_CHART_HEIGHT}><LazyTrendChart {...props} /></WhenNearScreen>;
}

export function DailyChart(props: DailyChartProps) {
  return <WhenNearScreen height={DAILY_CHART_HEIGHT}><LazyDailyChart {...props} /></WhenNearScreen>;
}

/** Its height depends on the number of bars: the box is sized before the chart arrives. */
export function PercentBarChart(props: PercentBarChartProps) {
  return <WhenNearScreen height={percentBarChartHeight(props.bars.length)}><LazyPercentBarChart {...props} /></WhenNearScreen>;
}
