"use client";
import { useActionState } from "react";
import type { FormState } from "@/lib/auth/form-action";
import { changePasswordAction } from "./actions";

const FIELDS = [
  { name: "currentPassword", label: "Mật khẩu hiện tại", autoComplete: "current-password" },
  { name: "newPassword", label: "Mật khẩu mới (ít nhất 10 ký tự)", autoComplete: "new-password" },
  { name: "confirmPassword", label: "Nhập lại mật khẩu mới", autoComplete: "new-password" },
] as const;

export function PasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-3" noValidate>
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={f.name} className="block text-sm font-semibold text-slate-700">{f.label}</label>
          <input id={f.name} name={f.name} type="password" autoComplete={f.autoComplete} required aria-describedby={`${f.name}-error`}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
          <p id={`${f.name}-error`} className="text-sm text-red-700">{errors[f.name]?.join(" ")}</p>
        </div>
      ))}
      <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700">{state && !state.ok ? state.message : null}</p>
      <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? "Đang lưu…" : "Đổi mật khẩu"}
      </button>
    </form>
  );
}
