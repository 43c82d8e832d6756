"use client";
import { TREND_CHART_HEIGHT } from "./sizes";
// Cumulative actual per day to the as-of date, then to the next milestone's due date: the
// target line (the milestone in force each day), the projected path at the recent pace
// (dashed), the even path that would reach the milestone's target (dotted), a vertical line
// on each milestone labelled with its date and target, and one on today. Plain props, computed
// by lib/domain/trend-projection.ts; a fixed height keeps the page from jumping.
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import { chartFormats, formatShortDay } from "./chart-format";

export interface TrendChartProps {
  points: { day: string; cumulative: number | null; target: number | null; projected: number | null; required: number | null }[];
  milestones: { dueDate: string; target: number | null }[];
  /** the last day with figures: where the actual line ends and the projection starts */
  asOf: string;
  height?: number;
  locale: Locale;
  /** catalogue `dashboard.charts.trend`: series' names, "Mốc {day} · {target}" for a milestone line, "Hôm nay" */
  labels: { cumulative: string; target: string; projected: string; required: string; milestone: string; today: string };
}

const SERIES = ["cumulative", "target", "projected", "required"] as const;

export function TrendChart({ points, milestones, asOf, height = TREND_CHART_HEIGHT, locale, labels }: TrendChartProps) {
  const format = chartFormats(locale);
  const milestoneLabel = (m: { dueDate: string; target: number | null }) => fill(labels.milestone, { day: formatShortDay(m.dueDate), target: m.target === null ? "—" : format.tooltipNumber(m.target) });
  const nameOf = (name: unknown) => (SERIES.includes(name as (typeof SERIES)[number]) ? labels[name as (typeof SERIES)[number]] : String(name));
  const future = points.length > 0 && points[points.length - 1].day > asOf;
  return (
    <div style={{ height }} className="w-full" aria-hidden="true" data-chart="trend">
      <ComposedChart responsive accessibilityLayer={false} data={points} style={{ width: "100%", height }} margin={{ top: 22, right: 28, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatShortDay} minTickGap={24} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <YAxis tickFormatter={format.axisNumber} width={48} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <Tooltip contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", color: "var(--chart-tooltip-text)" }} cursor={{ fill: "var(--chart-cursor)", stroke: "var(--chart-cursor)" }} labelFormatter={(label) => formatShortDay(String(label))} formatter={(value, name) => [format.tooltipNumber(Number(value)), nameOf(name)]} />
        {future && <ReferenceLine x={asOf} stroke="var(--chart-reference)" label={{ value: labels.today, position: "insideBottomRight", fontSize: 11, fill: "var(--chart-milestone-label)" }} />}
        {milestones.map((m) => (
          <ReferenceLine key={m.dueDate} x={m.dueDate} stroke="var(--chart-milestone)" strokeWidth={1.5} label={{ value: milestoneLabel(m), position: "insideTopRight", offset: 4, fontSize: 11, fill: "var(--chart-milestone-label)" }} />
        ))}
        <Line type="stepAfter" dataKey="target" name="target" stroke="var(--chart-target)" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} connectNulls />
        <Line type="linear" dataKey="required" name="required" stroke="var(--chart-target)" strokeDasharray="1 3" strokeLinecap="round" strokeWidth={2} dot={false} isAnimationActive={false} />
        <Line type="linear" dataKey="projected" name="projected" stroke="var(--chart-cumulative)" strokeDasharray="6 4" strokeWidth={2.5} dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="cumulative" name="cumulative" stroke="var(--chart-cumulative)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </ComposedChart>
    </div>
  );
}
