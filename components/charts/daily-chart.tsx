"use client";
import { DAILY_CHART_HEIGHT } from "./sizes";
// Daily additions as bars with their 7-day average as a line.
import { Bar, CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { chartFormats, formatShortDay } from "./chart-format";

export interface DailyChartProps {
  points: { day: string; daily: number; average7: number }[];
  height?: number;
  locale: Locale;
  /** catalogue `dashboard.charts.daily`: the series' names in tooltips */
  labels: { daily: string; average7: string };
}

export function DailyChart({ points, height = DAILY_CHART_HEIGHT, locale, labels }: DailyChartProps) {
  const format = chartFormats(locale);
  return (
    <div style={{ height }} className="w-full" aria-hidden="true">
      <ComposedChart responsive accessibilityLayer={false} data={points} style={{ width: "100%", height }} margin={{ top: 8, right: 28, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <YAxis tickFormatter={format.axisNumber} width={48} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <ReferenceLine y={0} stroke="var(--chart-reference)" />
        <Tooltip contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", color: "var(--chart-tooltip-text)" }} cursor={{ fill: "var(--chart-cursor)", stroke: "var(--chart-cursor)" }} labelFormatter={(label) => formatShortDay(String(label))} formatter={(value, name) => [format.tooltipNumber(Number(value)), name === "average7" ? labels.average7 : labels.daily]} />
        <Bar dataKey="daily" name="daily" fill="var(--chart-daily)" isAnimationActive={false} />
        <Line type="monotone" dataKey="average7" name="average7" stroke="var(--chart-average)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
