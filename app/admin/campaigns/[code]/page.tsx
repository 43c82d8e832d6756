import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError, userText } from "@/lib/data/errors";
import { getTargetGrid, listCampaigns, listMetrics, listTargetSumWarnings, type TargetGridDTO } from "@/lib/data/targets-admin";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { getClientMessages, getLocale, getTranslator, inRequestLocale } from "@/lib/i18n/server";
import { targetGridSchema } from "@/lib/validation/admin-forms";
import { saveTargetGridAction, setTargetShareAction } from "../actions";
import { listTargetShares } from "@/lib/data/population";
import { ActionForm } from "@/components/forms/action-form";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { TargetGrid } from "./target-grid";
import { HEADLINE_METRIC } from "@/lib/domain/metrics";
import { Problem } from "@/components/ui/problem";
import { DayInput } from "@/components/forms/date-input";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("admin");
  return { title: t("campaign.title") };
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdminForPage();
  if (!user) return null;
  const { code } = await params;
  const campaign = (await listCampaigns(user)).find((c) => c.code === code);
  if (!campaign) notFound();
  const sp = await searchParams;
  const [t, locale] = await Promise.all([getTranslator("admin"), getLocale()]);
  const metrics = await listMetrics(user);
  const query = {
    campaign: campaign.code,
    metric: typeof sp.metric === "string" ? sp.metric : HEADLINE_METRIC,
    dueDate: typeof sp.dueDate === "string" && sp.dueDate ? sp.dueDate : (campaign.dueDates[0] ?? campaign.endDate),
    parentCode: typeof sp.parent === "string" && sp.parent ? sp.parent : ((await getHomeUnitCode(user)) ?? ""),
  };
  const parsed = targetGridSchema.safeParse(query);
  let grid: TargetGridDTO | null = null;
  let problem: string | null = parsed.success ? null : t("campaign.pickAll");
  if (parsed.success) {
    try {
      // the data layer's refusal (an unknown unit, say) is shown here, in the page's language
      const gridQuery = parsed.data;
      grid = await inRequestLocale(() => getTargetGrid(user, gridQuery));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.userMessage ? await inRequestLocale(async () => userText(error)) : t("campaign.gridFailed");
    }
  }
  const [warnings, shares] = await Promise.all([listTargetSumWarnings(user, campaign.code), listTargetShares(user, campaign.code)]);
  const metricName = new Map(metrics.map((m) => [m.code, m.name[locale]]));
  const gridMessages = (await getClientMessages("admin")).grid;
  return (
    <main className="space-y-4">
      <Link href="/admin/campaigns" className="text-sm text-brand-700 underline">{t("campaign.back")}</Link>
      <h1 className="text-2xl font-semibold">{campaign.name}</h1>
      <p className="text-sm text-slate-700">
        {t("campaign.summary", {
          code: campaign.code, start: formatDay(campaign.startDate), end: formatDay(campaign.endDate),
          milestones: campaign.dueDates.map(formatDay).join(", ") || t("campaign.noMilestones"),
        })}
      </p>
      <section aria-labelledby="warnings" className={CARD}>
        <h2 id="warnings" className="mb-2 text-lg font-semibold">{t("campaign.warnings.title", { count: formatNumber(warnings.length, locale) })}</h2>
        {warnings.length === 0 ? <p className="text-sm text-slate-600">{t("campaign.warnings.none")}</p> : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="campaign-warnings">
            {warnings.slice(0, 100).map((w) => (
              <li key={`${w.unitCode}-${w.metric}-${w.dueDate}`}>
                <Link className="text-brand-700 underline" href={`/admin/campaigns/${campaign.code}?metric=${w.metric}&dueDate=${w.dueDate}&parent=${w.unitCode}`}>{w.unitName}</Link>
                {t("campaign.warnings.item", {
                  metric: metricName.get(w.metric) ?? w.metric, date: formatDay(w.dueDate),
                  childrenSum: formatNumber(w.childrenSum, locale), parentTarget: formatNumber(w.parentTarget, locale),
                })}
                {w.missing.length ? t("campaign.warnings.missing", { count: w.missing.length }) : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="shares" className={CARD}>
        <h2 id="shares" className="mb-2 text-lg font-semibold">{t("campaign.shares.title")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t("campaign.shares.help")}</p>
        {shares.length === 0 ? <p className="mb-2 text-sm text-slate-600">{t("campaign.shares.none")}</p> : (
          <ScrollRegion label={t("campaign.shares.caption")} className="mb-3 rounded border border-slate-200">
            <table className="w-full text-sm" data-testid="target-shares">
              <caption className="sr-only">{t("campaign.shares.caption")}</caption>
              <thead className="bg-slate-100 text-slate-700">
                <tr>
                  <th scope="col" className={TH}>{t("campaign.shares.columns.unit")}</th>
                  <th scope="col" className={TH}>{t("campaign.shares.columns.metric")}</th>
                  <th scope="col" className={TH}>{t("campaign.shares.columns.dueDate")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("campaign.shares.columns.percent")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("campaign.shares.columns.population")}</th>
                  <th scope="col" className={`${TH} text-right`}>{t("campaign.shares.columns.target")}</th>
                </tr>
              </thead>
              <tbody>
                {shares.map((s) => (
                  <tr key={`${s.unitCode}-${s.metric}-${s.dueDate}`} className="border-t border-slate-100">
                    <td className={TD}><Link className="text-brand-700 underline" href={`/admin/campaigns/${campaign.code}?metric=${s.metric}&dueDate=${s.dueDate}&parent=${s.unitCode}`}>{s.unitCode} {s.unitName}</Link></td>
                    <td className={TD}>{metricName.get(s.metric) ?? s.metric}</td>
                    <td className={`${TD} tabular`}>{formatDay(s.dueDate)}</td>
                    <td className={`${TD} tabular text-right`}>{formatPercent(s.basisPoints / 100, locale)}</td>
                    <td className={`${TD} tabular text-right`}>{s.population === null ? t("campaign.shares.noPopulation") : formatNumber(s.population, locale)}</td>
                    <td className={`${TD} tabular text-right`}>{s.target === null ? "—" : formatNumber(s.target, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <ActionForm action={setTargetShareAction} submitLabel={t("campaign.shares.submit")}
          labels={{ unitCode: t("campaign.shares.unit"), metric: t("campaign.shares.metric"), dueDate: t("campaign.shares.dueDate"), percent: t("campaign.shares.percent") }}>
          <input type="hidden" name="campaign" value={campaign.code} />
          <div className="grid gap-2 sm:grid-cols-4">
            <label className={FIELD} htmlFor="s-unit">{t("campaign.shares.unit")}<input id="s-unit" name="unitCode" defaultValue={query.parentCode} inputMode="numeric" className={INPUT} /></label>
            <label className={FIELD} htmlFor="s-metric">{t("campaign.shares.metric")}
              <select id="s-metric" name="metric" defaultValue={query.metric} className={INPUT}>
                {metrics.map((m) => <option key={m.code} value={m.code}>{m.name[locale]}</option>)}
              </select>
            </label>
            <label className={FIELD} htmlFor="s-due">{t("campaign.shares.dueDate")}<DayInput id="s-due" name="dueDate" defaultValue={query.dueDate} /></label>
            <label className={FIELD} htmlFor="s-percent">{t("campaign.shares.percent")}<input id="s-percent" name="percent" inputMode="decimal" placeholder="55" className={INPUT} /></label>
          </div>
        </ActionForm>
      </section>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label className={FIELD} htmlFor="g-metric">{t("campaign.picker.metric")}
          <select id="g-metric" name="metric" defaultValue={query.metric} className={INPUT}>
            {metrics.map((m) => <option key={m.code} value={m.code}>{m.name[locale]}</option>)}
          </select>
        </label>
        <label className={FIELD} htmlFor="g-due">{t("campaign.picker.dueDate")}<DayInput id="g-due" name="dueDate" defaultValue={query.dueDate} hint={false} /></label>
        <label className={FIELD} htmlFor="g-parent">{t("campaign.picker.parent")}<input id="g-parent" name="parent" defaultValue={query.parentCode} inputMode="numeric" className={`${INPUT} w-28`} /></label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">{t("campaign.picker.submit")}</button>
      </form>
      {problem && <Problem>{problem}</Problem>}
      {grid && (
        <section aria-labelledby="grid-title" className="space-y-2">
          <h2 id="grid-title" className="text-lg font-semibold">{t("campaign.gridTitle", { metric: grid.metric.name[locale], date: formatDay(grid.dueDate), unit: grid.parent.name })}</h2>
          <p className="text-sm text-slate-600">{t("campaign.gridHelp")}</p>
          <TargetGrid key={`${grid.parent.code}-${grid.metric.code}-${grid.dueDate}`} grid={grid} action={saveTargetGridAction} locale={locale} messages={gridMessages} />
        </section>
      )}
    </main>
  );
}
