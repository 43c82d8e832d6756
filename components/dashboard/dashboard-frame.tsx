import { Link } from "@/components/ui/link";
import type { ViewChoicesDTO } from "@/lib/data/view-choices";
import { formatDay } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import type { ViewParams } from "@/lib/validation/view-params";
import { unitHref, viewHref } from "./hrefs";
import { DayInput } from "@/components/forms/date-input";

export type DashboardTab = "overview" | "rankings" | "reporting" | "map";

export interface FrameUnit {
  code: string;
  name: string;
  breadcrumbs: { code: string; name: string; viewable: boolean }[];
  hasChildren: boolean;
  /** false: the user only reads this unit's ranking (their own unit's parent); absent: true */
  viewable?: boolean;
  /** a link to the ranking of the unit's parent ("where do I stand?") */
  parentRanking?: { code: string; name: string } | null;
  /** the administrative structure the view shows when it is not today's */
  structure?: { before: string } | { from: string } | null;
  /** the units the viewed unit went into, when it has ended by today */
  successors?: { code: string; name: string; part: string; viewable: boolean }[];
}

/**
 * The frame of every dashboard screen: breadcrumbs up the tree, the title, the screens of
 * this unit, and the view controls (as-of date, metric, campaign) as a plain GET form, so the
 * view lives in the URL and works without JavaScript.
 */
export async function DashboardFrame(props: {
  unit: FrameUnit;
  title: string;
  subtitle?: React.ReactNode;
  tab: DashboardTab;
  view: ViewParams;
  choices: ViewChoicesDTO;
  /** other parameters of this screen to keep when the view changes */
  keep?: Record<string, string | number | undefined>;
  children: React.ReactNode;
}) {
  const { unit, view, tab } = props;
  const t = await getTranslator("dashboard");
  const allTabs: { key: DashboardTab; label: string; href: string }[] = [
    { key: "overview", label: t("frame.tabs.overview"), href: unitHref(unit.code, view) },
    ...(unit.hasChildren ? [{ key: "rankings" as const, label: t("frame.tabs.rankings"), href: viewHref(`/units/${unit.code}/rankings`, view) }] : []),
    { key: "reporting", label: t("frame.tabs.reporting"), href: viewHref("/reporting", view, { unit: unit.code }) },
    ...(unit.hasChildren ? [{ key: "map" as const, label: t("frame.tabs.map"), href: viewHref("/map", view, { unit: unit.code }) }] : []),
  ];
  // a unit the user only reads the ranking of (their own unit's parent) opens no other tab
  const tabs = unit.viewable !== false ? allTabs : allTabs.filter((x) => x.key === "rankings");
  const action = tab === "overview" ? `/units/${unit.code}` : tab === "rankings" ? `/units/${unit.code}/rankings` : `/${tab}`;
  return (
    <main className="mx-auto max-w-6xl space-y-5 px-3 py-4 sm:px-4">
      <div className="space-y-2">
        {/* a root unit's trail would only repeat its heading */}
        {unit.breadcrumbs.length > 0 && <nav aria-label={t("frame.breadcrumbs")}>
          <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
            {unit.breadcrumbs.map((crumb) => (
              <li key={crumb.code} className="flex items-center gap-1">
                {crumb.viewable ? (
                  <Link href={unitHref(crumb.code, view)} className="text-brand-700 underline-offset-2 hover:underline">{crumb.name}</Link>
                ) : (
                  <span>{crumb.name}</span>
                )}
                <span aria-hidden="true">›</span>
              </li>
            ))}
            <li aria-current="page" className="font-medium text-slate-900">{unit.name}</li>
          </ol>
        </nav>}
        {unit.parentRanking && (
          <p className="text-sm">
            <Link href={viewHref(`/units/${unit.parentRanking.code}/rankings`, view)} data-testid="parent-ranking"
              className="text-brand-700 underline underline-offset-2">{t("frame.parentRanking", { unit: unit.parentRanking.name })}</Link>
          </p>
        )}
        <h1 className="text-xl font-semibold sm:text-2xl">{props.title}</h1>
        {props.subtitle && <p className="text-sm text-slate-600">{props.subtitle}</p>}
        {unit.structure && (
          <p data-testid="structure-note" className="text-sm font-medium text-amber-900">
            {"before" in unit.structure ? t("frame.structureBefore", { day: formatDay(unit.structure.before) }) : t("frame.structureFrom", { day: formatDay(unit.structure.from) })}
            {unit.successors && unit.successors.length > 0 && (
              <>
                {" "}{t("frame.structureNow", { unit: unit.name })}{" "}
                {unit.successors.map((s, i) => (
                  <span key={s.code}>
                    {i > 0 && "; "}
                    {/* today's view of the successor: on the old day it would lead back here */}
                    {s.viewable ? <Link href={`/units/${encodeURIComponent(s.code)}`} className="text-brand-700 underline underline-offset-2">{s.name} ({s.code})</Link> : `${s.name} (${s.code})`}
                  </span>
                ))}.
              </>
            )}
          </p>
        )}
      </div>

      <form method="get" action={action} className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm" aria-label={t("frame.viewForm")}>
        {Object.entries({ ...(tab === "reporting" || tab === "map" ? { unit: unit.code } : {}), ...(props.keep ?? {}) }).map(([name, value]) =>
          value === undefined ? null : <input key={name} type="hidden" name={name} value={String(value)} />,
        )}
        <label className="flex flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">{t("frame.asOf")}</span>
          <DayInput name="asOf" defaultValue={view.asOf} required className="w-32 rounded border border-slate-300 px-2 py-1" hint={false} />
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">{t("frame.metric")}</span>
          <select name="metric" defaultValue={view.metric} className="max-w-full rounded border border-slate-300 px-2 py-1">
            {props.choices.metrics.map((m) => <option key={m.code} value={m.code}>{m.name}</option>)}
          </select>
        </label>
        <label className="flex min-w-0 flex-col gap-1">
          <span className="text-xs font-medium text-slate-600">{t("frame.campaign")}</span>
          <select name="campaign" defaultValue={view.campaign ?? ""} className="max-w-full rounded border border-slate-300 px-2 py-1">
            <option value="">{t("frame.currentCampaign")}</option>
            {props.choices.campaigns.map((c) => <option key={c.code} value={c.code}>{c.name} ({formatDay(c.startDate)}–{formatDay(c.endDate)})</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2">{t("frame.show")}</button>
      </form>

      <nav aria-label={t("frame.screens")} className="border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto text-sm">
          {tabs.map((t) => (
            <li key={t.key}>
              <Link href={t.href} aria-current={t.key === tab ? "page" : undefined}
                className={`block whitespace-nowrap border-b-2 px-3 py-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${t.key === tab ? "border-brand-700 font-semibold text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </main>
  );
}
