import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, TD, TH } from "@/components/forms/styles";
import { DayInput, FileInput } from "@/components/forms/date-input";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { requireAdminForPage } from "@/lib/auth/session";
import { listReorganisations } from "@/lib/data/reorganisation";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { withLocale } from "@/lib/i18n/message";
import { summaryLines } from "@/lib/i18n/reorganisation-summary";
import { reorganisationAction, undoReorganisationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("admin");
  return { title: t("reorganisation.page.title") };
}

/** Reorganisations of the units (docs/units-over-time.md): load one, see those loaded, undo one. */
export default async function ReorganisationPage() {
  const user = await requireAdminForPage();
  if (!user) return null;
  const [rows, t, locale] = await Promise.all([listReorganisations(user), getTranslator("admin"), getLocale()]);
  const n = (value: number) => formatNumber(value, locale);
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("reorganisation.page.title")}</h1>
      <section className={CARD} aria-labelledby="load">
        <h2 id="load" className="mb-2 text-lg font-semibold">{t("reorganisation.page.load")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("reorganisation.page.help")}</p>
        <ActionForm action={reorganisationAction} submitLabel={t("reorganisation.page.submit")}
          labels={{ date: t("reorganisation.page.date"), units: t("reorganisation.page.units"), changes: t("reorganisation.page.changes") }}>
          <label className={FIELD} htmlFor="reorganisation-date">{t("reorganisation.page.date")}<DayInput id="reorganisation-date" name="date" defaultValue="2025-07-01" /></label>
          <label className={FIELD} htmlFor="reorganisation-units">{t("reorganisation.page.units")}<FileInput id="reorganisation-units" name="units" accept=".csv,.xlsx,text/csv" /></label>
          <label className={FIELD} htmlFor="reorganisation-changes">{t("reorganisation.page.changes")}<FileInput id="reorganisation-changes" name="changes" accept=".csv,.xlsx,text/csv" /></label>
          <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> {t("reorganisation.page.dryRun")}</label>
        </ActionForm>
      </section>
      <section aria-labelledby="history" className="space-y-2">
        <h2 id="history" className="text-lg font-semibold">{t("reorganisation.page.history")}</h2>
        {rows.length === 0 ? (
          <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">{t("reorganisation.page.empty")}</p>
        ) : (
          <ScrollRegion label={t("reorganisation.page.caption")} className="rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
              <caption className="sr-only">{t("reorganisation.page.caption")}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={TH}>{t("reorganisation.page.columns.id")}</th>
                  <th scope="col" className={TH}>{t("reorganisation.page.columns.date")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("reorganisation.page.columns.ending")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("reorganisation.page.columns.starting")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("reorganisation.page.columns.continuing")}</th>
                  <th scope="col" className={`${TH} hidden text-right sm:table-cell`}>{t("reorganisation.page.columns.noSuccessor")}</th>
                  <th scope="col" className={`${TH} hidden sm:table-cell`}>{t("reorganisation.page.columns.by")}</th>
                  <th scope="col" className={TH}>{t("reorganisation.page.columns.undo")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-t border-slate-100" data-reorganisation={r.id}>
                    <td className={`${TD} tabular`}>{r.id}</td>
                    <td className={`${TD} tabular`}>{formatDay(r.effectiveDate)}</td>
                    <td className={`${TD} tabular text-right`}>{n(r.summary.ending)}</td>
                    <td className={`${TD} tabular text-right`}>{n(r.summary.starting)}</td>
                    <td className={`${TD} tabular text-right`}>{n(r.summary.continuing)}</td>
                    <td className={`${TD} hidden tabular text-right sm:table-cell`}>{n(r.summary.noSuccessor.count)}</td>
                    <td className={`${TD} hidden sm:table-cell`}>{r.createdBy ?? "—"}</td>
                    <td className={TD}>
                      <ActionForm action={undoReorganisationAction} submitLabel={t("reorganisation.page.undo", { id: String(r.id) })} tone="danger">
                        <input type="hidden" name="id" value={r.id} />
                      </ActionForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        {rows.map((r) => (
          <details key={r.id} className="rounded-md border border-slate-200 bg-white p-2 text-sm" data-reorganisation-details={r.id}>
            <summary className="cursor-pointer font-medium">{t("reorganisation.page.details", { id: String(r.id), date: formatDay(r.effectiveDate) })}</summary>
            <ul className="mt-1 space-y-0.5">
              {withLocale(locale, () => summaryLines(r.summary)).slice(1).map((line, i) => <li key={i} className={line.startsWith("  ") ? "pl-4 text-slate-700" : ""}>{line.trim()}</li>)}
            </ul>
          </details>
        ))}
      </section>
    </main>
  );
}
