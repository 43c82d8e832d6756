// How a dashboard page loads its data: the page calls the data layer (components only render
// what they are given; eslint.config.mjs enforces it), and a typed data-layer error becomes
// the problem the page shows (components/dashboard/problem.tsx): its code, the data layer's
// own words when it has some (a code that names no unit on the view's day: the unit's end
// and successors, or its start and predecessors), and a link to each of those units' pages on
// the same view. A unit viewed on a day before it started, that came from one unit existing on
// that day, opens that unit instead (Thành phố Đà Nẵng as of 2023: Quảng Nam).
import { redirect } from "next/navigation";
import { AppError, userText } from "@/lib/data/errors";
import { codeElsewhere } from "@/lib/data/unit-on-day";
import { inRequestLocale } from "@/lib/i18n/server";
import type { DashboardProblemInfo } from "@/components/dashboard/problem";

/** The viewed unit's code, the view's day, and the same page for another unit. */
export interface LoadedUnit {
  unitCode: string;
  asOf: string;
  href: (code: string) => string;
}

/** Runs the page's data-layer calls in the request's language; a typed error becomes its problem, anything else propagates. */
export async function loadOrProblem<T>(load: () => Promise<T>, unit?: LoadedUnit): Promise<{ data: T; problem: null } | { data: null; problem: DashboardProblemInfo }> {
  let redirectTo: string | null = null;
  const loaded = await inRequestLocale(async () => {
    try {
      return { data: await load(), problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = error.userMessage ? userText(error) : null;
      const key = error.userMessage?.key;
      const elsewhere = unit && (key === "errors.unitOnDay.ended" || key === "errors.unitOnDay.notYetFrom") ? await codeElsewhere(unit.unitCode, unit.asOf) : null;
      const linked = (units: readonly { code: string; name: string }[] | undefined) => (units ?? []).map((u) => ({ code: u.code, name: u.name, href: unit!.href(u.code) }));
      // A unit viewed before it started, that came from one unit existing on that day: that
      // unit's page on the same view (the frame says which structure it shows).
      const before = elsewhere?.starts?.predecessors.filter((p) => p.onDay) ?? [];
      if (key === "errors.unitOnDay.notYetFrom" && before.length === 1) redirectTo = unit!.href(before[0].code);
      // else the unit's end or start named (only when the actor could see it): its successors
      // or predecessors, on this view
      return {
        data: null,
        problem: {
          code: error.code, message,
          successors: key === "errors.unitOnDay.ended" ? linked(elsewhere?.ended?.successors) : [],
          predecessors: key === "errors.unitOnDay.notYetFrom" ? linked(elsewhere?.starts?.predecessors) : [],
        },
      };
    }
  });
  // outside the try: Next.js's redirect is a thrown signal
  if (redirectTo) redirect(redirectTo);
  return loaded;
}
