import { setLocaleAction } from "@/app/locale/actions";
import { getLocale, getTranslator } from "@/lib/i18n/server";

/** A one-button switch to the other language; works without JavaScript. */
export async function LocaleSwitcher({ className = "" }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslator("common")]);
  const other = locale === "vi" ? "en" : "vi";
  return (
    <form action={setLocaleAction} className={className}>
      <input type="hidden" name="locale" value={other} />
      <button type="submit" lang={other} aria-label={t("language.switchTo")}
        className="rounded border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
        {other === "en" ? "EN" : "VI"}
      </button>
    </form>
  );
}
