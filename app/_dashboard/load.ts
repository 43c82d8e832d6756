// How a dashboard page loads its data: the page calls the data layer (components only render
// what they are given; eslint.config.mjs enforces it), and a typed data-layer error becomes
// the problem the page shows (components/dashboard/problem.tsx): its code, the data layer's
// own words when it has some (a code that names no unit on the view's day: the unit's end
// and successors), and a link to each successor's page on the same view.
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
  return inRequestLocale(async () => {
    try {
      return { data: await load(), problem: null };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const message = error.userMessage ? userText(error) : null;
      // the unit's end named (only when the actor could see it): its successors, on this view
      const successors = unit && error.userMessage?.key === "errors.unitOnDay.ended"
        ? ((await codeElsewhere(unit.unitCode, unit.asOf)).ended?.successors ?? []).map((s) => ({ code: s.code, name: s.name, href: unit.href(s.code) }))
        : [];
      return { data: null, problem: { code: error.code, message, successors } };
    }
  });
}
