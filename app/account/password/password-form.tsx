"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { fill } from "@/lib/i18n/fill";
import type { Messages } from "@/lib/i18n/messages";
import { changePasswordAction } from "./actions";

const FIELDS = [
  { name: "currentPassword", autoComplete: "current-password" },
  { name: "newPassword", autoComplete: "new-password" },
  { name: "confirmPassword", autoComplete: "new-password" },
] as const;

export function PasswordForm({ messages, minLength }: { messages: Messages["account"]["password"]["form"]; minLength: number }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="block text-sm font-semibold text-slate-700">{fill(messages[f.name], { min: minLength })}</label>
          <input id={f.name} name={f.name} type="password" autoComplete={f.autoComplete} required aria-describedby={`${f.name}-error`}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
          <p id={`${f.name}-error`} className="text-sm text-red-700">{errors[f.name]?.join(" ")}</p>
        </div>
      ))}
      <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700">{state && !state.ok ? state.message : null}</p>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? messages.saving : messages.submit}
      </button>
    </form>
  );
}
