"use client";
import { Link } from "@/components/ui/link";
import { useActionState } from "react";
import { fill } from "@/lib/i18n/fill";
import { issueWeeklyReportAction, type IssueFormState } from "./actions";

/** The form's words (reports.issue in the catalogue), in the page's language. */
export interface IssueFormMessages {
  title: string;
  explain: string;
  /** with `{sunday}` */
  lockDays: string;
  submit: string;
  submitting: string;
  viewIssued: string;
}

export function IssueForm({ unitCode, week, campaign, sundayLabel, canLock, messages }: { unitCode: string | null; week: string; campaign: string | null; sundayLabel: string; canLock: boolean; messages: IssueFormMessages }) {
  const [state, action, pending] = useActionState<IssueFormState, FormData>(issueWeeklyReportAction, null);
  const query = new URLSearchParams({ ...(unitCode ? { unit: unitCode } : {}), week });
  return (
    <form action={action} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <h2 className="font-semibold">{messages.title}</h2>
      <p className="text-slate-700">{messages.explain}</p>
      {unitCode && <input type="hidden" name="unit" value={unitCode} />}
      <input type="hidden" name="week" value={week} />
      {campaign && <input type="hidden" name="campaign" value={campaign} />}
      {canLock && (
        <label className="flex items-start gap-2">
          <input type="checkbox" name="lockDays" className="mt-1" />
          <span>{fill(messages.lockDays, { sunday: sundayLabel })}</span>
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
        {pending ? messages.submitting : messages.submit}
      </button>
      <div role="status" aria-live="polite" className={state?.ok ? "text-emerald-800" : "text-red-700"}>
        {state?.message}
        {state?.ok && <> <Link className="underline" href={`/reports/weekly?${query.toString()}&issued=${state.issuedId}`}>{messages.viewIssued}</Link></>}
      </div>
    </form>
  );
}
