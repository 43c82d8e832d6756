import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getUnitTree, searchUnits, type UnitAdminDTO, type UnitTreeDTO } from "@/lib/data/units-admin";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { todayInVietnam } from "@/lib/domain/dates";
import type { Locale } from "@/lib/i18n/config";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { unitCodeSchema } from "@/lib/validation/import-rows";
import { dissolveUnitAction, importUnitsAction, renameUnitAction } from "./actions";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { DayInput, FileInput } from "@/components/forms/date-input";

type Translator = Awaited<ReturnType<typeof getTranslator<"admin">>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("admin");
  return { title: t("units.title") };
}

function status(t: Translator, u: UnitAdminDTO): string {
  if (!u.dissolvedOn) return t("units.status.active");
  const date = formatDay(u.dissolvedOn);
  return u.mergedInto ? t("units.status.merged", { unit: u.mergedInto.name, date }) : t("units.status.dissolved", { date });
}

function UnitTable({ units, caption, t, locale }: { units: UnitAdminDTO[]; caption: string; t: Translator; locale: Locale }) {
  if (units.length === 0) return <p className="rounded-md border border-slate-200 bg-white p-3 text-sm">{t("units.empty")}</p>;
  return (
    <ScrollRegion label={caption} className="rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className={TH}>{t("units.columns.code")}</th>
            <th scope="col" className={TH}>{t("units.columns.name")}</th>
            <th scope="col" className={`${TH} hidden sm:table-cell`}>{t("units.columns.level")}</th>
            <th scope="col" className={`${TH} text-right`}>{t("units.columns.children")}</th>
            <th scope="col" className={TH}>{t("units.columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.code} className="border-t border-slate-100" data-unit={u.code}>
              <td className={`${TD} tabular`}>{u.code}</td>
              <td className={TD}><Link href={`/admin/units?code=${u.code}`} className="text-brand-700 underline">{u.name}</Link></td>
              <td className={`${TD} hidden sm:table-cell`}>{u.levelName[locale]}</td>
              <td className={`${TD} tabular text-right`}>{formatNumber(u.childCount, locale)}</td>
              <td className={TD}>{status(t, u)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdminForPage();
  if (!user) return null;
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 100) : "";
  const code = unitCodeSchema.safeParse(params.code);
  let tree: UnitTreeDTO;
  try {
    tree = await getUnitTree(user, code.success ? code.data : undefined);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const results = q ? await searchUnits(user, q) : null;
  const unit = tree.unit;
  const [t, locale] = await Promise.all([getTranslator("admin"), getLocale()]);
  const table = { t, locale };
  const childrenTitle = unit ? t("units.children.of", { unit: unit.name }) : t("units.children.roots");
  return (
    <main className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("units.title")}</h1>
      <p className="text-sm"><Link href="/admin/units/reorganisation" className="text-brand-700 underline underline-offset-2">{t("units.reorganiseLink")}</Link></p>
      <form method="get" role="search" className="flex flex-wrap items-end gap-2 text-sm">
        <label className={FIELD} htmlFor="unit-search">{t("units.search.label")}
          <input id="unit-search" name="q" defaultValue={q} placeholder={t("units.search.placeholder")} className={`${INPUT} w-64`} />
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("units.search.submit")}</button>
      </form>
      {results && (
        <section aria-labelledby="results" className="space-y-2">
          <h2 id="results" className="text-lg font-semibold">{t("units.search.results", { query: q, count: formatNumber(results.length, locale) })}</h2>
          <UnitTable units={results} caption={t("units.search.caption", { query: q })} {...table} />
        </section>
      )}
      <nav aria-label={t("units.breadcrumb.label")} className="text-sm">
        <Link href="/admin/units" className="text-brand-700 underline">{t("units.breadcrumb.all")}</Link>
        {tree.ancestors.map((a) => <span key={a.code}> › <Link href={`/admin/units?code=${a.code}`} className="text-brand-700 underline">{a.name}</Link></span>)}
        {unit && <span> › <strong>{unit.name}</strong></span>}
      </nav>
      {unit && (
        <section className={CARD} aria-labelledby="unit-title">
          <h2 id="unit-title" className="text-lg font-semibold">{unit.name} <span className="font-normal text-slate-600">({unit.code} · {unit.levelName[locale]} · {unit.type})</span></h2>
          <p className="mb-3 text-sm">{status(t, unit)}</p>
          <div className="grid gap-4 md:grid-cols-2">
            <ActionForm action={renameUnitAction} submitLabel={t("units.rename.submit")} labels={{ name: t("units.rename.name"), reason: t("units.rename.reason") }}>
              <input type="hidden" name="code" value={unit.code} />
              <label className={FIELD} htmlFor="rename-name">{t("units.rename.name")}<input id="rename-name" name="name" defaultValue={unit.name} className={INPUT} /></label>
              <label className={FIELD} htmlFor="rename-reason">{t("units.rename.reasonField")}<input id="rename-reason" name="reason" className={INPUT} /></label>
            </ActionForm>
            {!unit.dissolvedOn && (
              <ActionForm action={dissolveUnitAction} submitLabel={t("units.dissolve.submit")} tone="danger"
                labels={{ date: t("units.dissolve.date"), mergedIntoCode: t("units.dissolve.mergedInto"), reason: t("units.dissolve.reason") }}>
                <input type="hidden" name="code" value={unit.code} />
                <p className="text-slate-600">{t("units.dissolve.note")}</p>
                <label className={FIELD} htmlFor="dissolve-date">{t("units.dissolve.date")}<DayInput id="dissolve-date" name="date" defaultValue={todayInVietnam()} /></label>
                <label className={FIELD} htmlFor="dissolve-into">{t("units.dissolve.mergedIntoField")}<input id="dissolve-into" name="mergedIntoCode" inputMode="numeric" className={INPUT} /></label>
                <label className={FIELD} htmlFor="dissolve-reason">{t("units.dissolve.reasonField")}<input id="dissolve-reason" name="reason" className={INPUT} /></label>
              </ActionForm>
            )}
          </div>
        </section>
      )}
      <section aria-labelledby="children" className="space-y-2">
        <h2 id="children" className="text-lg font-semibold">{childrenTitle}</h2>
        <UnitTable units={tree.children} caption={childrenTitle} {...table} />
      </section>
      <section className={CARD} aria-labelledby="import">
        <h2 id="import" className="mb-2 text-lg font-semibold">{t("units.import.title")}</h2>
        <p className="mb-2 text-sm text-slate-600">{t.rich("units.import.help", { code: (columns) => <code className="break-all">{columns}</code> })}</p>
        <ActionForm action={importUnitsAction} submitLabel={t("fileImport.submit")} labels={{ file: t("fileImport.file") }}>
          <label className={FIELD} htmlFor="units-file">{t("units.import.file")}<FileInput id="units-file" name="file" accept=".csv,.xlsx,text/csv" /></label>
          <label className="flex items-center gap-2"><input type="checkbox" name="dryRun" value="1" defaultChecked /> {t("fileImport.dryRun")}</label>
        </ActionForm>
      </section>
    </main>
  );
}
