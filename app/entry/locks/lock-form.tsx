"use client";
import { useActionState } from "react";
import { createPeriodLockAction, type LockFormState } from "./actions";
import { DayInput } from "@/components/forms/date-input";

/** The form's labels (catalogue `entry.locks`), in the page's language. */
export type LockFormText = Record<"unitCode" | "untilDate" | "reason" | "submit", string>;

export function LockForm({ text }: { text: LockFormText }) {
  const [state, action, pending] = useActionState<LockFormState, FormData>(createPeriodLockAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const input = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <form action={action} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col">{text.unitCode}<input name="unitCode" inputMode="numeric" className={input} /></label>
      {errors.unitCode && <p className="text-red-700">{errors.unitCode.join(" ")}</p>}
      <label className="flex flex-col">{text.untilDate}<DayInput name="untilDate" className={input} /></label>
      {errors.untilDate && <p className="text-red-700">{errors.untilDate.join(" ")}</p>}
      <label className="flex flex-col">{text.reason}<input name="reason" className={input} /></label>
      {errors.reason && <p className="text-red-700">{errors.reason.join(" ")}</p>}
      <p role="status" aria-live="polite" className={state?.ok ? "text-emerald-800" : "text-red-700"}>{state?.message}</p>
      <button type="submit" disabled={pending} className="self-start rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">{text.submit}</button>
    </form>
  );
}
