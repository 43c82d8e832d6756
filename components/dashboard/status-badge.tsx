import { PROJECTION_STATUS_KEYS, type ProjectionStatus } from "@/lib/domain/projection";
import { getTranslator } from "@/lib/i18n/server";

const STYLES: Record<ProjectionStatus, { icon: string; className: string }> = {
  met: { icon: "✓", className: "border-emerald-300 bg-emerald-50 text-emerald-800" },
  "on-track": { icon: "↗", className: "border-sky-300 bg-sky-50 text-sky-800" },
  "at-risk": { icon: "!", className: "border-amber-300 bg-amber-50 text-amber-900" },
  behind: { icon: "↓", className: "border-red-300 bg-red-50 text-red-800" },
};

/**
 * The projection status as icon and words, never colour alone. `compactWide`: on a wide screen
 * (six cards in a row) the words are kept for screen readers and the tooltip, the icon shown.
 */
export async function StatusBadge({ status, compactWide = false }: { status: ProjectionStatus | null; compactWide?: boolean }) {
  const t = await getTranslator("dashboard");
  if (status === null) return <span className="text-sm text-slate-500">{t("status.noTarget")}</span>;
  const style = STYLES[status];
  return (
    <span data-status={status} title={compactWide ? t(`status.${PROJECTION_STATUS_KEYS[status]}`) : undefined}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-semibold ${compactWide ? "xl:px-1.5" : ""} ${style.className}`}>
      <span aria-hidden="true">{style.icon}</span>
      <span className={compactWide ? "xl:sr-only" : undefined}>{t(`status.${PROJECTION_STATUS_KEYS[status]}`)}</span>
    </span>
  );
}
