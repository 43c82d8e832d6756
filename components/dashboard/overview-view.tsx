import { Link } from "@/components/ui/link";
import type { OverviewDTO } from "@/lib/data/overview";
import type { MorningSummaryDTO } from "@/lib/data/overview-morning";
import type { UnitFrameDTO } from "@/lib/data/unit-frame";
import type { ViewChoicesDTO } from "@/lib/data/view-choices";
import { formatChange, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { PACE_WINDOW_DAYS } from "@/lib/domain/projection";
import { trendToHorizon } from "@/lib/domain/trend-projection";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import type { ViewParams } from "@/lib/validation/view-params";
import { DailyChart, TrendChart } from "@/components/charts/lazy-charts";
import { DashboardFrame } from "./dashboard-frame";
import { viewHref } from "./hrefs";
import { childLevelWords } from "./levels";
import { MorningSummary } from "./morning-summary";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";
import { ScrollRegion } from "@/components/ui/scroll-region";

/**
 * The overview of a unit (read by the page): KPI cards, praise and criticism and who has not
 * reported, next milestone, projection, trend and daily additions.
 */
export async function OverviewView({ overview, frame, choices, morning, view }: {
  overview: OverviewDTO; frame: UnitFrameDTO; choices: ViewChoicesDTO; morning: MorningSummaryDTO; view: ViewParams;
}) {
  const [locale, t, { charts }] = await Promise.all([getLocale(), getTranslator("dashboard"), getClientMessages("dashboard")]);
  const { progress, nextMilestone } = overview;
  const p = progress.projection;
  const lastDays = overview.trend.slice(-14);
  const trendPath = trendToHorizon({ trend: overview.trend, milestones: overview.milestones, asOf: view.asOf, dailyPace: p.dailyPace, campaignEnd: overview.campaign?.endDate ?? null });

  return (
    <DashboardFrame
      unit={frame}
      title={overview.unit.name}
      tab="overview"
      view={view}
      choices={choices}
      subtitle={t.rich("overview.subtitle", { day: formatDay(view.asOf), campaign: overview.campaign ? overview.campaign.name : t("overview.noCampaign"), strong: (chunks) => <strong>{chunks}</strong> })}
    >
      <section aria-labelledby="kpi-heading" className="space-y-2">
        <h2 id="kpi-heading" className="text-base font-semibold">{t("overview.kpiHeading")}</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-6">
          {overview.metrics.map((m) => (
            <li key={m.code} data-metric={m.code} className={`rounded-lg border bg-white p-3 xl:p-2.5 ${m.code === overview.metric.code ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
              <Link href={viewHref(`/units/${overview.unit.code}`, { ...view, metric: m.code })} className="block space-y-2 xl:space-y-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                aria-current={m.code === overview.metric.code ? "true" : undefined}>
                <p className="text-sm font-medium text-slate-700 xl:leading-snug">{m.name}</p>
                {/* six cards in a row on a wide screen: the badge shows its icon (its words to screen readers), the due date is the next milestone's below */}
                <p className="tabular flex items-baseline justify-between gap-2">
                  <span className="text-2xl font-semibold xl:text-xl" data-testid="kpi-percent">{formatPercent(m.percent, locale)}</span>
                  <StatusBadge status={m.projection.status} compactWide />
                </p>
                <ProgressBar percent={m.percent} />
                <p className="tabular text-xs text-slate-600">
                  <span data-testid="kpi-actual">{formatNumber(m.actual, locale)}</span> / {m.target === null ? t("overview.noTarget") : formatNumber(m.target, locale)}
                  {m.dueDate && <span className="xl:hidden"> · {t("overview.dueOn", { day: formatDay(m.dueDate) })}</span>}
                </p>
                {m.populationPercent !== null && (
                  <p className="tabular text-xs text-slate-600" data-testid="kpi-population">{t("overview.ofPopulation", { percent: formatPercent(m.populationPercent, locale) })}</p>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <MorningSummary summary={morning} code={overview.unit.code} hasChildren={frame.hasChildren} view={view} />

      <div className="grid gap-3 lg:grid-cols-3">
        <section aria-labelledby="milestone-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="milestone-heading" className="text-base font-semibold">{t("overview.nextMilestone")}</h2>
          {nextMilestone ? (
            <dl className="tabular mt-2 space-y-1 text-sm">
              <div className="flex justify-between gap-2"><dt>{t("overview.due")}</dt><dd className="font-semibold">{formatDay(nextMilestone.dueDate)}</dd></div>
              <div className="flex justify-between gap-2"><dt>{t("overview.left")}</dt><dd className="font-semibold" data-testid="days-left">{t("overview.daysLeft", { count: nextMilestone.daysLeft })}</dd></div>
              <div className="flex justify-between gap-2"><dt>{t("overview.target")}</dt><dd>{nextMilestone.target === null ? "—" : formatNumber(nextMilestone.target, locale)}</dd></div>
              <div className="flex justify-between gap-2"><dt>{t("overview.shortfall")}</dt><dd>{nextMilestone.target === null ? "—" : formatNumber(Math.max(0, nextMilestone.target - progress.actual), locale)}</dd></div>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{overview.milestones.length ? t("overview.milestonesPassed") : t("overview.noMilestones")}</p>
          )}
          {overview.milestones.length > 0 && (
            <p className="mt-3 text-xs text-slate-500">{t("overview.milestones", { list: overview.milestones.map((m) => `${formatDay(m.dueDate)} (${m.target === null ? "—" : formatNumber(m.target, locale)})`).join(", ") })}</p>
          )}
        </section>

        <section aria-labelledby="projection-heading" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="projection-heading" className="text-base font-semibold">{t("overview.projectionHeading", { metric: overview.metric.name })}</h2>
            <span data-testid="projection-status"><StatusBadge status={p.status} /></span>
          </div>
          <dl className="tabular mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            <div className="flex justify-between gap-2"><dt>{t("overview.pace", { days: PACE_WINDOW_DAYS })}</dt><dd className="font-semibold" data-testid="daily-pace">{t("overview.perDay", { value: formatChange(p.dailyPace, 2, locale).replace("+", "") })}</dd></div>
            <div className="flex justify-between gap-2"><dt>{t("overview.requiredPace")}</dt><dd className="font-semibold">{p.requiredDailyPace === null ? "—" : t("overview.perDay", { value: formatChange(p.requiredDailyPace, 2, locale).replace("+", "") })}</dd></div>
            <div className="flex justify-between gap-2"><dt>{t("overview.projectedBy", { day: formatDay(progress.dueDate) })}</dt><dd className="font-semibold">{p.projectedOnDueDate === null ? "—" : `${formatNumber(p.projectedOnDueDate, locale)} (${formatPercent(p.projectedPercent, locale)})`}</dd></div>
            <div className="flex justify-between gap-2"><dt>{t("overview.projectedDate")}</dt><dd className="font-semibold">{p.status === "met" ? t("overview.alreadyMet") : formatDay(p.projectedDate)}</dd></div>
          </dl>
          <details className="mt-3 text-xs text-slate-600">
            <summary className="cursor-pointer text-brand-700">{t("overview.howHeading")}</summary>
            <p className="mt-1">
              {t("overview.how", { day: formatDay(view.asOf), window: PACE_WINDOW_DAYS, days: p.daysLeft === null ? -1 : Math.max(0, p.daysLeft) })}
            </p>
          </details>
        </section>
      </div>

      <section aria-labelledby="trend-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <figure>
          <figcaption>
            <h2 id="trend-heading" className="text-base font-semibold">{t("overview.trendHeading")}</h2>
            <p className="text-xs text-slate-600">
              {t("overview.trendCaption", {
                metric: overview.metric.name.toLowerCase(),
                from: formatDay(overview.trend[0]?.day ?? null),
                to: formatDay(view.asOf),
                horizon: formatDay(trendPath.horizon),
                start: formatNumber(overview.trend[0]?.cumulative ?? 0, locale),
                end: formatNumber(progress.actual, locale),
              })}
            </p>
          </figcaption>
          <TrendChart points={trendPath.points} milestones={trendPath.milestones} asOf={view.asOf} locale={locale} labels={charts.trend} />
        </figure>
      </section>

      <section aria-labelledby="daily-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <figure>
          <figcaption>
            <h2 id="daily-heading" className="text-base font-semibold">{t("overview.dailyHeading")}</h2>
            <p className="text-xs text-slate-600">{t("overview.dailyCaption")}</p>
          </figcaption>
          <DailyChart points={overview.trend.map(({ day, daily, average7 }) => ({ day, daily, average7 }))} locale={locale} labels={charts.daily} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">{t("overview.tableToggle")}</summary>
            <ScrollRegion label={t("overview.tableCaption")}>
              <table className="tabular mt-2 w-full text-sm">
                <caption className="sr-only">{t("overview.tableCaption")}</caption>
                <thead><tr className="text-left text-slate-600"><th scope="col" className="py-1">{t("overview.columns.day")}</th><th scope="col" className="text-right">{t("overview.columns.daily")}</th><th scope="col" className="text-right">{t("overview.columns.average7")}</th><th scope="col" className="text-right">{t("overview.columns.cumulative")}</th></tr></thead>
                <tbody>
                  {lastDays.map((d) => (
                    <tr key={d.day} className="border-t border-slate-100">
                      <td className="py-1">{formatDay(d.day)}</td>
                      <td className="text-right">{formatChange(d.daily, 0, locale).replace("+", "")}</td>
                      <td className="text-right">{formatChange(d.average7, 2, locale).replace("+", "")}</td>
                      <td className="text-right">{formatNumber(d.cumulative, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          </details>
        </figure>
      </section>

      {frame.hasChildren && (
        <p className="text-sm">
          <Link href={viewHref(`/units/${overview.unit.code}/rankings`, view)} className="font-medium text-brand-700 underline">
            {t("overview.rankingsLink", { count: overview.childCount, level: childLevelWords(frame.childLevel, locale, t), unit: overview.unit.name })}
          </Link>
        </p>
      )}
    </DashboardFrame>
  );
}
