import type { AppErrorCode } from "@/lib/data/errors";
import { getTranslator } from "@/lib/i18n/server";

/** What a dashboard screen can fail with: a typed data-layer error, or no unit in scope. */
export type ProblemCode = AppErrorCode | "noUnit";

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
