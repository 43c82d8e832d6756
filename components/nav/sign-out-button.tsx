import { signOutAction } from "@/app/session/actions";

/** Logging out (every session of the user ends); works without JavaScript. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit"
        className="rounded-md border border-slate-300 px-3 py-1 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-600">
        {label}
      </button>
    </form>
  );
}
