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
      <ComposedChart responsive accessibilityLayer={false} data={points} style={{ width: "100%", height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={format.axisNumber} width={48} tick={{ fontSize: 12 }} />
        <ReferenceLine y={0} stroke="#94a3b8" />
        <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(value, name) => [format.tooltipNumber(Number(value)), name === "average7" ? labels.average7 : labels.daily]} />
        <Bar dataKey="daily" name="daily" fill="#93c5fd" isAnimationActive={false} />
        <Line type="monotone" dataKey="average7" name="average7" stroke="#1e3a8a" strokeWidth={2} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
