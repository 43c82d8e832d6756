import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Choropleth } from "@/components/dashboard/choropleth";
import { DashboardFrame } from "@/components/dashboard/dashboard-frame";
import { unitHref, viewHref } from "@/components/dashboard/hrefs";
import { loadOrProblem } from "@/app/_dashboard/load";
import { DashboardProblem } from "@/components/dashboard/problem";
import { requireUser } from "@/lib/auth/session";
import { getRankings } from "@/lib/data/rankings";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getHomeUnitCode } from "@/lib/data/units";
import { getViewChoices } from "@/lib/data/view-choices";
import { percentClass, projectFeatures } from "@/lib/domain/geo-projection";
import { sortRankingRows } from "@/lib/domain/ranking-sort";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { loadBoundaries } from "@/lib/geo/boundaries";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { readViewParams } from "@/lib/validation/view-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.map") };
}

/** A choropleth of a province's districts by percent of target, with a table fallback. */
export default async function MapPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const view = readViewParams(raw, undefined, user.homeDay);
  const code = typeof raw.unit === "string" && raw.unit ? raw.unit : await getHomeUnitCode(user);
  if (!code) return <DashboardProblem problem="noUnit" />;
  const locale = await getLocale();
  const loaded = await loadOrProblem(() =>
    Promise.all([
      getRankings(user, { parentCode: code, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
      getUnitFrame(user, code, { asOf: view.asOf }),
      getViewChoices(locale),
      loadBoundaries(code),
    ]),
    { unitCode: code, asOf: view.asOf, href: (successor) => viewHref("/map", view, { unit: successor }) },
  );
  if (loaded.problem !== null) return <DashboardProblem problem={loaded.problem} />;
  const t = await getTranslator("dashboard");
  const [ranking, frame, choices, boundaries] = loaded.data;
  const metricName = choices.metrics.find((m) => m.code === ranking.metric)?.name ?? ranking.metric;
  const map = boundaries ? projectFeatures(boundaries, 640, 640) : null;
  // Ordered as the rankings are (percent, highest first; equal percents by name; no target
  // last): the table and the numbers on the phone's map follow this order.
  const rows = sortRankingRows(ranking.rows, "percent", "desc").map((row, i) => ({ ...row, number: i + 1 }));

  return (
    <DashboardFrame unit={frame} title={t("map.title", { unit: frame.name })} tab="map" view={view} choices={choices}
      subtitle={t.rich("map.subtitle", { metric: metricName, day: formatDay(ranking.asOf), strong: (chunks) => <strong>{chunks}</strong> })}>
      <section aria-labelledby="map-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="map-heading" className="sr-only">{t("map.heading")}</h2>
        {map ? (
          <Choropleth shapes={map.shapes} width={map.width} height={map.height}
            areas={rows.map((r) => ({ code: r.code, name: r.name, percent: r.percent, href: unitHref(r.code, view), number: r.number }))}
            caption={t("map.caption", { metric: metricName.toLowerCase(), count: ranking.rows.length, unit: frame.name })} />
        ) : (
          <p role="note" className="text-sm text-slate-600" data-testid="map-unavailable">
            {t("map.unavailable", { unit: frame.name })}
          </p>
        )}
      </section>
      <section aria-labelledby="map-table-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="map-table-heading" className="px-4 pt-3 text-base font-semibold">{t("map.tableHeading")}</h2>
        <table className="mt-2 w-full text-sm" data-testid="map-table">
          <caption className="sr-only">{t("map.tableCaption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className="w-10 px-3 py-2 text-right font-medium">{t("map.columns.number")}</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">{t("map.columns.unit")}</th>
              <th scope="col" className="hidden px-3 py-2 text-right font-medium sm:table-cell">{t("map.columns.actual")}</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">{t("map.columns.percent")}</th>
              <th scope="col" className="px-3 py-2 text-left font-medium">{t("map.columns.class")}</th>
            </tr>
          </thead>
          <tbody className="tabular">
            {rows.map((row) => (
              <tr key={row.code} data-unit={row.code} className="border-t border-slate-100">
                <td className="px-3 py-2 text-right text-slate-600" data-testid="map-number">{row.number}</td>
                <td className="px-3 py-2">{row.viewable ? <Link href={unitHref(row.code, view)} className="text-brand-700 underline-offset-2 hover:underline">{row.name}</Link> : row.name}</td>
                <td className="hidden px-3 py-2 text-right sm:table-cell">{formatNumber(row.actual, locale)}</td>
                <td className="px-3 py-2 text-right font-semibold">{formatPercent(row.percent, locale)}</td>
                <td className="px-3 py-2 text-xs text-slate-600">{t(`map.classes.${percentClass(row.percent)}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </DashboardFrame>
  );
}
