import { Link } from "@/components/ui/link";
import { PERCENT_CLASSES, percentClass, type PercentClassKey, type ProjectedShape } from "@/lib/domain/geo-projection";
import { formatPercent } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";

/** Fill and a pattern per class, so print-outs and colour-blind readers can tell them apart. */
const FILLS: Record<PercentClassKey, string> = {
  none: "url(#hatch-none)",
  lt25: "var(--map-lt25)",
  lt50: "var(--map-lt50)",
  lt75: "var(--map-lt75)",
  lt100: "var(--map-lt100)",
  done: "var(--map-done)",
};
const SWATCH: Record<PercentClassKey, string> = { none: "var(--map-none)", lt25: FILLS.lt25, lt50: FILLS.lt50, lt75: FILLS.lt75, lt100: FILLS.lt100, done: FILLS.done };

export interface ChoroplethArea {
  code: string;
  name: string;
  percent: number | null;
  href: string;
}

/** A server-drawn SVG map: each district is a link with its name and percent as its title. */
export async function Choropleth({ shapes, width, height, areas, caption }: { shapes: ProjectedShape[]; width: number; height: number; areas: ChoroplethArea[]; caption: string }) {
  const [t, locale] = await Promise.all([getTranslator("dashboard"), getLocale()]);
  const byCode = new Map(areas.map((a) => [a.code, a]));
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
          const label = `${shape.name}: ${area ? formatPercent(area.percent, locale) : t("map.noData")}`;
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
      </svg>
      <figcaption>
        <p className="text-sm text-slate-600">{caption}</p>
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t("map.legend")}>
          {PERCENT_CLASSES.map((c) => (
            <li key={c.key} className="flex items-center gap-1.5">
              <svg width="16" height="12" aria-hidden="true">
                {c.key === "none" ? (
                  <>
                    <rect width="16" height="12" fill={SWATCH.none} stroke="var(--map-outline)" />
                    <line x1="0" y1="12" x2="12" y2="0" stroke="var(--map-hatch)" />
                  </>
                ) : (
                  <rect width="16" height="12" fill={SWATCH[c.key]} stroke="var(--map-outline)" />
                )}
              </svg>
              {t(`map.classes.${c.key}`)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
