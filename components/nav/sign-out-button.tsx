"use client";
import { useRef } from "react";
import { signOutAction } from "@/app/session/actions";
import { fill } from "@/lib/i18n/fill";

/**
 * Logging out (every session of the user ends); works without JavaScript. With it, what the
 * entry page keeps on the device (issue 23) goes first: if saves or typed figures are still
 * unsent, the user is asked before they are deleted; then the drafts, the queue and the
 * service worker's caches are deleted, so nothing of this user stays on a shared phone. The
 * code that does it loads only when the button is pressed.
 */
export function SignOutButton({ label, confirmUnsent }: { label: string; confirmUnsent: string }) {
  const cleared = useRef(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    if (cleared.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const [{ countUnsent }, { clearOfflineData }] = await Promise.all([import("@/components/entry/offline-store"), import("@/components/entry/offline-clear")]);
      const unsent = await countUnsent();
      if (unsent > 0 && !window.confirm(fill(confirmUnsent, { count: unsent }))) return;
      await clearOfflineData();
    } catch {
      // nothing kept, or no way to read it: signing out goes on
    }
    cleared.current = true;
    form.requestSubmit();
  }

  return (
    <form action={signOutAction} onSubmit={onSubmit}>
      <button type="submit"
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-600">
        {label}
      </button>
    </form>
  );
}
