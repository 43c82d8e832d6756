import type { AppErrorCode } from "@/lib/data/errors";
import { Problem } from "@/components/ui/problem";
import { getTranslator } from "@/lib/i18n/server";

/** What a dashboard screen can fail with: a typed data-layer error, or no unit in scope. */
export type ProblemCode = AppErrorCode | "noUnit";

/** A dashboard screen's problem, in the one way pages show problems (components/ui/problem.tsx). */
export async function DashboardProblem({ problem }: { problem: ProblemCode }) {
  const t = await getTranslator("dashboard");
  return (
    <Problem page action={<a href="/dashboard" className="text-brand-700 underline">{t("problem.backToOverview")}</a>}>
      {t(`problem.${problem}`)}
    </Problem>
  );
}
