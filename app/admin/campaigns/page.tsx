import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { listCampaigns } from "@/lib/data/targets-admin";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { createCampaignAction, importPopulationsAction, importTargetsAction } from "./actions";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DayInput, FileInput } from "@/components/forms/date-input";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("admin");
  return { title: t("campaigns.title") };
}

export default async function CampaignsPage() {
  const user = await requireAdminForPage();
  if (!user) return null;
  const campaigns = await listCampaigns(user);
  const [t, locale] = await Promise.all([getTranslator("admin"), getLocale()]);
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("campaigns.heading")}</h1>
      <ScrollRegion label={t("campaigns.caption")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("campaigns.caption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={TH}>{t("campaigns.columns.code")}</th>
              <th scope="col" className={TH}>{t("campaigns.columns.name")}</th>
              <th scope="col" className={TH}>{t("campaigns.columns.period")}</th>
              <th scope="col" className={TH}>{t("campaigns.columns.milestones")}</th>
              <th scope="col" className={`${TH} text-right`}>{t("campaigns.columns.targets")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.code} className="border-t border-slate-100" data-campaign={c.code}>
                <td className={TD}><Link href={`/admin/campaigns/${c.code}`} className="font-semibold text-brand-700 underline">{c.code}</Link></td>
                <td className={TD}>{c.name}</td>
                <td className={`${TD} tabular`}>{formatDay(c.startDate)} – {formatDay(c.endDate)}</td>
                <td className={`${TD} tabular`}>{c.dueDates.map(formatDay).join(", ") || "—"}</td>
                <td className={`${TD} tabular text-right`}>{formatNumber(c.targets, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {campaigns.length === 0 && <p className="p-3 text-sm text-slate-600">{t("campaigns.empty")}</p>}
      </ScrollRegion>
      <div className="grid gap-4 md:grid-cols-2">
        <section className={CARD} aria-labelledby="new-campaign">
          <h2 id="new-campaign" className="mb-2 text-lg font-semibold">{t("campaigns.create.title")}</h2>
          <ActionForm action={createCampaignAction} submitLabel={t("campaigns.create.submit")}
            labels={{ code: t("campaigns.create.code"), name: t("campaigns.create.name"), startDate: t("campaigns.create.startDate"), endDate: t("campaigns.create.endDate") }}>
            <label className={FIELD} htmlFor="c-code">{t("campaigns.create.codeField")}<input id="c-code" name="code" placeholder="cao-diem-2023" className={INPUT} /></label>
            <label className={FIELD} htmlFor="c-name">{t("campaigns.create.name")}<input id="c-name" name="name" className={INPUT} /></label>
            <label className={FIELD} htmlFor="c-start">{t("campaigns.create.startDate")}<DayInput id="c-start" name="startDate" /></label>
            <label className={FIELD} htmlFor="c-end">{t("campaigns.create.endDate")}<DayInput id="c-end" name="endDate" /></label>
          </ActionForm>
        </section>
        <section className={CARD} aria-labelledby="import-targets">
          <h2 id="import-targets" className="mb-2 text-lg font-semibold">{t("campaigns.import.title")}</h2>
          <p className="mb-2 text-sm text-slate-600">{t.rich("campaigns.import.help", { code: (columns) => <code className="break-all">{columns}</code> })}</p>
          <ActionForm action={importTargetsAction} submitLabel={t("fileImport.submit")} labels={{ file: t("fileImport.file") }}>
            <label className={FIELD} htmlFor="targets-file">{t("campaigns.import.file")}<FileInput id="targets-file" name="file" accept=".csv,.xlsx,text/csv" /></label>
            <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> {t("fileImport.dryRun")}</label>
          </ActionForm>
        </section>
        <section className={CARD} aria-labelledby="import-populations">
          <h2 id="import-populations" className="mb-2 text-lg font-semibold">{t("campaigns.populations.title")}</h2>
          <p className="mb-2 text-sm text-slate-600">{t.rich("campaigns.populations.help", { code: (columns) => <code className="break-all">{columns}</code> })}</p>
          <ActionForm action={importPopulationsAction} submitLabel={t("fileImport.submit")} labels={{ file: t("fileImport.file") }}>
            <label className={FIELD} htmlFor="populations-file">{t("campaigns.populations.file")}<FileInput id="populations-file" name="file" accept=".csv,.xlsx,text/csv" /></label>
            <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> {t("fileImport.dryRun")}</label>
          </ActionForm>
        </section>
      </div>
    </main>
  );
}
