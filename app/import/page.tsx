import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import { ImportForm } from "./import-form";
import { Problem } from "@/components/ui/problem";

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
          <p className="text-sm text-slate-700">
            {t("import.columns")} <code>date,unit_code,metric,value,kind,reason</code>{" "}
            {t.rich("import.kindIs", { code: (chunks) => <code>{chunks}</code> })}
            {" "}{t("import.checkedFirst")}
            {!user.may.chooseEntryUnit && <> <a href="/import/template" className="text-brand-700 underline">{t("import.template")}</a>.</>}
          </p>
          <ImportForm text={formText} progressText={{ phase, label, rows, rate, left, estimating }} locale={await getLocale()} />
        </>
      ) : <Problem>{(await getTranslator("errors"))("code.FORBIDDEN")}</Problem>}
    </main>
  );
}
