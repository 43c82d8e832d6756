import type { Metadata } from "next";
import { DashboardProblem } from "@/components/dashboard/problem";
import { ActionForm } from "@/components/forms/action-form";
import { DayInput, WeekInput } from "@/components/forms/date-input";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireUser } from "@/lib/auth/session";
import { getAgencyRanking, type AgencyRankingDTO } from "@/lib/data/agencies";
import { AppError } from "@/lib/data/errors";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { formatIsoWeek, shiftWeek } from "@/lib/domain/weeks";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { formatSigned, reportWords, weekLabel, weekShortLabel } from "@/lib/reports/text";
import { setAgencyDueDateAction } from "./actions";
import { agencyWeekParam } from "./week-param";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("agencies"))("meta.ranking") };
}

/**
 * `/agencies?unit=CODE&week=2026-W49`: the agencies seen from a unit (the user's own by
 * default) ranked by share of staff with level-2 activation, sub-agencies summed into their
 * parent, and every agency that has not reported this week. Provincial officials, leaders and
 * administrators (the data layer checks).
 */
export default async function AgenciesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const [t, locale] = await Promise.all([getTranslator("agencies"), getLocale()]);
  const w = reportWords(locale);
  const unitCode = typeof raw.unit === "string" && raw.unit ? raw.unit : await getHomeUnitCode(user);
  if (!unitCode) return <DashboardProblem problem="noUnit" />;
  const week = agencyWeekParam(raw.week, user.homeDay);
  let ranking: AgencyRankingDTO;
  try {
    ranking = await getAgencyRanking(user, unitCode, week);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <main className="mx-auto max-w-xl px-3 py-6"><Problem page>{error.code === "FORBIDDEN" ? t("ranking.forbidden") : (await getTranslator("errors"))(`code.${error.code}`)}</Problem></main>;
  }
  const href = (target: string) => `/agencies?${new URLSearchParams({ unit: ranking.unit.code, week: target })}`;

  return (
    <main className="mx-auto max-w-5xl space-y-5 px-3 py-6 sm:px-4">
      <header className="space-y-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t("ranking.eyebrow")} · {ranking.unit.name}</p>
        <h1 className="text-xl font-semibold sm:text-2xl">{t("ranking.title")}</h1>
        <p className="text-sm text-slate-600">{t("ranking.intro")}</p>
        <p className="text-sm font-semibold" data-testid="agencies-due">{ranking.dueDate ? t("ranking.dueDate", { day: formatDay(ranking.dueDate) }) : t("ranking.noDueDate")}</p>
      </header>

      <nav aria-label={t("entry.week")} className="flex flex-wrap items-end gap-2 text-sm">
        <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={href(formatIsoWeek(shiftWeek(week, -1)))}>← {weekShortLabel(shiftWeek(week, -1), w)}</Link>
        <form method="get" action="/agencies" className="flex items-end gap-2">
          <input type="hidden" name="unit" value={ranking.unit.code} />
          <label className="flex flex-col">{t("entry.chooseWeek")}<WeekInput name="week" defaultValue={ranking.week} className="w-32 rounded border border-slate-300 bg-white px-2 py-1" hint={false} /></label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">{t("entry.view")}</button>
        </form>
        <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={href(formatIsoWeek(shiftWeek(week, 1)))}>{weekShortLabel(shiftWeek(week, 1), w)} →</Link>
      </nav>
      <p className="text-sm font-semibold">{weekShortLabel(week, w)}: {weekLabel(week, w)}</p>

      {ranking.rows.length === 0 ? <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm">{t("ranking.none", { unit: ranking.unit.name })}</p> : (
        <>
          <p className="text-sm" data-testid="agencies-total">{t("ranking.total", { activated: formatNumber(ranking.activated, locale), headcount: formatNumber(ranking.headcount, locale), percent: formatPercent(ranking.percent, locale) })}</p>
          <ScrollRegion label={t("ranking.title")} className="rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm md:min-w-[44rem]" data-testid="agency-ranking">
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className="px-2 py-2 text-right font-semibold">{t("ranking.rank")}</th>
                  <th scope="col" className="px-2 py-2 text-left font-semibold">{t("ranking.agency")}</th>
                  <th scope="col" className="hidden px-2 py-2 text-right font-semibold md:table-cell">{t("ranking.headcount")}</th>
                  <th scope="col" className="hidden px-2 py-2 text-right font-semibold md:table-cell">{t("ranking.activated")}</th>
                  <th scope="col" className="px-2 py-2 text-right font-semibold">{t("ranking.rate")}</th>
                  <th scope="col" className="hidden px-2 py-2 text-right font-semibold md:table-cell">{t("ranking.weekChange")}</th>
                  <th scope="col" className="hidden px-2 py-2 text-center font-semibold md:table-cell">{t("ranking.status")}</th>
                </tr>
              </thead>
              <tbody className="tabular">
                {ranking.rows.map((row) => {
                  const status = row.reported ? t("ranking.reported") : t("ranking.notReported");
                  return (
                    <tr key={row.code} className="border-t border-slate-100" data-agency={row.code}>
                      <td className="px-2 py-2 text-right">{row.rank ?? "—"}</td>
                      <th scope="row" className="px-2 py-2 text-left font-normal">
                        <span data-value>{row.name}</span>
                        {row.subAgencies > 0 && <span className="block text-xs text-slate-500">{t("ranking.subAgencies", { count: row.subAgencies })}</span>}
                        <span className="block text-xs text-slate-500 md:hidden">
                          {t("ranking.activated")}: {formatNumber(row.activated, locale)}/{row.headcount === null ? "—" : formatNumber(row.headcount, locale)} · {t("ranking.weekChange")}: {formatSigned(row.weekChange, w)} · <span className={row.reported ? "" : "font-semibold text-amber-800"}>{status}</span>
                        </span>
                      </th>
                      <td className="hidden px-2 py-2 text-right md:table-cell">{row.headcount === null ? "—" : formatNumber(row.headcount, locale)}</td>
                      <td className="hidden px-2 py-2 text-right md:table-cell">{formatNumber(row.activated, locale)}</td>
                      <td className="whitespace-nowrap px-2 py-2 text-right font-semibold">{formatPercent(row.percent, locale)}</td>
                      <td className="hidden px-2 py-2 text-right md:table-cell">{formatSigned(row.weekChange, w)}</td>
                      <td className={`hidden px-2 py-2 text-center md:table-cell ${row.reported ? "text-emerald-800" : "font-semibold text-amber-800"}`}>{status}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>

          <section aria-labelledby="not-reported" className="space-y-2">
            <h2 id="not-reported" className="text-lg font-semibold">{t("ranking.notReportedTitle")}</h2>
            {ranking.notReported.length === 0 ? <p className="text-sm">{t("ranking.allReported")}</p> : (
              <ul className="list-disc space-y-0.5 pl-5 text-sm" data-testid="agencies-not-reported">
                {ranking.notReported.map((agency) => <li key={agency.code} data-agency={agency.code}>{agency.name}</li>)}
              </ul>
            )}
          </section>
        </>
      )}

      {ranking.maySetDueDate && (
        <section aria-labelledby="due-date" className="space-y-2 rounded-lg border border-slate-200 bg-white p-3">
          <h2 id="due-date" className="text-base font-semibold">{t("ranking.setDueDate")}</h2>
          <ActionForm action={setAgencyDueDateAction} submitLabel={t("ranking.setDueDate")} labels={{ dueDate: t("ranking.dueDateLabel") }}>
            <input type="hidden" name="unit" value={ranking.unit.code} />
            <label className="flex flex-col gap-1">{t("ranking.dueDateLabel")}<DayInput name="dueDate" defaultValue={ranking.dueDate ?? ""} className="w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5" /></label>
          </ActionForm>
        </section>
      )}
    </main>
  );
}
