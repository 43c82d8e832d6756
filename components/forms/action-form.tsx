"use client";
// A form bound to a server action with useActionState: the outcome in an aria-live region,
// each refused field listed by its label, and a secret shown once (temporary password, API
// token) in a box to copy. The server action re-checks everything; this only displays.
import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { useClientText } from "@/components/i18n/client-text";

export interface ActionFormProps {
  action: (state: FormState, form: FormData) => Promise<FormState>;
  submitLabel: string;
  children?: ReactNode;
  /** field name → label, to word the field errors */
  labels?: Record<string, string>;
  className?: string;
  tone?: "primary" | "danger" | "plain";
  /** what to say above a secret shown once */
  shownOnceNote?: string;
  /**
   * Keep what was typed when the action refuses it (React resets a form after its action
   * otherwise): the form is sent from the submit event instead. Without JavaScript it posts
   * as any other.
   */
  keepValues?: boolean;
}

const BUTTON = {
  primary: "bg-brand-700 text-white hover:bg-brand-900",
  danger: "bg-red-700 text-white hover:bg-red-900",
  plain: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-100",
};

export function ActionForm({ action, submitLabel, children, labels = {}, className = "", tone = "primary", shownOnceNote, keepValues = false }: ActionFormProps) {
  const [state, formAction, pending] = useActionState<FormState, FormData>(action, null);
  const text = useClientText();
  const fieldErrors = state && !state.ok ? Object.entries(state.fieldErrors) : [];
  return (
    <form action={formAction} onSubmit={keepValues ? (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const data = new FormData(event.currentTarget);
      startTransition(() => formAction(data));
    } : undefined} className={`flex flex-col gap-2 text-sm ${className}`} noValidate>
      {children}
      <div role="status" aria-live="polite" className="space-y-1">
        {state && <p className={state.ok ? "text-emerald-800" : "text-red-700"}>{state.message}</p>}
        {fieldErrors.length > 0 && (
          <ul className="list-disc pl-5 text-red-700">
            {fieldErrors.map(([field, messages]) => <li key={field}>{labels[field] ? `${labels[field]}: ` : ""}{messages.join(" ")}</li>)}
          </ul>
        )}
        {state?.ok && state.value?.details && (
          // a summary's lines; one that begins with two spaces belongs to the line above
          <ul data-testid="form-details" className="space-y-0.5 rounded-md border border-slate-200 bg-slate-50 p-2 text-slate-800">
            {state.value.details.map((line, i) => <li key={i} className={line.startsWith("  ") ? "pl-4 text-slate-700" : "font-medium"}>{line.trim()}</li>)}
          </ul>
        )}
        {state?.ok && state.value?.shownOnce && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-2">
            <p className="font-semibold text-amber-900">{shownOnceNote ?? text?.shownOnce}</p>
            <code data-testid="shown-once" className="mt-1 block break-all select-all rounded bg-white px-2 py-1 font-mono text-slate-900">{state.value.shownOnce}</code>
          </div>
        )}
      </div>
      <button type="submit" disabled={pending} className={`self-start rounded-md px-3 py-1.5 font-semibold disabled:opacity-60 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-1 ${BUTTON[tone]}`}>
        {pending ? (text?.pending ?? submitLabel) : submitLabel}
      </button>
    </form>
  );
}

