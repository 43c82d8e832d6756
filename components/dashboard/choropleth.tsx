import { Link } from "@/components/ui/link";
import { PERCENT_CLASSES, percentClass, type PercentClassKey, type ProjectedShape } from "@/lib/domain/geo-projection";
import { formatPercent } from "@/lib/domain/format";
import { shortUnitName } from "@/lib/domain/text";
import { getLocale, getTranslator } from "@/lib/i18n/server";

/**
 * A sequential scale: one hue, light = low, dark = done (app/globals.css, tested for
 * lightness order in both schemes); no target is hatched, so it reads as "no value", not "low".
 */
const FILLS: Record<PercentClassKey, string> = {
  none: "url(#hatch-none)",
  lt25: "var(--map-lt25)",
  lt50: "var(--map-lt50)",
  lt75: "var(--map-lt75)",
  lt100: "var(--map-lt100)",
  done: "var(--map-done)",
};
const SWATCH: Record<PercentClassKey, string> = { none: "var(--map-none)", lt25: FILLS.lt25, lt50: FILLS.lt50, lt75: FILLS.lt75, lt100: FILLS.lt100, done: FILLS.done };
/** The bins from low to high, then "no target". */
const LEGEND_ORDER: PercentClassKey[] = [...PERCENT_CLASSES.map((c) => c.key).filter((k) => k !== "none"), "none"];

export interface ChoroplethArea {
  code: string;
  name: string;
  percent: number | null;
  href: string;
  /** the area's number on the map (phones) and in the table under it: its place by percent */
  number: number;
}

/**
 * A server-drawn SVG map: each district is a link with its name and percent as its title,
 * labelled on the map with its name (wide screens) or its number (phones, where names would
 * be too small and nobody can hover: the table under the map, in the same order, is the key).
 */
export async function Choropleth({ shapes, width, height, areas, caption }: { shapes: ProjectedShape[]; width: number; height: number; areas: ChoroplethArea[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslator("dashboard"), getLocale()]);
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const haloed = { paintOrder: "stroke", stroke: "var(--map-label-halo)", strokeWidth: 3, strokeLinejoin: "round", fill: "var(--map-label)" } as const;
  return (
    <figure className="space-y-3">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={caption} className="mx-auto block h-auto w-full max-w-2xl" style={{ aspectRatio: `${width} / ${height}` }}>
        <defs>
          <pattern id="hatch-none" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--map-hatch-bg)" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--map-hatch)" strokeWidth="1.5" />
          </pattern>
        </defs>
        {shapes.map((shape) => {
          const area = byCode.get(shape.code);
          const key = percentClass(area?.percent ?? null);
          const label = `${area ? `${area.number}. ` : ""}${shape.name}: ${area ? formatPercent(area.percent, locale) : t("map.noData")}`;
          const body = (
            <path d={shape.path} fill={FILLS[key]} stroke="var(--map-border)" strokeWidth={1} fillRule="evenodd" data-class={key} className="transition-opacity hover:opacity-80">
              <title>{label}</title>
            </path>
          );
          return area ? (
            <Link key={shape.code} href={area.href} aria-label={label} data-district={shape.code} className="focus:outline-none [&:focus-visible>path]:stroke-black [&:focus-visible>path]:stroke-[3]">
              {body}
            </Link>
          ) : (
            <g key={shape.code} data-district={shape.code}>{body}</g>
          );
        })}
        <g aria-hidden="true" className="pointer-events-none hidden sm:inline" data-map-labels="names">
          {shapes.map((shape) => {
            const area = byCode.get(shape.code);
            return (
              <text key={shape.code} x={shape.centre[0]} y={shape.centre[1]} textAnchor="middle" dominantBaseline="middle" fontSize={11} fontWeight={600} {...haloed}>
                <tspan x={shape.centre[0]} dy="-0.5em">{shortUnitName(shape.name)}</tspan>
                {area && <tspan x={shape.centre[0]} dy="1.15em" fontWeight={400}>{formatPercent(area.percent, locale)}</tspan>}
              </text>
            );
          })}
        </g>
        <g aria-hidden="true" className="pointer-events-none sm:hidden" data-map-labels="numbers">
          {shapes.flatMap((shape) => {
            const area = byCode.get(shape.code);
            if (!area) return [];
            return [
              <g key={shape.code}>
                <circle cx={shape.centre[0]} cy={shape.centre[1]} r={15} fill="var(--map-marker)" stroke="var(--map-marker-border)" strokeWidth={2} />
                <text x={shape.centre[0]} y={shape.centre[1]} textAnchor="middle" dominantBaseline="central" fontSize={19} fontWeight={700} fill="var(--map-marker-text)">{area.number}</text>
              </g>,
            ];
          })}
        </g>
      </svg>
      <figcaption>
        <p className="text-sm text-slate-600">{caption}</p>
        <p className="mt-1 text-xs text-slate-600 sm:hidden">{t("map.numbersNote")}</p>
        <ul className="mt-2 flex flex-wrap items-start gap-x-0 gap-y-2 text-xs" aria-label={t("map.legend")} data-testid="map-legend">
          {LEGEND_ORDER.map((key) => (
            <li key={key} className={`flex w-24 flex-col gap-1 ${key === "none" ? "ml-3" : ""}`} data-class={key}>
              <svg width="96" height="14" aria-hidden="true" className="block">
                {key === "none" ? (
                  <>
                    <rect width="96" height="14" fill={SWATCH.none} stroke="var(--map-outline)" />
                    {[0, 16, 32, 48, 64, 80].map((x) => <line key={x} x1={x} y1="14" x2={x + 14} y2="0" stroke="var(--map-hatch)" />)}
                  </>
                ) : (
                  <rect width="96" height="14" fill={SWATCH[key]} stroke="var(--map-outline)" />
                )}
              </svg>
              <span className="pr-1">{t(`map.classes.${key}`)}</span>
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
