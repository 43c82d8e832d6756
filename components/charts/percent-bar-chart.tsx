"use client";
import { percentBarChartHeight } from "./sizes";
// Percent of target by unit, one horizontal bar each, with the 100% line. Units above 100%
// show their real value.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { chartFormats, percentTicks } from "./chart-format";

export interface PercentBarChartProps {
  /** `label`: the percent as people read it ("102,66%", "102.66%") */
  bars: { code: string; name: string; percent: number; label: string; mark: "praise" | "criticism" | null }[];
  locale: Locale;
  /** catalogue `dashboard.charts.percent`: the tooltip's name of the value */
  labels: { percent: string };
}


export function PercentBarChart({ bars, locale, labels }: PercentBarChartProps) {
  const format = chartFormats(locale);
  const height = percentBarChartHeight(bars.length);
  // Round ticks that include 100% (0, 20, …, 100, 120), so the 100% line sits on one.
  const axis = percentTicks(Math.max(0, ...bars.map((b) => b.percent)));
  return (
    <div style={{ height }} className="w-full" aria-hidden="true">
      <BarChart responsive accessibilityLayer={false} layout="vertical" data={bars} style={{ width: "100%", height }} margin={{ top: 22, right: 60, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--chart-grid)" horizontal={false} />
        <XAxis type="number" domain={[0, axis.domainMax]} ticks={axis.ticks} interval={0} tickFormatter={format.percentAxis} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" />
        <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12, fill: "var(--chart-tick)" }} stroke="var(--chart-axis)" interval={0} />
        <Tooltip contentStyle={{ background: "var(--chart-tooltip-bg)", borderColor: "var(--chart-tooltip-border)", color: "var(--chart-tooltip-text)" }} cursor={{ fill: "var(--chart-cursor)", stroke: "var(--chart-cursor)" }} formatter={(value) => [format.percentAxis(Number(value)), labels.percent]} />
        <ReferenceLine x={100} stroke="var(--chart-praise)" strokeWidth={2} label={{ value: "100%", position: "top", fontSize: 11, fill: "var(--chart-praise)" }} />
        <Bar dataKey="percent" isAnimationActive={false}>
          {bars.map((bar) => (
            <Cell key={bar.code} fill={bar.mark === "praise" ? "var(--chart-praise)" : bar.mark === "criticism" ? "var(--chart-criticism)" : "var(--chart-neutral)"} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: "var(--chart-label)" }} />
        </Bar>
      </BarChart>
    </div>
  );
}
