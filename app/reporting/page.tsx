import type { Metadata } from "next";
import { Fragment } from "react";
import { Link } from "@/components/ui/link";
import { DashboardFrame } from "@/components/dashboard/dashboard-frame";
import { unitHref, viewHref } from "@/components/dashboard/hrefs";
import { loadOrProblem } from "@/app/_dashboard/load";
import { DashboardProblem } from "@/components/dashboard/problem";
import { kindKey } from "@/components/dashboard/levels";
import { requireUser } from "@/lib/auth/session";
import { getReportingStatus } from "@/lib/data/reporting-status";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getHomeUnitCode } from "@/lib/data/units";
import { getViewChoices } from "@/lib/data/view-choices";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { readViewParams } from "@/lib/validation/view-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.reporting") };
}

/** Which leaf units have not reported for the as-of date, grouped by their parent. */
export default async function ReportingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const view = readViewParams(raw, undefined, user.homeDay);
  const code = typeof raw.unit === "string" && raw.unit ? raw.unit : await getHomeUnitCode(user);
  if (!code) return <DashboardProblem problem="noUnit" />;
  const locale = await getLocale();
  const loaded = await loadOrProblem(() => Promise.all([getReportingStatus(user, code, view.asOf), getUnitFrame(user, code, { asOf: view.asOf }), getViewChoices(locale)]),
    { unitCode: code, asOf: view.asOf, href: (successor) => viewHref("/reporting", view, { unit: successor }) });
  if (loaded.problem !== null) return <DashboardProblem problem={loaded.problem} />;
  const t = await getTranslator("dashboard");
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  const [status, frame, choices] = loaded.data;
  const missing = status.leaves - status.reported;
  // the leaves named by what they are (communes and wards in both trees), never by depth
  const units = t(`kinds.${kindKey(status.leafKind)}`);

  return (
    <DashboardFrame unit={frame} title={t("reporting.title", { day: formatDay(status.date) })} tab="reporting" view={view} choices={choices}
      subtitle={t.rich("reporting.subtitle", { strong })}>
      <section aria-labelledby="summary-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="summary-heading" className="sr-only">{t("reporting.summaryHeading")}</h2>
        <p className="tabular text-lg" data-testid="reporting-summary">
          {t.rich("reporting.reportedOfKind", { reported: formatNumber(status.reported, locale), total: formatNumber(status.leaves, locale), units, strong })} ·{" "}
          {missing === 0 ? <span className="font-semibold text-emerald-800"><span aria-hidden="true">✓ </span>{t("reporting.allReported")}</span>
            : <span className="font-semibold text-red-800"><span aria-hidden="true">⚠ </span>{t("reporting.missing", { count: formatNumber(missing, locale) })}</span>}
        </p>
      </section>
      {status.groups.map((group) => (
        <section key={group.code} aria-labelledby={`group-${group.code}`} data-group={group.code} className="rounded-lg border border-slate-200 bg-white">
          <h2 id={`group-${group.code}`} className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-100 px-4 py-2 text-base font-semibold">
            <Link href={unitHref(group.code, view)} className="text-brand-700 underline-offset-2 hover:underline">{group.name}</Link>
            <span className="tabular text-sm font-normal text-slate-600">{t("reporting.groupMissing", { missing: group.missing.length, total: group.leaves })}</span>
          </h2>
          {/* a long group (a 2025 province's 94 communes in one) splits into the not reported, listed, and the reported, folded */}
          <h3 className="px-4 pt-2 text-sm font-semibold text-red-800" data-testid="missing-heading">{t("reporting.missingHeading", { count: formatNumber(group.missing.length, locale) })}</h3>
          <ul className="divide-y divide-slate-100 text-sm">
            {group.missing.map((unit) => (
              <li key={unit.code} data-unit={unit.code} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-2">
                <Link href={unitHref(unit.code, view)} className="underline-offset-2 hover:underline">{unit.name}</Link>
                <span className="tabular text-slate-700">
                  {unit.daysBehind === null ? <><span aria-hidden="true">⚠ </span>{t("reporting.neverReported")}</>
                    : t.rich("reporting.behind", { days: unit.daysBehind, day: formatDay(unit.lastReportedOn), strong })}
                </span>
              </li>
            ))}
          </ul>
          {group.reported.length > 0 && (
            <details className="border-t border-slate-100 text-sm" data-testid="reported-group">
              <summary className="cursor-pointer px-4 py-2 font-semibold text-emerald-800">{t("reporting.reportedHeading", { count: formatNumber(group.reported.length, locale) })}</summary>
              {/* one paragraph of names, not a list: the group's list items are its units not yet reported */}
              <p className="px-4 pb-2 leading-relaxed">
                {group.reported.map((unit, i) => (
                  <Fragment key={unit.code}>{i > 0 && ", "}<Link href={unitHref(unit.code, view)} data-reported={unit.code} className="underline-offset-2 hover:underline">{unit.name}</Link></Fragment>
                ))}
              </p>
            </details>
          )}
        </section>
      ))}
    </DashboardFrame>
  );
}
