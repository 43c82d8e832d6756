import type { Locale } from "@/lib/i18n/config";
import { layoutChart, type ChartLegend } from "@/lib/reports/chart";
import type { ReportTrendPoint } from "@/lib/reports/model";

/** The trend chart of the files, drawn as inline SVG from the same layout. */
export function ReportChart({ points, title, legend, locale }: { points: ReportTrendPoint[]; title: string; legend: ChartLegend; locale: Locale }) {
  const layout = layoutChart(points, 640, 260, locale);
  const line = (pts: [number, number][]) => pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  const { plot } = layout;
  return (
    <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={title} className="h-auto w-full max-w-3xl">
      {layout.yTicks.map((t) => (
        <g key={t.label}>
          <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke="var(--chart-grid)" strokeWidth={0.6} />
          <text x={plot.left - 6} y={t.y + 3} fontSize={10} textAnchor="end" fill="var(--chart-tick)">{t.label}</text>
        </g>
      ))}
      {layout.xTicks.map((t) => <text key={t.label} x={t.x} y={plot.bottom + 14} fontSize={10} textAnchor="middle" fill="var(--chart-tick)">{t.label}</text>)}
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="var(--chart-axis)" strokeWidth={0.8} />
      {layout.planned.length > 1 && <polyline points={line(layout.planned)} fill="none" stroke="var(--chart-target)" strokeWidth={1.6} strokeDasharray="5 3" />}
      <polyline points={line(layout.actual)} fill="none" stroke="var(--chart-cumulative)" strokeWidth={2.2} />
      <line x1={plot.left} x2={plot.left + 22} y1={12} y2={12} stroke="var(--chart-cumulative)" strokeWidth={2.2} />
      <text x={plot.left + 27} y={15} fontSize={10} fill="var(--chart-tick)">{legend.actual}</text>
      <line x1={plot.left + 160} x2={plot.left + 182} y1={12} y2={12} stroke="var(--chart-target)" strokeWidth={1.6} strokeDasharray="5 3" />
      <text x={plot.left + 187} y={15} fontSize={10} fill="var(--chart-tick)">{legend.planned}</text>
    </svg>
  );
}
