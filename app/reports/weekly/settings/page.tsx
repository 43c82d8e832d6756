import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getIssuingSettings, type IssuingSettingsDTO } from "@/lib/data/issuing-settings";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDateTime } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { saveIssuingSettingsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("reports");
  return { title: t("issuing.page.title") };
}

const FIELDS = ["superiorBody", "issuingBody", "symbol", "place", "recipients", "signerTitle", "signerName"] as const;
const MULTILINE = new Set<string>(["recipients", "signerTitle"]);

function value(settings: IssuingSettingsDTO, field: (typeof FIELDS)[number]): string {
  const { issuing } = settings;
  if (field === "recipients") return issuing.recipients.join("\n");
  if (field === "signerTitle") return issuing.signerTitle.join("\n");
  return issuing[field];
}

/** How a unit's weekly report is headed and signed (Decree 30/2020/NĐ-CP): shown to whoever may view the unit, edited by administrators and provincial users. */
export default async function IssuingSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, tDashboard] = await Promise.all([getTranslator("reports"), getTranslator("dashboard")]);
  const raw = (await searchParams).unit;
  const code = unitCodeSchema.safeParse(raw);
  let settings: IssuingSettingsDTO;
  try {
    settings = await getIssuingSettings(user, code.success ? code.data : await getHomeUnitCode(user));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <Problem page action={<Link href="/reports/weekly" className="text-brand-700 underline">{t("issuing.page.back")}</Link>}>
        {error.code === "FORBIDDEN" ? t("page.forbidden") : t("page.notFound")}
      </Problem>
    );
  }
  const unitCode = settings.unit?.code ?? null;
  const labels = Object.fromEntries(FIELDS.map((field) => [field, t(`issuing.page.${field}`)]));
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-6 sm:px-4">
      <Link href={`/reports/weekly${unitCode ? `?unit=${unitCode}` : ""}`} className="text-sm text-brand-700 underline">{t("issuing.page.back")}</Link>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("issuing.page.title")}</h1>
        <p className="text-sm font-semibold">{t("issuing.page.unit", { unit: settings.unit?.name ?? t("national") })}</p>
        <p className="text-sm text-slate-700">{t("issuing.page.explain")}</p>
        <p className="text-sm text-slate-600" data-testid="issuing-state">
          {settings.stored && settings.updatedAt ? t("issuing.page.lastUpdated", { time: formatDateTime(settings.updatedAt) }) : t("issuing.page.usingDefaults")}
        </p>
        {unitCode && <Link href={`/reports/weekly/settings/criticism?unit=${unitCode}`} className="text-sm text-brand-700 underline">{tDashboard("criticismRule.page.fromReportSettings")}</Link>}
      </header>
      {settings.editable && unitCode ? (
        <section className={CARD}>
          <ActionForm action={saveIssuingSettingsAction} submitLabel={t("issuing.page.save")} labels={labels}>
            <input type="hidden" name="unit" value={unitCode} />
            {FIELDS.map((field) => (
              <label key={field} className={FIELD}>
                <span className="font-semibold">{labels[field]}</span>
                {/* the document's head and foot are Vietnamese text, whatever the interface's language */}
                {MULTILINE.has(field)
                  ? <textarea name={field} lang="vi" defaultValue={value(settings, field)} rows={field === "recipients" ? 4 : 2} className={INPUT} />
                  : <input name={field} lang="vi" defaultValue={value(settings, field)} className={INPUT} autoComplete="off" />}
              </label>
            ))}
          </ActionForm>
        </section>
      ) : (
        <dl className={`${CARD} grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]`}>
          {FIELDS.map((field) => (
            <div key={field} className="contents">
              <dt className="font-semibold text-slate-700">{labels[field]}</dt>
              <dd lang="vi" className="whitespace-pre-line">{value(settings, field) || "—"}</dd>
            </div>
          ))}
        </dl>
      )}
    </main>
  );
}
