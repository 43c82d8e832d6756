"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { PHONE_QUERY, landingAfterSignIn } from "@/lib/auth/landing";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import { forgetCachedPages } from "@/components/entry/offline-pages";
import type { Messages } from "@/lib/i18n/messages";

export function LoginForm({ callbackUrl, messages }: { callbackUrl: string; messages: Messages["auth"]["loginForm"] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok) {
        await forgetCachedPages().catch(() => undefined);
        window.location.assign(landingAfterSignIn(callbackUrl, window.matchMedia(PHONE_QUERY).matches));
        return;
      }
      setError(loginErrorMessage(result?.error, messages.errors));
    } catch {
      setError(messages.errors.unreachable);
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-semibold text-slate-700">{messages.username}</label>
        <input id="username" name="username" autoComplete="username" required autoFocus
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold text-slate-700">{messages.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30" />
      </div>
      <p role="alert" aria-live="polite" className="min-h-5 text-sm text-red-700">{error}</p>
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 disabled:opacity-60">
        {pending ? messages.submitting : messages.submit}
      </button>
    </form>
  );
}
