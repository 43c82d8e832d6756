"use client";
import { percentBarChartHeight } from "./sizes";
// Percent of target by unit, one horizontal bar each, with the 100% line. Units above 100%
// show their real value.
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { chartFormats } from "./chart-format";

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
  const max = Math.max(100, ...bars.map((b) => b.percent));
  return (
    <div style={{ height }} className="w-full" aria-hidden="true">
      <BarChart responsive accessibilityLayer={false} layout="vertical" data={bars} style={{ width: "100%", height }} margin={{ top: 22, right: 60, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" domain={[0, Math.ceil(max / 10) * 10]} tickFormatter={format.percentAxis} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} interval={0} />
        <Tooltip formatter={(value) => [format.percentAxis(Number(value)), labels.percent]} />
        <ReferenceLine x={100} stroke="#047857" strokeWidth={2} label={{ value: "100%", position: "top", fontSize: 11, fill: "#047857" }} />
        <Bar dataKey="percent" isAnimationActive={false}>
          {bars.map((bar) => (
            <Cell key={bar.code} fill={bar.mark === "praise" ? "#047857" : bar.mark === "criticism" ? "#b91c1c" : "#3b82f6"} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: "#334155" }} />
        </Bar>
      </BarChart>
    </div>
  );
}
