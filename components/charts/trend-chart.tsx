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
        <CartesianGrid stroke="#e2e8f0" vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={format.axisNumber} width={48} tick={{ fontSize: 12 }} />
        <Tooltip labelFormatter={(label) => formatShortDay(String(label))} formatter={(value, name) => [format.tooltipNumber(Number(value)), name === "target" ? labels.target : labels.cumulative]} />
        {milestones.map((due) => (
          <ReferenceLine key={due} x={due} stroke="#64748b" strokeDasharray="4 3" label={{ value: milestoneLabel(due), position: "insideTopRight", fontSize: 11, fill: "#475569" }} />
        ))}
        <Line type="stepAfter" dataKey="target" name="target" stroke="#b45309" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        <Line type="monotone" dataKey="cumulative" name="cumulative" stroke="#1d4ed8" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
