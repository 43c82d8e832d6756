import type { AppErrorCode } from "@/lib/data/errors";
import { Problem } from "@/components/ui/problem";
import { Link } from "@/components/ui/link";
import { getTranslator } from "@/lib/i18n/server";

/** What a dashboard screen can fail with: a typed data-layer error, or no unit in scope. */
export type ProblemCode = AppErrorCode | "noUnit";

/**
 * A typed error as a page shows it: its code, the data layer's own words if any (a code that
 * names no unit on the view's day says when the unit ended and what succeeded it, or when it
 * starts and what it came from), and those units' pages on the same view.
 */
export interface DashboardProblemInfo {
  code: AppErrorCode;
  message: string | null;
  successors: { code: string; name: string; href: string }[];
  /** the units a unit viewed before its start came from */
  predecessors?: { code: string; name: string; href: string }[];
}

function UnitLinks({ label, units }: { label: string; units: { code: string; name: string; href: string }[] }) {
  return (
    <nav aria-label={label}>
      <p className="font-semibold">{label}</p>
      <ul className="list-disc pl-5">
        {units.map((s) => <li key={s.code}><Link href={s.href} className="text-brand-700 underline">{s.name} ({s.code})</Link></li>)}
      </ul>
    </nav>
  );
}

/** A dashboard screen's problem, in the one way pages show problems (components/ui/problem.tsx). */
export async function DashboardProblem({ problem }: { problem: ProblemCode | DashboardProblemInfo }) {
  const t = await getTranslator("dashboard");
  const info = typeof problem === "string" ? { code: problem, message: null, successors: [] } : problem;
  const links = info.successors.length > 0 ? <UnitLinks label={t("problem.successors")} units={info.successors} />
    : "predecessors" in info && info.predecessors?.length ? <UnitLinks label={t("problem.predecessors")} units={info.predecessors} />
    : undefined;
  return (
    <Problem page details={links} action={<a href="/dashboard" className="text-brand-700 underline">{t("problem.backToOverview")}</a>}>
      {info.message ?? t(`problem.${info.code}`)}
    </Problem>
  );
}
