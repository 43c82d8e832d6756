import { Link } from "@/components/ui/link";
import type { MorningSummaryDTO, MorningUnitDTO } from "@/lib/data/overview-morning";
import { todayInVietnam } from "@/lib/domain/dates";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { criticismWords } from "@/lib/domain/criticism-rule";
import { praiseSentence } from "@/lib/domain/ranking";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import type { ViewParams } from "@/lib/validation/view-params";
import { rankingsHref, unitHref, viewHref } from "./hrefs";

/**
 * The morning questions on the overview, beside "where do we stand": who is praised and
 * criticised (lists and the official sentence, as the rankings page words it) and how many
 * units have not reported for the day, linking to the reporting status of the unit.
 */
export async function MorningSummary({ summary, code, hasChildren, view }: { summary: MorningSummaryDTO; code: string; hasChildren: boolean; view: ViewParams }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslator("dashboard")]);
  const percent = (value: number | null) => formatPercent(value, locale);
  const words = criticismWords(summary.criticismRule, summary.criticised.length, percent, (key, values) => t(`criticismRule.${key}`, values), t("rankings.criticism"));
  const sentence = praiseSentence(summary.praised, summary.criticised, percent, { praise: t("rankings.praise"), ...words });
  const when = summary.asOf === todayInVietnam() ? t("overview.morning.today") : t("overview.morning.onDay", { day: formatDay(summary.asOf) });

  const list = (rows: MorningUnitDTO[], mark: "praise" | "criticism") => (
    <div>
      <h3 className={`text-sm font-semibold ${mark === "praise" ? "text-emerald-800" : "text-red-800"}`}>
        <span aria-hidden="true">{mark === "praise" ? "★ " : "⚑ "}</span>{t(mark === "praise" ? "rankings.praise" : "rankings.criticism")}
      </h3>
      <ol className="tabular mt-1 space-y-0.5 text-sm" data-testid={`overview-${mark}`}>
        {rows.map((row) => (
          <li key={row.code} data-unit={row.code} className="flex items-baseline justify-between gap-2">
            <span className="min-w-0">
              <span className="mr-1 inline-block w-5 text-right text-xs text-slate-500">{row.rank}.</span>
              {row.viewable ? <Link href={unitHref(row.code, view)} className="text-brand-700 underline-offset-2 hover:underline">{row.name}</Link> : row.name}
            </span>
            <span className="shrink-0 font-semibold">{percent(row.percent)}</span>
          </li>
        ))}
      </ol>
    </div>
  );

  return (
    <div data-testid="overview-morning" className="grid gap-3 lg:grid-cols-4">
      {hasChildren && (
        <section aria-labelledby="praise-heading" className="rounded-lg border border-slate-200 bg-white p-3 lg:col-span-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-3">
            <h2 id="praise-heading" className="text-base font-semibold">{t("rankings.conclusionHeading")}</h2>
            <Link href={rankingsHref(code, view)} className="text-sm text-brand-700 underline underline-offset-2">{t("overview.morning.allRankings")}</Link>
          </div>
          {summary.ranked === 0 ? (
            <p className="mt-1 text-sm text-slate-600">{t("rankings.noRanked")}</p>
          ) : (
            <div className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
              {/* the conclusion as officials read it out: first to be read, beside the lists on a wide screen */}
              <p className="rounded bg-slate-50 p-2 text-sm sm:col-span-2 lg:order-last lg:col-span-1" data-testid="overview-praise-sentence">{sentence}</p>
              {summary.praised.length > 0 && list(summary.praised, "praise")}
              {summary.criticised.length > 0 && list(summary.criticised, "criticism")}
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="not-reported-heading" className="rounded-lg border border-slate-200 bg-white p-3">
        <h2 id="not-reported-heading" className="text-base font-semibold">{t("overview.morning.reportingHeading")}</h2>
        <p className="tabular mt-2 text-base" data-testid="overview-not-reported">
          {summary.notReported === 0 ? (
            <span className="font-semibold text-emerald-800"><span aria-hidden="true">✓ </span>{t("overview.morning.allReported", { count: summary.leaves, when })}</span>
          ) : (
            <Link href={viewHref("/reporting", view, { unit: code })} className="font-semibold text-red-800 underline underline-offset-2">
              <span aria-hidden="true">⚠ </span>{t("overview.morning.notReported", { count: summary.notReported, when })}
            </Link>
          )}
        </p>
        <p className="tabular mt-1 text-sm text-slate-600">
          {t.rich("reporting.reported", { reported: formatNumber(summary.leaves - summary.notReported, locale), total: formatNumber(summary.leaves, locale), strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      </section>
    </div>
  );
}
