"use client";
// The targets of a unit and its children for one milestone, with the children's total and
// its difference from the parent's target updated as the administrator types.
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { percentOf } from "@/lib/domain/percent";
import { checkTargetSum } from "@/lib/domain/target-sums";
import type { TargetGridDTO } from "@/lib/data/targets-admin";
import type { Locale } from "@/lib/i18n/config";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { ScrollRegion } from "@/components/ui/scroll-region";

const parse = (v: string): number | null => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : null);

export interface TargetGridProps {
  grid: TargetGridDTO;
  action: (state: FormState, form: FormData) => Promise<FormState>;
  locale: Locale;
  /** the catalogue's `admin.grid` messages, in the page's language */
  messages: Messages["admin"]["grid"];
}

export function TargetGrid({ grid, action, locale, messages }: TargetGridProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([grid.parent, ...grid.children].map((u) => [u.code, u.target === null ? "" : String(u.target)])));
  const warning = checkTargetSum(
    { ...grid.parent, target: parse(values[grid.parent.code] ?? "") },
    grid.children.map((c) => ({ ...c, target: parse(values[c.code] ?? "") })),
  );
  const sum = grid.children.reduce((s, c) => s + (parse(values[c.code] ?? "") ?? 0), 0);
  // the eligible population on the due date and what share of it the typed target is (issue 22)
  const populationCells = (unit: { code: string; population: number | null }) => grid.hasPopulation && (
    <>
      <td className="px-3 py-2 text-right tabular text-slate-700">{unit.population === null ? "—" : formatNumber(unit.population, locale)}</td>
      <td className="px-3 py-2 text-right tabular text-slate-700" data-testid={`population-share-${unit.code}`}>{formatPercent(percentOf(parse(values[unit.code] ?? "") ?? 0, unit.population), locale)}</td>
    </>
  );
  const input = (code: string, label: string) => (
    <input name={`t:${code}`} value={values[code] ?? ""} inputMode="numeric" aria-label={fill(messages.targetOf, { unit: label })}
      onChange={(e) => setValues((v) => ({ ...v, [code]: e.target.value }))}
      className="w-24 sm:w-32 rounded-md border border-slate-300 px-2 py-1 text-right tabular focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
  );
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <input type="hidden" name="campaign" value={grid.campaign.code} />
      <input type="hidden" name="metric" value={grid.metric.code} />
      <input type="hidden" name="dueDate" value={grid.dueDate} />
      <ScrollRegion label={fill(messages.caption, { metric: grid.metric.name[locale], unit: grid.parent.name })} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full">
          <caption className="sr-only">{fill(messages.caption, { metric: grid.metric.name[locale], unit: grid.parent.name })}</caption>
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">{messages.unit}</th><th scope="col" className="px-3 py-2 text-right">{messages.target}</th>
              {grid.hasPopulation && <><th scope="col" className="px-3 py-2 text-right">{messages.population}</th><th scope="col" className="px-3 py-2 text-right">{messages.populationShare}</th></>}
            </tr>
          </thead>
          <tbody>
            <tr className="border-t border-slate-200 bg-brand-50 font-semibold" data-unit={grid.parent.code}>
              <th scope="row" className="px-3 py-2 text-left">{fill(messages.parent, { unit: grid.parent.name })}</th>
              <td className="px-3 py-2 text-right">{input(grid.parent.code, grid.parent.name)}</td>
              {populationCells(grid.parent)}
            </tr>
            {grid.children.map((c) => (
              <tr key={c.code} className="border-t border-slate-100" data-unit={c.code}>
                <th scope="row" className="px-3 py-2 text-left font-normal">{c.dissolvedOn ? fill(messages.dissolved, { unit: c.name, date: formatDay(c.dissolvedOn) }) : c.name}</th>
                <td className="px-3 py-2 text-right">{input(c.code, c.name)}</td>
                {populationCells(c)}
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300">
              <th scope="row" className="px-3 py-2 text-left">{messages.total}</th>
              <td className="px-3 py-2 text-right tabular font-semibold" data-testid="children-sum">{formatNumber(sum, locale)}</td>
              {grid.hasPopulation && <td colSpan={2} />}
            </tr>
          </tbody>
        </table>
      </ScrollRegion>
      <div aria-live="polite" className="space-y-1">
        {warning && (
          <p role="alert" data-testid="sum-warning" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900">
            {fill(warning.difference === 0 ? messages.warningEqual : warning.difference > 0 ? messages.warningOver : messages.warningUnder, {
              childrenSum: formatNumber(warning.childrenSum, locale), difference: formatNumber(Math.abs(warning.difference), locale),
              unit: warning.unitName, parentTarget: formatNumber(warning.parentTarget, locale),
            })}
            {warning.missing.length > 0 ? fill(messages.warningMissing, { count: formatNumber(warning.missing.length, locale), units: warning.missing.join(", ") }) : ""}.
          </p>
        )}
        {state && <p className={state.ok ? "text-emerald-800" : "text-red-700"}>{state.message}</p>}
        {state && !state.ok && Object.entries(state.fieldErrors).map(([k, m]) => <p key={k} className="text-red-700">{m.join(" ")}</p>)}
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">{pending ? messages.saving : messages.save}</button>
    </form>
  );
}
