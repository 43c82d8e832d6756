import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { WeekInput } from "@/components/forms/date-input";
import { INPUT } from "@/components/forms/styles";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import { requireUser } from "@/lib/auth/session";
import { getAgencyEntry, type AgencyEntryDTO } from "@/lib/data/agencies";
import { AppError } from "@/lib/data/errors";
import { formatNumber } from "@/lib/domain/format";
import { formatIsoWeek, shiftWeek } from "@/lib/domain/weeks";
import { getTranslator } from "@/lib/i18n/server";
import { reportWords, weekLabel, weekShortLabel } from "@/lib/reports/text";
import { getLocale } from "@/lib/i18n/server";
import { saveAgencyWeeklyAction } from "../actions";
import { agencyWeekParam } from "../week-param";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("agencies"))("meta.entry") };
}

/**
 * `/agencies/entry?week=2026-W49`: an agency's weekly figure, entered by its focal point for
 * its agency and sub-agencies (administrators add `&agency=CODE`). One card per agency, so it
 * reads on a 360 px phone without scrolling sideways.
 */
export default async function AgencyEntryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const [t, locale] = await Promise.all([getTranslator("agencies"), getLocale()]);
  const w = reportWords(locale);
  const week = agencyWeekParam(raw.week, user.homeDay);
  const agencyCode = typeof raw.agency === "string" && raw.agency ? raw.agency : undefined;
  let entry: AgencyEntryDTO;
  try {
    entry = await getAgencyEntry(user, week, agencyCode);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.code === "NOT_FOUND" ? (user.may.agencyFocalPoint ? t("refusal.noAgencyOfUser") : t("entry.noAgency")) : (await getTranslator("errors"))(`code.${error.code}`);
    return (
      <main className="mx-auto max-w-xl space-y-4 px-3 py-6">
        <Problem page>{message}</Problem>
        {user.may.administer && (
          <form method="get" className="flex items-end gap-2 text-sm">
            <label className="flex flex-col gap-1">{t("entry.chooseAgency")}<input name="agency" className={INPUT} autoCapitalize="characters" /></label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">{t("entry.view")}</button>
          </form>
        )}
      </main>
    );
  }
  const href = (target: string) => `/agencies/entry?${new URLSearchParams({ week: target, ...(agencyCode ? { agency: agencyCode } : {}) })}`;
  const labels = Object.fromEntries(entry.rows.map((row) => [`activated.${row.code}`, row.name]));
  // the cards are drawn again (their boxes refilled) whenever a figure's version changes
  const stamp = entry.rows.map((row) => `${row.code}:${row.version ?? 0}`).join("|");

  return (
    <main className="mx-auto max-w-xl space-y-4 px-3 py-6">
      <header className="space-y-1">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t("entry.eyebrow")}</p>
        <h1 className="text-xl font-semibold">{entry.agency.name}</h1>
        <p className="text-sm font-medium">{t("entry.title")}</p>
        <p className="text-sm text-slate-600">{t("entry.intro")}</p>
      </header>

      <nav aria-label={t("entry.week")} className="flex flex-wrap items-end gap-2 text-sm">
        <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={href(formatIsoWeek(shiftWeek(week, -1)))}>← {weekShortLabel(shiftWeek(week, -1), w)}</Link>
        <form method="get" action="/agencies/entry" className="flex items-end gap-2">
          {agencyCode && <input type="hidden" name="agency" value={agencyCode} />}
          <label className="flex flex-col">{t("entry.chooseWeek")}<WeekInput name="week" defaultValue={entry.week} className="w-32 rounded border border-slate-300 bg-white px-2 py-1" hint={false} /></label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">{t("entry.view")}</button>
        </form>
        <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={href(formatIsoWeek(shiftWeek(week, 1)))}>{weekShortLabel(shiftWeek(week, 1), w)} →</Link>
      </nav>
      <p className="text-sm font-semibold" data-testid="entry-week">{weekShortLabel(week, w)}: {weekLabel(week, w)}</p>

      <ActionForm action={saveAgencyWeeklyAction} submitLabel={t("entry.submit")} labels={labels} keepValues>
        <input type="hidden" name="week" value={entry.week} />
        {agencyCode && <input type="hidden" name="agency" value={agencyCode} />}
        <div key={stamp} className="space-y-3">
          {entry.rows.map((row) => (
            <fieldset key={row.code} className="space-y-2 rounded-lg border border-slate-200 bg-white p-3" data-agency={row.code} style={{ marginLeft: `${Math.min(row.depth, 3) * 0.75}rem` }}>
              <legend className="px-1 text-sm font-semibold">{row.name}</legend>
              {row.depth > 0 && <p className="text-xs text-slate-500">{t("entry.subAgency")}</p>}
              <input type="hidden" name={`version.${row.code}`} value={row.version ?? ""} />
              <div className="grid grid-cols-2 gap-2">
                <label className="flex flex-col gap-1 text-sm">
                  {t("entry.headcount")}
                  <input name={`headcount.${row.code}`} defaultValue={row.headcount ?? ""} inputMode="numeric" autoComplete="off" className={`${INPUT} w-full tabular`} />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  {t("entry.activated")}
                  <input name={`activated.${row.code}`} defaultValue={row.activated ?? ""} inputMode="numeric" autoComplete="off" className={`${INPUT} w-full tabular`} />
                </label>
              </div>
              <p className="flex flex-wrap justify-between gap-x-3 text-xs text-slate-600">
                <span>{row.previous === null ? t("entry.noPrevious") : t("entry.previous", { value: formatNumber(row.previous, locale) })}</span>
                <span className={row.activated === null ? "font-semibold text-amber-800" : "text-emerald-800"} data-testid="entry-status">{row.activated === null ? t("entry.notYet") : t("entry.reported")}</span>
              </p>
            </fieldset>
          ))}
        </div>
      </ActionForm>
    </main>
  );
}
