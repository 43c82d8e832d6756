import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { CriticismRuleText } from "@/components/dashboard/criticism-rule-text";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getCriticismRule, type CriticismRuleDTO } from "@/lib/data/criticism-rule";
import { getHomeUnitCode } from "@/lib/data/units";
import { CRITICISM_RULE_KINDS } from "@/lib/domain/criticism-rule";
import { formatDateTime } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { saveCriticismRuleAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("dashboard");
  return { title: t("criticismRule.page.title") };
}

/** Whom a unit's rankings, overview and weekly report criticise: shown to whoever may view the unit, edited by administrators and provincial users. */
export default async function CriticismRulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, locale] = await Promise.all([getTranslator("dashboard"), getLocale()]);
  const code = unitCodeSchema.safeParse((await searchParams).unit);
  const unitCode = code.success ? code.data : await getHomeUnitCode(user);
  let settings: CriticismRuleDTO | null = null;
  let problem: string | null = null;
  try {
    if (unitCode) settings = await getCriticismRule(user, unitCode);
    else problem = t("criticismRule.page.notFound");
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.code === "FORBIDDEN" ? t("criticismRule.page.forbidden") : t("criticismRule.page.notFound");
  }
  const backHref = `/reports/weekly/settings${unitCode ? `?unit=${unitCode}` : ""}`;
  if (!settings) {
    return <Problem page action={<Link href={backHref} className="text-brand-700 underline">{t("criticismRule.page.back")}</Link>}>{problem}</Problem>;
  }
  const back = <Link href={backHref} className="text-sm text-brand-700 underline">{t("criticismRule.page.back")}</Link>;
  const { rule } = settings;
  const labels = { kind: t("criticismRule.page.kind"), count: t("criticismRule.page.count"), threshold: t("criticismRule.page.threshold") };
  // a refused field is named shortly before its message, which already says what to type
  const errorLabels = { kind: t("criticismRule.page.kindShort"), count: t("criticismRule.page.countShort"), threshold: t("criticismRule.page.thresholdShort") };
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-6 sm:px-4">
      {back}
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("criticismRule.page.title")}</h1>
        <p className="text-sm font-semibold">{t("criticismRule.page.unit", { unit: settings.unit.name })}</p>
        <p className="text-sm text-slate-700">{t("criticismRule.page.explain")}</p>
        <p className="text-sm text-slate-600" data-testid="criticism-rule-state">
          <CriticismRuleText rule={settings} />
          {settings.updatedAt && <> {t("criticismRule.page.lastUpdated", { time: formatDateTime(settings.updatedAt) })}</>}
        </p>
      </header>
      {settings.editable ? (
        <section className={CARD}>
          <ActionForm action={saveCriticismRuleAction} submitLabel={t("criticismRule.page.save")} labels={errorLabels}>
            <input type="hidden" name="unit" value={settings.unit.code} />
            <fieldset className="flex flex-col gap-1">
              <legend className="font-semibold">{labels.kind}</legend>
              {CRITICISM_RULE_KINDS.map((kind) => (
                <label key={kind} className="flex items-start gap-2 py-0.5">
                  <input type="radio" name="kind" value={kind} defaultChecked={rule.kind === kind} className="mt-1" />
                  <span>{t(`criticismRule.page.kinds.${kind}`)}</span>
                </label>
              ))}
            </fieldset>
            <label className={FIELD}>
              <span className="font-semibold">{labels.count}</span>
              <input name="count" inputMode="numeric" defaultValue={rule.count} className={`${INPUT} w-28`} autoComplete="off" />
            </label>
            <label className={FIELD}>
              <span className="font-semibold">{labels.threshold}</span>
              <input name="threshold" inputMode="decimal" lang={locale} defaultValue={rule.kind === "belowPercent" ? String(rule.threshold).replace(".", locale === "vi" ? "," : ".") : ""} className={`${INPUT} w-28`} autoComplete="off" />
            </label>
          </ActionForm>
        </section>
      ) : (
        <p className={`${CARD} text-sm text-slate-700`}>{t("criticismRule.page.readOnly")}</p>
      )}
    </main>
  );
}
