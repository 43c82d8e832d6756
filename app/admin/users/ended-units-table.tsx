"use client";
// The accounts on ended units as a table whose move buttons share one action state, so the
// outcome stays on screen after the moved account leaves the list (a form per row would
// unmount with its row, and its message with it). Every word comes from the server.
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { Link } from "@/components/ui/link";
import { TD, TH } from "@/components/forms/styles";
import { ScrollRegion } from "@/components/ui/scroll-region";

export interface EndedUnitRow {
  id: number;
  username: string;
  role: string;
  unit: string;
  lastDay: string;
  successors: string;
  /** the move button's label, or null with `manual` saying why there is none */
  move: string | null;
  manual: string;
}

export function EndedUnitsTable({ action, rows, columns, caption, none }: {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  rows: EndedUnitRow[];
  columns: { account: string; unit: string; lastDay: string; successors: string; action: string };
  caption: string;
  none: string;
}) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  return (
    <div className="space-y-2">
      <div role="status" aria-live="polite" data-testid="move-status">
        {state && <p className={state.ok ? "text-emerald-800" : "text-red-700"}>{state.message}</p>}
      </div>
      {rows.length === 0 ? <p className="text-sm">{none}</p> : (
        <ScrollRegion label={caption} className="rounded-md border border-slate-200">
          <table className="w-full text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-100 text-slate-700">
              <tr>
                <th scope="col" className={TH}>{columns.account}</th>
                <th scope="col" className={TH}>{columns.unit}</th>
                <th scope="col" className={TH}>{columns.lastDay}</th>
                <th scope="col" className={TH}>{columns.successors}</th>
                <th scope="col" className={TH}>{columns.action}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-slate-100 align-top" data-ended-user={r.username}>
                  <td className={TD}>
                    <Link href={`/admin/users/${r.id}`} className="font-semibold text-brand-700 underline">{r.username}</Link>
                    <span className="block text-xs text-slate-600">{r.role}</span>
                  </td>
                  <td className={TD}>{r.unit}</td>
                  <td className={`${TD} tabular`}>{r.lastDay}</td>
                  <td className={TD}>{r.successors}</td>
                  <td className={TD}>
                    {r.move ? (
                      <form action={formAction}>
                        <input type="hidden" name="userId" value={r.id} />
                        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1.5 text-left font-semibold text-white hover:bg-brand-900 disabled:opacity-60 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-1">{r.move}</button>
                      </form>
                    ) : <span className="text-slate-700">{r.manual}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </div>
  );
}
