// The cumulative trend against the plan, laid out once: the PDF draws this geometry as
// vector paths, the Word file embeds it as a PNG rasterised from the SVG below.
import { formatDay, formatNumber } from "@/lib/domain/format";
import type { Locale } from "@/lib/i18n/config";
import type { ReportTrendPoint } from "./model";
import type { ReportWords } from "./text";

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  actual: [number, number][];
  planned: [number, number][];
  yTicks: { y: number; label: string }[];
  /** `end`: the label ends at x (the last one, so it is not cut at the chart's right edge). */
  xTicks: { x: number; label: string; align: "middle" | "end" }[];
}

export const CHART_COLORS = { actual: "#1d4ed8", planned: "#b45309", grid: "#d4d4d8", axis: "#3f3f46", text: "#27272a" } as const;
export interface ChartLegend {
  actual: string;
  planned: string;
}

export function chartLegend({ t }: ReportWords): ChartLegend {
  return { actual: t("chart.actual"), planned: t("chart.planned") };
}

/** A "nice" step (1, 2 or 5 × 10ⁿ) giving about `count` intervals up to `max`. */
function niceStep(max: number, count: number): number {
  const raw = Math.max(max, 1) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function layoutChart(points: readonly ReportTrendPoint[], width: number, height: number, locale: Locale): ChartLayout {
  const plot = { left: 62, top: 28, right: width - 12, bottom: height - 30 };
  const max = Math.max(1, ...points.map((p) => Math.max(p.actual, p.planned ?? 0)));
  const step = niceStep(max, 4);
  const top = Math.ceil(max / step) * step;
  const x = (i: number) => plot.left + (points.length <= 1 ? 0 : (i / (points.length - 1)) * (plot.right - plot.left));
  const y = (v: number) => plot.bottom - (Math.max(0, v) / top) * (plot.bottom - plot.top);
  const yTicks = [];
  for (let v = 0; v <= top + step / 2; v += step) yTicks.push({ y: y(v), label: formatNumber(v, locale) });
  const every = Math.max(1, Math.ceil(points.length / 6));
  const xTicks = points.flatMap((p, i) => (i % every === 0 || i === points.length - 1
    ? [{ x: x(i), label: formatDay(p.day).slice(0, 5), align: i === points.length - 1 && points.length > 1 ? "end" as const : "middle" as const }]
    : []));
  // Keep the last date label from overlapping the one before it.
  if (xTicks.length > 1 && xTicks[xTicks.length - 1].x - xTicks[xTicks.length - 2].x < 40) xTicks.splice(xTicks.length - 2, 1);
  return {
    width, height, plot,
    actual: points.map((p, i) => [x(i), y(p.actual)]),
    planned: points.flatMap((p, i): [number, number][] => (p.planned === null ? [] : [[x(i), y(p.planned)]])),
    yTicks, xTicks,
  };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const polyline = (pts: [number, number][]) => pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(" ");

/** The chart as SVG text (font family "Be Vietnam Pro", which the rasteriser is given). */
export function chartSvg(layout: ChartLayout, legend: ChartLegend): string {
  const { plot, width, height } = layout;
  const font = `font-family="Be Vietnam Pro" fill="${CHART_COLORS.text}"`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...layout.yTicks.map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="${CHART_COLORS.grid}" stroke-width="0.6"/><text x="${plot.left - 6}" y="${(t.y + 3).toFixed(1)}" font-size="9" text-anchor="end" ${font}>${escapeXml(t.label)}</text>`),
    ...layout.xTicks.map((t) => `<text x="${t.x.toFixed(1)}" y="${plot.bottom + 14}" font-size="9" text-anchor="${t.align}" ${font}>${escapeXml(t.label)}</text>`),
    `<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${CHART_COLORS.axis}" stroke-width="0.8"/>`,
    layout.planned.length > 1 ? `<polyline points="${polyline(layout.planned)}" fill="none" stroke="${CHART_COLORS.planned}" stroke-width="1.6" stroke-dasharray="5 3"/>` : "",
    `<polyline points="${polyline(layout.actual)}" fill="none" stroke="${CHART_COLORS.actual}" stroke-width="2.2"/>`,
    // Legend: line style as well as colour tells the two series apart.
    `<line x1="${plot.left}" x2="${plot.left + 22}" y1="12" y2="12" stroke="${CHART_COLORS.actual}" stroke-width="2.2"/>`,
    `<text x="${plot.left + 27}" y="15" font-size="9.5" ${font}>${escapeXml(legend.actual)}</text>`,
    `<line x1="${plot.left + 150}" x2="${plot.left + 172}" y1="12" y2="12" stroke="${CHART_COLORS.planned}" stroke-width="1.6" stroke-dasharray="5 3"/>`,
    `<text x="${plot.left + 177}" y="15" font-size="9.5" ${font}>${escapeXml(legend.planned)}</text>`,
    `</svg>`,
  ];
  return parts.join("");
}
