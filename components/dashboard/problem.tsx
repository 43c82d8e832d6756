import type { AppErrorCode } from "@/lib/data/errors";
import { Problem } from "@/components/ui/problem";
import { Link } from "@/components/ui/link";
import { getTranslator } from "@/lib/i18n/server";

/** What a dashboard screen can fail with: a typed data-layer error, or no unit in scope. */
export type ProblemCode = AppErrorCode | "noUnit";

/**
 * A typed error as a page shows it: its code, the data layer's own words if any (a code that
 * names no unit on the view's day says when the unit ended and what succeeded it), and the
 * successors' pages on the same view.
 */
export interface DashboardProblemInfo {
  code: AppErrorCode;
  message: string | null;
  successors: { code: string; name: string; href: string }[];
}

/** A dashboard screen's problem, in the one way pages show problems (components/ui/problem.tsx). */
export async function DashboardProblem({ problem }: { problem: ProblemCode | DashboardProblemInfo }) {
  const t = await getTranslator("dashboard");
  const info = typeof problem === "string" ? { code: problem, message: null, successors: [] } : problem;
  const successors = info.successors.length > 0 && (
    <nav aria-label={t("problem.successors")}>
      <p className="font-semibold">{t("problem.successors")}</p>
      <ul className="list-disc pl-5">
        {info.successors.map((s) => <li key={s.code}><Link href={s.href} className="text-brand-700 underline">{s.name} ({s.code})</Link></li>)}
      </ul>
    </nav>
  );
  return (
    <Problem page details={successors || undefined} action={<a href="/dashboard" className="text-brand-700 underline">{t("problem.backToOverview")}</a>}>
      {info.message ?? t(`problem.${info.code}`)}
    </Problem>
  );
}
