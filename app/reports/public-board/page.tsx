import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getBoardSettings, listBoardPublications, type BoardPublicationDTO, type BoardSettingsDTO } from "@/lib/data/public-board";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { publishBoardAction, saveBoardSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("board");
  return { title: t("settings.title") };
}

/** A unit's public progress board: what it shows, when it is published, and publishing now. Leaders and administrators. */
export default async function PublicBoardSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, tReports, locale] = await Promise.all([getTranslator("board"), getTranslator("reports"), getLocale()]);
  const code = unitCodeSchema.safeParse((await searchParams).unit);
  let settings: BoardSettingsDTO;
  let publications: BoardPublicationDTO[];
  try {
    const unitCode = code.success ? code.data : await getHomeUnitCode(user);
    if (!unitCode) throw new AppError("NOT_FOUND", { subject: "unit" });
    [settings, publications] = await Promise.all([getBoardSettings(user, unitCode), listBoardPublications(user, unitCode)]);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <Problem page>{error.code === "FORBIDDEN" ? tReports("page.forbidden") : tReports("page.notFound")}</Problem>;
  }
  const labels = {
    enabled: t("settings.enabled"), metrics: t("settings.metrics"), rankingMetric: t("settings.rankingMetric"), showRanking: t("settings.showRanking"),
    showPraise: t("settings.showPraise"), times: t("settings.times"), frameOrigins: t("settings.frameOrigins"), cutoff: t("settings.cutoff"), unit: t("settings.unit"),
  };
  const metricName = (metric: { name: string; nameEn: string }) => (locale === "en" ? metric.nameEn : metric.name);
  const asOf = user.homeDay;
  const publicHref = `/cong-khai/${settings.unit.code}`;
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-6 sm:px-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("settings.title")}</h1>
        <p className="text-sm font-semibold">{settings.unit.name}</p>
        <p className="text-sm text-slate-700">{t("settings.intro")}</p>
        {settings.enabled
          ? <p className="text-sm"><a href={publicHref} className="text-brand-700 underline" data-testid="public-link">{t("settings.publicLink")}: {publicHref}</a></p>
          : <p className="text-sm text-amber-800" data-testid="board-off">{t("settings.off")}</p>}
      </header>

      <section className={CARD} aria-labelledby="board-settings">
        <h2 id="board-settings" className="sr-only">{t("settings.title")}</h2>
        <ActionForm action={saveBoardSettingsAction} submitLabel={t("settings.save")} labels={labels}>
          <input type="hidden" name="unit" value={settings.unit.code} />
          {asOf && <input type="hidden" name="asOf" value={asOf} />}
          <label className="flex items-center gap-2 font-semibold">
            <input type="checkbox" name="enabled" defaultChecked={settings.enabled} className="h-4 w-4" />
            {labels.enabled}
          </label>
          <fieldset className="space-y-1">
            <legend className="font-semibold">{labels.metrics}</legend>
            {settings.availableMetrics.map((metric) => (
              <label key={metric.code} className="flex items-center gap-2">
                <input type="checkbox" name="metrics" value={metric.code} defaultChecked={settings.metrics.includes(metric.code)} className="h-4 w-4" />
                {metricName(metric)}
              </label>
            ))}
          </fieldset>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showRanking" defaultChecked={settings.showRanking} className="h-4 w-4" />
            {labels.showRanking}
          </label>
          <label className={FIELD}>
            <span className="font-semibold">{labels.rankingMetric}</span>
            <select name="rankingMetric" defaultValue={settings.rankingMetric} className={INPUT}>
              {settings.availableMetrics.map((metric) => <option key={metric.code} value={metric.code}>{metricName(metric)}</option>)}
            </select>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="showPraise" defaultChecked={settings.showPraise} className="h-4 w-4" />
            {labels.showPraise}
          </label>
          <label className={FIELD}>
            <span className="font-semibold">{labels.times}</span>
            <input name="times" defaultValue={settings.times.join(", ")} className={INPUT} autoComplete="off" aria-describedby="times-hint" />
            <span id="times-hint" className="text-slate-600">{t("settings.timesHint")}</span>
          </label>
          <label className={FIELD}>
            <span className="font-semibold">{labels.frameOrigins}</span>
            <textarea name="frameOrigins" defaultValue={settings.frameOrigins.join("\n")} rows={3} className={INPUT} />
          </label>
        </ActionForm>
      </section>

      <section className={CARD} aria-labelledby="publish-now">
        <h2 id="publish-now" className="mb-2 font-semibold">{t("settings.publishHeading")}</h2>
        <ActionForm action={publishBoardAction} submitLabel={t("settings.publish")} labels={labels}>
          <input type="hidden" name="unit" value={settings.unit.code} />
          <label className={FIELD}>
            <span className="font-semibold">{labels.cutoff}</span>
            <input name="cutoff" placeholder="YYYY-MM-DD HH:mm" className={INPUT} autoComplete="off" aria-describedby="cutoff-hint" />
            <span id="cutoff-hint" className="text-slate-600">{t("settings.cutoffHint")}</span>
          </label>
        </ActionForm>
      </section>

      <section className={CARD} aria-labelledby="publications">
        <h2 id="publications" className="mb-2 font-semibold">{t("settings.publications")}</h2>
        {publications.length === 0 ? <p className="text-sm text-slate-600">{t("settings.none")}</p> : (
          <ul className="space-y-1 text-sm" data-testid="publications">
            {publications.map((p) => (
              <li key={p.id}>
                <a href={`${publicHref}/${p.stamp}`} className="font-semibold text-brand-700 underline">{formatDateTime(p.cutoff)}</a>{" "}
                <span className="text-slate-600">{t("settings.publishedBy", { by: p.publishedBy, at: formatDateTime(p.publishedAt) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm"><Link href={`/reports/weekly?unit=${settings.unit.code}`} className="text-brand-700 underline">{tReports("issuing.page.back")}</Link></p>
    </main>
  );
}
