"use client";
import { TREND_CHART_HEIGHT } from "./sizes";
// Cumulative actual per day against the target line (the milestone in force each day) and
// the milestone dates. Plain props; a fixed height keeps the page from jumping.
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { chartFormats, formatShortDay } from "./chart-format";

export interface TrendChartProps {
  points: { day: string; cumulative: number; target: number | null }[];
  milestones: string[];
  height?: number;
  locale: Locale;
  /** catalogue `dashboard.charts.trend`: series' names, "Mốc {day}" for a milestone line */
  labels: { cumulative: string; target: string; milestone: string };
}

export function TrendChart({ points, milestones, height = TREND_CHART_HEIGHT, locale, labels }: TrendChartProps) {
  const format = chartFormats(locale);
  const milestoneLabel = (due: string) => fill(labels.milestone, { day: formatShortDay(due) });
  return (
    <div style={{ height }} className="w-full" aria-hidden="true">
      <ComposedChart responsive accessibilityLayer={false} data={points} style={{ width: "100%", height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <YAxis tickFormatter={format.axisNumber} width={48} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <Tooltip contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", color: "var(--chart-tooltip-text)" }} cursor={{ fill: "var(--chart-cursor)", stroke: "var(--chart-cursor)" }} labelFormatter={(label) => formatShortDay(String(label))} formatter={(value, name) => [format.tooltipNumber(Number(value)), name === "target" ? labels.target : labels.cumulative]} />
        {milestones.map((due) => (
          <ReferenceLine key={due} x={due} stroke="var(--chart-milestone)" strokeDasharray="4 3" label={{ value: milestoneLabel(due), position: "insideTopRight", fontSize: 11, fill: "var(--chart-milestone-label)" }} />
        ))}
        <Line type="stepAfter" dataKey="target" name="target" stroke="var(--chart-target)" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        <Line type="monotone" dataKey="cumulative" name="cumulative" stroke="var(--chart-cumulative)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
