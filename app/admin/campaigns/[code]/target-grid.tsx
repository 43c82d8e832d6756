"use client";
// The targets of a unit and its children for one milestone, with the children's total and
// its difference from the parent's target updated as the administrator types.
import { useActionState, useState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { formatNumber } from "@/lib/domain/format";
import { checkTargetSum } from "@/lib/domain/target-sums";
import type { TargetGridDTO } from "@/lib/data/targets-admin";

const parse = (v: string): number | null => (/^\d+$/.test(v.trim()) ? Number(v.trim()) : null);

export function TargetGrid({ grid, action }: { grid: TargetGridDTO; action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries([grid.parent, ...grid.children].map((u) => [u.code, u.target === null ? "" : String(u.target)])));
  const warning = checkTargetSum(
    { ...grid.parent, target: parse(values[grid.parent.code] ?? "") },
    grid.children.map((c) => ({ ...c, target: parse(values[c.code] ?? "") })),
  );
  const sum = grid.children.reduce((s, c) => s + (parse(values[c.code] ?? "") ?? 0), 0);
  const input = (code: string, label: string) => (
    <input name={`t:${code}`} value={values[code] ?? ""} inputMode="numeric" aria-label={`Chỉ tiêu ${label}`}
      onChange={(e) => setValues((v) => ({ ...v, [code]: e.target.value }))}
      className="w-32 rounded-md border border-slate-300 px-2 py-1 text-right tabular focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
  );
  return (
    <form action={formAction} className="space-y-3 text-sm">
      <input type="hidden" name="campaign" value={grid.campaign.code} />
      <input type="hidden" name="metric" value={grid.metric.code} />
      <input type="hidden" name="dueDate" value={grid.dueDate} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full">
          <caption className="sr-only">Chỉ tiêu {grid.metric.nameVi} của {grid.parent.name} và các đơn vị trực thuộc</caption>
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr><th scope="col" className="px-3 py-2">Đơn vị</th><th scope="col" className="px-3 py-2 text-right">Chỉ tiêu</th></tr>
          </thead>
          <tbody>
            <tr className="border-t border-slate-200 bg-brand-50 font-semibold" data-unit={grid.parent.code}>
              <th scope="row" className="px-3 py-2 text-left">{grid.parent.name} (cấp trên)</th>
              <td className="px-3 py-2 text-right">{input(grid.parent.code, grid.parent.name)}</td>
            </tr>
            {grid.children.map((c) => (
              <tr key={c.code} className="border-t border-slate-100" data-unit={c.code}>
                <th scope="row" className="px-3 py-2 text-left font-normal">{c.name}{c.dissolvedOn ? ` (giải thể từ ${c.dissolvedOn.split("-").reverse().join("/")})` : ""}</th>
                <td className="px-3 py-2 text-right">{input(c.code, c.name)}</td>
              </tr>
            ))}
            <tr className="border-t-2 border-slate-300">
              <th scope="row" className="px-3 py-2 text-left">Tổng các đơn vị trực thuộc</th>
              <td className="px-3 py-2 text-right tabular font-semibold" data-testid="children-sum">{formatNumber(sum)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div aria-live="polite" className="space-y-1">
        {warning && (
          <p role="alert" data-testid="sum-warning" className="rounded-md border border-amber-300 bg-amber-50 p-2 text-amber-900">
            Cảnh báo: tổng chỉ tiêu các đơn vị trực thuộc ({formatNumber(warning.childrenSum)}) {warning.difference === 0 ? "bằng" : warning.difference > 0 ? `vượt ${formatNumber(warning.difference)} so với` : `thiếu ${formatNumber(-warning.difference)} so với`} chỉ tiêu của {warning.unitName} ({formatNumber(warning.parentTarget)})
            {warning.missing.length > 0 ? `; ${warning.missing.length} đơn vị chưa có chỉ tiêu: ${warning.missing.join(", ")}` : ""}.
          </p>
        )}
        {state && <p className={state.ok ? "text-emerald-800" : "text-red-700"}>{state.message}</p>}
        {state && !state.ok && Object.entries(state.fieldErrors).map(([k, m]) => <p key={k} className="text-red-700">{m.join(" ")}</p>)}
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">{pending ? "Đang lưu…" : "Lưu chỉ tiêu"}</button>
    </form>
  );
}
