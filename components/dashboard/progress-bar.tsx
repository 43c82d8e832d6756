/**
 * A horizontal bar of percent of target. The bar stops at 100% (a tick marks it) while the
 * label shows the real value, above 100% too. Decorative: the number is always written.
 */
export function ProgressBar({ percent, label }: { percent: number | null; label?: string }) {
  const width = percent === null ? 0 : Math.max(0, Math.min(100, percent));
  const over = percent !== null && percent >= 100;
  return (
    <div aria-hidden="true" title={label} className="relative h-2.5 w-full overflow-hidden rounded-full bg-slate-200">
      <div className={`h-full rounded-full ${over ? "bg-emerald-600" : "bg-brand-600"}`} style={{ width: `${width}%` }} />
    </div>
  );
}
