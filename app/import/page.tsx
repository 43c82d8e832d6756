import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import { ImportForm } from "./import-form";
import { Problem } from "@/components/ui/problem";
import { todayInVietnam } from "@/lib/domain/dates";

/** The commune-per-row templates offered (issue 25): Excel and CSV, the day's counts or running totals. */
const WIDE_TEMPLATES = [
  { format: "xlsx", mode: "daily", label: "wideXlsxDaily" },
  { format: "xlsx", mode: "cumulative", label: "wideXlsxCumulative" },
  { format: "csv", mode: "daily", label: "wideCsvDaily" },
  { format: "csv", mode: "cumulative", label: "wideCsvCumulative" },
] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("entry"))("import.title") };
}

export default async function ImportPage() {
  const user = await requireUser();
  const t = await getTranslator("entry");
  const entry = (await getClientMessages("entry")).import;
  const formText = { ...entry.form, tooLarge: (await getClientMessages("validation")).file.tooLarge };
  const { phase, label, rows, rate, left, estimating } = entry.progress;
  return (
    <main className="mx-auto max-w-3xl space-y-4 px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">{t("backToOverview")}</Link>
      <h1 className="text-2xl font-semibold">{t("import.heading")}</h1>
      {user.may.enterFigures ? (
        <>
          <p className="text-sm text-slate-700">{t("import.wideIntro")}</p>
          {!user.may.chooseEntryUnit && (
            <p className="text-sm text-slate-700">
              {t("import.wideTemplates")}{" "}
              {WIDE_TEMPLATES.map(({ format, mode, label }, i) => (
                <span key={label}>
                  {i > 0 && " · "}
                  <a href={`/import/template?layout=wide&format=${format}&mode=${mode}`} className="text-brand-700 underline">{t(`import.${label}`)}</a>
                </span>
              ))}
            </p>
          )}
          <p className="text-sm text-slate-700">
            {t("import.machineFormat")} {t("import.columns")} <code>date,unit_code,metric,value,kind,reason</code>{" "}
            {t.rich("import.kindIs", { code: (chunks) => <code>{chunks}</code> })}
            {" "}{t("import.checkedFirst")}
            {!user.may.chooseEntryUnit && <> <a href="/import/template" className="text-brand-700 underline">{t("import.template")}</a>.</>}
          </p>
          <ImportForm text={formText} progressText={{ phase, label, rows, rate, left, estimating }} mappingText={entry.mapping} defaultDay={user.homeDay ?? todayInVietnam()} locale={await getLocale()} />
        </>
      ) : <Problem>{(await getTranslator("errors"))("code.FORBIDDEN")}</Problem>}
    </main>
  );
}
