import { Link } from "@/components/ui/link";
import type { RankingDTO } from "@/lib/data/rankings";
import type { UnitFrameDTO } from "@/lib/data/unit-frame";
import type { ViewChoicesDTO } from "@/lib/data/view-choices";
import { formatChange, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import type { CriticismContextDTO } from "@/lib/data/criticism-rule";
import { applyCriticismRule, criticismWords } from "@/lib/domain/criticism-rule";
import { praiseSentence } from "@/lib/domain/ranking";
import { defaultDirection, sortRankingRows, type RankingSortKey } from "@/lib/domain/ranking-sort";
import type { RankingViewParams } from "@/lib/validation/ranking-params";
import type { ViewParams } from "@/lib/validation/view-params";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import { PercentBarChart } from "@/components/charts/lazy-charts";
import { DashboardFrame } from "./dashboard-frame";
import { rankingsHref, unitHref } from "./hrefs";
import { CriticismRuleText } from "./criticism-rule-text";
import { childLevelWords, kindKey } from "./levels";

/** From this many rows a ranking names its top and bottom above the table (the chart is far below). */
const LONG_LIST = 20;

/** Columns in order; their headings are `dashboard.rankings.columns.<key>`. */
const COLUMNS: { key: RankingSortKey; numeric: boolean; wide?: boolean }[] = [
  { key: "rank", numeric: true },
  { key: "name", numeric: false },
  { key: "target", numeric: true, wide: true },
  { key: "actual", numeric: true, wide: true },
  { key: "percent", numeric: true },
  // shown only where eligible populations are known (issue 22)
  { key: "populationPercent", numeric: true, wide: true },
  { key: "rankChange", numeric: true, wide: true },
  { key: "pointsChange", numeric: true, wide: true },
  { key: "reportedOn", numeric: true, wide: true },
];

/** Rankings of the children of a unit (read by the page): praise and criticism, sortable table, bar chart. */
export async function RankingsView({ ranking, frame, choices, code, view, options, criticism }: {
  ranking: RankingDTO; frame: UnitFrameDTO; choices: ViewChoicesDTO; code: string; view: ViewParams; options: RankingViewParams; criticism: CriticismContextDTO;
}) {
  const [locale, t, { charts }] = await Promise.all([getLocale(), getTranslator("dashboard"), getClientMessages("dashboard")]);
  const percent = (value: number | null) => formatPercent(value, locale);
  const metricName = choices.metrics.find((m) => m.code === ranking.metric)?.name ?? ranking.metric;
  // the unit's criticism rule (its own, inherited or the default), with the count the page's field may change
  const { praised, criticised, rule } = applyCriticismRule(ranking.rows, { ...criticism.rule, count: options.bottom }, criticism.parent, options.top);
  const marks = new Map<string, "praise" | "criticism">([...praised.map((r) => [r.code, "praise"] as const), ...criticised.map((r) => [r.code, "criticism"] as const)]);
  const words = criticismWords(rule, criticised.length, percent, (key, values) => t(`criticismRule.${key}`, values), t("rankings.criticism"));
  const sentence = praiseSentence(praised, criticised, percent, { praise: t("rankings.praise"), ...words });
  const rows = sortRankingRows(ranking.rows, options.sort, options.dir);
  const withPopulation = ranking.rows.some((r) => r.populationPercent !== null);
  const columns = COLUMNS.filter((col) => col.key !== "populationPercent" || withPopulation);
  const keep = { top: options.top, bottom: options.bottom, sort: options.sort, dir: options.dir };
  const sortHref = (key: RankingSortKey) =>
    rankingsHref(code, view, { ...keep, sort: key, dir: options.sort === key ? (options.dir === "asc" ? "desc" : "asc") : defaultDirection(key) });
  const ranked = ranking.rows.filter((r) => r.percent !== null);
  // the table's "± rank 7 days" on a phone's card, read out in words (places gained: positive = up)
  const spokenRankChange = (change: number | null) =>
    change === null ? t("rankings.rankChangeSpoken.none")
      : change > 0 ? t("rankings.rankChangeSpoken.up", { count: formatNumber(change, locale) })
        : change < 0 ? t("rankings.rankChangeSpoken.down", { count: formatNumber(-change, locale) })
          : t("rankings.rankChangeSpoken.same");
  // the ranked units named by what they are (a 2025 province's children: communes), never by depth
  const kind = kindKey(ranking.childKind ?? frame.childLevel?.key);

  return (
    <DashboardFrame
      unit={frame}
      title={t("rankings.title", { level: childLevelWords(frame.childLevel, locale, t), unit: frame.name })}
      tab="rankings"
      view={view}
      choices={choices}
      keep={keep}
      subtitle={<>{t.rich("rankings.subtitle", { metric: metricName, day: formatDay(ranking.asOf), strong: (chunks) => <strong>{chunks}</strong> })}{ranking.dueDate && <> · {t("rankings.dueDate", { day: formatDay(ranking.dueDate) })}</>}</>}
    >
      <section aria-labelledby="conclusion-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="conclusion-heading" className="text-base font-semibold">{t("rankings.conclusionHeading")}</h2>
        <p className="mt-1 text-sm" data-testid="praise-sentence">{sentence || t("rankings.noRanked")}</p>
        <p className="mt-1 text-xs text-slate-600" data-testid="criticism-rule">
          <CriticismRuleText rule={criticism} />
          {options.bottom !== criticism.rule.count && <> {t("criticismRule.countOverride", { count: options.bottom })}</>}
          {criticism.editable && <> <Link href={`/reports/weekly/settings/criticism?unit=${code}`} className="text-brand-700 underline underline-offset-2">{t("criticismRule.change")}</Link></>}
        </p>
        <form method="get" action={`/units/${code}/rankings`} className="mt-3 flex flex-wrap items-end gap-2 text-sm">
          {Object.entries({ asOf: view.asOf, metric: view.metric, campaign: view.campaign, sort: options.sort, dir: options.dir }).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">{t("rankings.topCount")}</span>
            <input type="number" name="top" min={0} max={50} defaultValue={options.top} className="w-24 rounded border border-slate-300 px-2 py-1" /></label>
          <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">{t("rankings.bottomCount")}</span>
            <input type="number" name="bottom" min={0} max={50} defaultValue={options.bottom} className="w-24 rounded border border-slate-300 px-2 py-1" /></label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">{t("rankings.apply")}</button>
        </form>
      </section>

      <section aria-labelledby="table-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="table-heading" className="sr-only">{t("rankings.tableHeading")}</h2>
        {ranked.length >= LONG_LIST && (
          <p className="border-b border-slate-100 px-3 py-2 text-sm" data-testid="ranking-extremes">
            {t("rankings.longList", { count: formatNumber(ranking.rows.length, locale), units: t(`kinds.${kind}`), best: ranked[0].name, bestPercent: percent(ranked[0].percent), worst: ranked.at(-1)!.name, worstPercent: percent(ranked.at(-1)!.percent) })}
          </p>
        )}
        <table className="w-full text-sm" data-testid="ranking-table">
          <caption className="sr-only">{t("rankings.tableCaption", { metric: metricName.toLowerCase() })}</caption>
          {/* sticky: a province's 94 (Hà Nội: 126) communes scroll under their column headings */}
          <thead className="sticky top-0 z-10 bg-slate-100 text-slate-700 shadow-[0_1px_0_0_rgb(226_232_240)]">
            <tr>
              {columns.map((col) => (
                <th key={col.key} scope="col" aria-sort={options.sort === col.key ? (options.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`px-2 py-2 font-medium sm:px-3 ${col.numeric ? "text-right" : "text-left"} ${col.wide ? "hidden md:table-cell" : ""}`}>
                  <Link href={sortHref(col.key)} className="inline-flex items-center gap-1 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                    {col.key === "name" ? t("rankings.nameOfKind", { units: t(`kindColumn.${kind}`) }) : t(`rankings.columns.${col.key}`)}
                    <span aria-hidden="true" className="text-xs text-slate-500">{options.sort === col.key ? (options.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular">
            {rows.map((row) => {
              const mark = marks.get(row.code);
              return (
                <tr key={row.code} data-unit={row.code} data-mark={mark ?? ""} data-own={row.own ? "true" : undefined}
                  className={`border-t border-slate-100 ${mark === "praise" ? "bg-emerald-50/60" : mark === "criticism" ? "bg-red-50/60" : ""} ${row.own ? "outline outline-2 -outline-offset-2 outline-brand-600" : ""}`}>
                  <td className="px-2 py-2 text-right font-semibold sm:px-3">{row.rank ?? "—"}</td>
                  <td className="px-2 py-2 sm:px-3">
                    <span className="tabular mr-1.5 text-xs text-slate-500" title={t("rankings.unitCode")}>{row.code}</span>
                    {row.viewable ? <Link href={unitHref(row.code, view)} className="font-medium text-brand-700 underline-offset-2 hover:underline">{row.name}</Link> : <span className="font-medium">{row.name}</span>}
                    {row.own && <span className="ml-1 whitespace-nowrap rounded bg-brand-700 px-1 text-xs font-semibold text-white" data-testid="your-unit">{t("rankings.yourUnit")}</span>}
                    {mark && (
                      <span className={`ml-1 inline-flex items-center gap-0.5 whitespace-nowrap rounded px-1 text-xs font-semibold ${mark === "praise" ? "text-emerald-800" : "text-red-800"}`}>
                        <span aria-hidden="true">{mark === "praise" ? "★" : "⚑"}</span>{mark === "praise" ? t("rankings.praise") : t("rankings.criticism")}
                      </span>
                    )}
                    <span className="block text-xs text-slate-500 md:hidden">
                      {t("rankings.mobileLine", {
                        actual: formatNumber(row.actual, locale),
                        target: row.target === null ? "—" : formatNumber(row.target, locale),
                        points: formatChange(row.change.percentPoints, 2, locale),
                        day: formatDay(row.reportedOn),
                      })}
                      {" · "}
                      <span data-testid="rank-change" className="whitespace-nowrap">
                        <span aria-hidden="true">{t("rankings.mobileRankChange", { change: formatChange(row.change.rank, 0, locale) })}</span>
                        <span className="sr-only">{spokenRankChange(row.change.rank)}</span>
                      </span>
                    </span>
                    {row.hasChildren && row.viewable && (
                      <Link href={rankingsHref(row.code, view)} className="block text-xs text-slate-600 underline-offset-2 hover:underline">{t("rankings.childRankings")}</Link>
                    )}
                  </td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{row.target === null ? "—" : formatNumber(row.target, locale)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatNumber(row.actual, locale)}</td>
                  <td className="px-2 py-2 text-right font-semibold sm:px-3">{percent(row.percent)}</td>
                  {withPopulation && <td className="hidden px-3 py-2 text-right md:table-cell" data-testid="population-percent">{percent(row.populationPercent)}</td>}
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatChange(row.change.rank, 0, locale)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatChange(row.change.percentPoints, 2, locale)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatDay(row.reportedOn)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-sm text-slate-600">{t("rankings.noChildren")}</p>}
        {/* the part of the parent's total in no row: the rows plus it make the total (docs/units-over-time.md) */}
        {ranking.notAllocated !== 0 && ranking.parent && (
          <p className="border-t border-slate-100 px-3 py-2 text-sm text-slate-700" data-testid="not-allocated">
            {t("rankings.notAllocated", { amount: formatNumber(ranking.notAllocated, locale), parent: ranking.parent.name })}
          </p>
        )}
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500" data-testid="ranking-legend">
          {/* the criticised are always the lowest ranked; a threshold may leave fewer than N */}
          {t("rankings.legend", { top: praised.length, bottom: criticised.length })}
        </p>
      </section>

      {ranked.length > 0 && (
        <section aria-labelledby="chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <figure>
            <figcaption>
              <h2 id="chart-heading" className="text-base font-semibold">{t("rankings.chartHeading")}</h2>
              <p className="text-xs text-slate-600">
                {t("rankings.chartCaption", { best: ranked[0].name, bestPercent: percent(ranked[0].percent), worst: ranked.at(-1)!.name, worstPercent: percent(ranked.at(-1)!.percent) })}
              </p>
            </figcaption>
            <PercentBarChart bars={ranked.map((r) => ({ code: r.code, name: r.name.replace(/^(Thành phố|Thị xã|Thị trấn|Huyện|Quận|Phường|Xã|Đặc khu) /, ""), percent: r.percent!, label: percent(r.percent), mark: marks.get(r.code) ?? null }))}
              locale={locale} labels={charts.percent} />
          </figure>
        </section>
      )}
    </DashboardFrame>
  );
}
