// A page's problem, shown one way everywhere: what happened in plain words, and, when there is
// one, what to do (a link or a button) and the codes support needs. Refusals (no permission,
// no unit chosen) and failures (the page could not be built: app/error.tsx) alike. A plain
// component, no hooks: server pages and the client error boundary both render it with words
// from the catalogue. `page`: the problem is the whole page, in its own <main>; otherwise it
// sits among the page's content.
import type { ReactNode } from "react";

export function Problem({ children, title, action, details, page = false }: {
  children: ReactNode;
  title?: ReactNode;
  action?: ReactNode;
  details?: ReactNode;
  page?: boolean;
}) {
  const box = (
    <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-slate-900">
      {title ? <h1 className="text-lg font-semibold">{title}</h1> : null}
      <p>
        {children}
        {action ? <> {action}</> : null}
      </p>
      {details}
    </div>
  );
  return page ? <main className="mx-auto max-w-3xl px-3 py-6 sm:px-4">{box}</main> : box;
}
