import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { getTranslator } from "@/lib/i18n/server";

/** What a dashboard screen can fail with: a typed data-layer error, or no unit in scope. */
export type ProblemCode = AppErrorCode | "noUnit";

/** Runs a data-layer call; a typed error becomes its code (Problem says it), anything else propagates. */
export async function loadOrProblem<T>(load: () => Promise<T>): Promise<{ data: T; problem: null } | { data: null; problem: AppErrorCode }> {
  try {
    return { data: await load(), problem: null };
  } catch (error) {
    if (error instanceof AppError) return { data: null, problem: error.code };
    throw error;
  }
}

export async function Problem({ problem }: { problem: ProblemCode }) {
  const t = await getTranslator("dashboard");
  return (
    <main className="mx-auto max-w-3xl px-3 py-6 sm:px-4">
      <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
        {t(`problem.${problem}`)} <a href="/dashboard" className="text-brand-700 underline">{t("problem.backToOverview")}</a>
      </p>
    </main>
  );
}
