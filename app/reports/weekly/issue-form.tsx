"use client";
import Link from "next/link";
import { useActionState } from "react";
import { issueWeeklyReportAction, type IssueFormState } from "./actions";

export function IssueForm({ unitCode, week, campaign, sundayLabel, canLock }: { unitCode: string | null; week: string; campaign: string | null; sundayLabel: string; canLock: boolean }) {
  const [state, action, pending] = useActionState<IssueFormState, FormData>(issueWeeklyReportAction, null);
  const query = new URLSearchParams({ ...(unitCode ? { unit: unitCode } : {}), week });
  return (
    <form action={action} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm">
      <h2 className="font-semibold">Ban hành báo cáo</h2>
      <p className="text-slate-700">Báo cáo ban hành được giữ nguyên số liệu như lúc này; các điều chỉnh sau đó không làm thay đổi nó.</p>
      {unitCode && <input type="hidden" name="unit" value={unitCode} />}
      <input type="hidden" name="week" value={week} />
      {campaign && <input type="hidden" name="campaign" value={campaign} />}
      {canLock && (
        <label className="flex items-start gap-2">
          <input type="checkbox" name="lockDays" className="mt-1" />
          <span>Khóa sổ số liệu của đơn vị đến hết {sundayLabel} (chỉ quản trị viên còn sửa được)</span>
        </label>
      )}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">
        {pending ? "Đang ban hành…" : "Ban hành báo cáo tuần"}
      </button>
      <div role="status" aria-live="polite" className={state?.ok ? "text-emerald-800" : "text-red-700"}>
        {state?.message}
        {state?.ok && <> <Link className="underline" href={`/reports/weekly?${query.toString()}&issued=${state.issuedId}`}>Xem báo cáo đã ban hành</Link></>}
      </div>
    </form>
  );
}
