import type { Metadata } from "next";
import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getDailyGrid, type DailyGridDTO } from "@/lib/data/daily-grid";
import { AppError, userText } from "@/lib/data/errors";
import { formatDay } from "@/lib/domain/format";
import { todayInVietnam } from "@/lib/domain/dates";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import { entryParamsSchema } from "@/lib/validation/daily-entry-params";
import { DailyGridForm } from "./daily-grid-form";
import { ENTRY_MODE_COOKIE, entryModeOf } from "./entry-mode";
import { Problem } from "@/components/ui/problem";
import { DayInput } from "@/components/forms/date-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("entry"))("page.title") };
}

export default async function EntryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslator("entry");
  const errorText = await getTranslator("errors");
  const locale = await getLocale();
  const today = todayInVietnam();
  const params = entryParamsSchema.safeParse(await searchParams);
  // no day asked: today, or for an account whose unit has ended the day its history stops
  const date = params.success && params.data.date && params.data.date <= today ? params.data.date : (user.homeDay ?? today);
  const unit = params.success ? params.data.unit : undefined;
  // a long grid (a 2025 province's 94 communes) is paged: one page, one form, one submission
  const rawPage = Number((await searchParams).page);
  const page = Number.isInteger(rawPage) && rawPage > 0 ? rawPage : 1;
  let grid = null;
  let problem: string | null = null;
  if (!user.may.enterFigures) problem = errorText("code.FORBIDDEN");
  else if (user.may.chooseEntryUnit && !unit) problem = t("page.adminNeedsUnit");
  else {
    try {
      grid = await getDailyGrid(user, date, unit, { page });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.userMessage ? userText(error) : errorText(`code.${error.code}`);
    }
  }

  const gridText = (await getClientMessages("entry")).grid;
  const mode = entryModeOf((await cookies()).get(ENTRY_MODE_COOKIE)?.value);
  return (
    <main className="mx-auto max-w-3xl px-3 py-4 sm:px-4">
      <header className="mb-4 space-y-2">
        <Link href="/dashboard" className="text-sm text-brand-700 underline">{t("backToOverview")}</Link>
        <h1 className="text-2xl font-semibold">{t("page.heading", { date: formatDay(date) })}</h1>
        {grid && <p className="text-sm text-slate-600">{t("page.hint", { scope: grid.scope.name })}</p>}
        {/* On a phone the day and unit boxes fold behind one line, so the first commune of
            the grid is on the first screen; from the sm breakpoint they are always open. */}
        <details className="text-sm sm:[&::details-content]:[content-visibility:visible]" data-testid="entry-filters">
          <summary className="cursor-pointer text-brand-700 underline sm:hidden">{t("page.change", { date: formatDay(date) })}</summary>
        <form method="get" className="mt-2 flex flex-wrap items-end gap-2 sm:mt-0">
          <label className="flex flex-col">
            {t("page.date")}
            <DayInput name="date" defaultValue={date} max={today} className="rounded border border-slate-300 px-2 py-1" hint={false} required />
          </label>
          {user.may.chooseEntryUnit && (
            <label className="flex flex-col">
              {t("page.unitCode")}
              <input name="unit" defaultValue={unit ?? ""} inputMode="numeric" className="w-28 rounded border border-slate-300 px-2 py-1" />
            </label>
          )}
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1">{t("page.show")}</button>
        </form>
        </details>
      </header>
      {problem && <Problem>{problem}</Problem>}
      {grid && grid.paging.pages > 1 && <GridPages grid={grid} unit={unit} t={t} />}
      {grid && <DailyGridForm owner={String(user.id)} key={`${grid.scope.code}-${grid.date}-${grid.paging.page}`} initial={grid} {...(unit ? { scopeCode: unit } : {})} page={grid.paging.page} text={gridText} locale={locale} initialMode={mode} />}
      {grid && grid.paging.pages > 1 && <GridPages grid={grid} unit={unit} t={t} bottom />}
    </main>
  );
}

/** The pages of a long grid: where this one sits among all the scope's units, and links to the others. */
function GridPages({ grid, unit, t, bottom = false }: { grid: DailyGridDTO; unit: string | undefined; t: Awaited<ReturnType<typeof getTranslator<"entry">>>; bottom?: boolean }) {
  const { page, pages, size, total, reported } = grid.paging;
  const href = (n: number) => `/entry?${new URLSearchParams({ date: grid.date, ...(unit ? { unit } : {}), page: String(n) })}`;
  return (
    <nav aria-label={t("page.pagesNav")} className={`${bottom ? "mt-4" : "mb-4"} space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm`} data-testid={bottom ? undefined : "grid-pages"}>
      {!bottom && <p>{t("page.pages", { page, pages, from: (page - 1) * size + 1, to: Math.min(page * size, total), total, reported, date: formatDay(grid.date) })}</p>}
      {!bottom && <p className="text-xs text-slate-600">{t("page.pagesHint")}</p>}
      <ul className="flex flex-wrap gap-2">
        {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === page
              ? <span aria-current="page" className="inline-block rounded border border-brand-700 bg-brand-700 px-3 py-1.5 font-semibold text-white">{t("page.pageLink", { page: n })}</span>
              : <Link href={href(n)} className="inline-block rounded border border-slate-300 px-3 py-1.5 text-brand-700 hover:bg-slate-100">{t("page.pageLink", { page: n })}</Link>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
