import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getTargetGrid, listCampaigns, listMetrics, listTargetSumWarnings, type TargetGridDTO } from "@/lib/data/targets-admin";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDay, formatNumber } from "@/lib/domain/format";
import { targetGridSchema } from "@/lib/validation/admin-forms";
import { saveTargetGridAction } from "../actions";
import { TargetGrid } from "./target-grid";

export const metadata: Metadata = { title: "Chỉ tiêu của đợt" };

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireAdminForPage();
  if (!user) return null;
  const { code } = await params;
  const campaign = (await listCampaigns(user)).find((c) => c.code === code);
  if (!campaign) notFound();
  const sp = await searchParams;
  const metrics = await listMetrics(user);
  const query = {
    campaign: campaign.code,
    metric: typeof sp.metric === "string" ? sp.metric : "activated",
    dueDate: typeof sp.dueDate === "string" && sp.dueDate ? sp.dueDate : (campaign.dueDates[0] ?? campaign.endDate),
    parentCode: typeof sp.parent === "string" && sp.parent ? sp.parent : ((await getHomeUnitCode(user)) ?? ""),
  };
  const parsed = targetGridSchema.safeParse(query);
  let grid: TargetGridDTO | null = null;
  let problem: string | null = parsed.success ? null : "Chọn chỉ số, ngày của mốc và mã đơn vị cấp trên.";
  if (parsed.success) {
    try {
      grid = await getTargetGrid(user, parsed.data);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problem = error.fieldErrors._form?.[0] ?? "Không mở được bảng chỉ tiêu.";
    }
  }
  const warnings = await listTargetSumWarnings(user, campaign.code);
  const metricName = new Map(metrics.map((m) => [m.code, m.nameVi]));
  return (
    <main className="space-y-4">
      <Link href="/admin/campaigns" className="text-sm text-brand-700 underline">← Các đợt</Link>
      <h1 className="text-2xl font-semibold">{campaign.name}</h1>
      <p className="text-sm text-slate-700">{campaign.code} · {formatDay(campaign.startDate)} – {formatDay(campaign.endDate)} · mốc: {campaign.dueDates.map(formatDay).join(", ") || "chưa có"}</p>
      <section aria-labelledby="warnings" className={CARD}>
        <h2 id="warnings" className="mb-2 text-lg font-semibold">Tổng chỉ tiêu cấp dưới lệch cấp trên ({warnings.length})</h2>
        {warnings.length === 0 ? <p className="text-sm text-slate-600">Không có chỗ lệch.</p> : (
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="campaign-warnings">
            {warnings.slice(0, 100).map((w) => (
              <li key={`${w.unitCode}-${w.metric}-${w.dueDate}`}>
                <Link className="text-brand-700 underline" href={`/admin/campaigns/${campaign.code}?metric=${w.metric}&dueDate=${w.dueDate}&parent=${w.unitCode}`}>{w.unitName}</Link>
                {" "}· {metricName.get(w.metric) ?? w.metric} · mốc {formatDay(w.dueDate)}: cấp dưới {formatNumber(w.childrenSum)}, cấp trên {formatNumber(w.parentTarget)}
                {w.missing.length ? ` · ${w.missing.length} đơn vị chưa có chỉ tiêu` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
      <form method="get" className="flex flex-wrap items-end gap-2 text-sm">
        <label className={FIELD} htmlFor="g-metric">Chỉ số
          <select id="g-metric" name="metric" defaultValue={query.metric} className={INPUT}>
            {metrics.map((m) => <option key={m.code} value={m.code}>{m.nameVi}</option>)}
          </select>
        </label>
        <label className={FIELD} htmlFor="g-due">Ngày của mốc<input id="g-due" name="dueDate" type="date" defaultValue={query.dueDate} className={INPUT} /></label>
        <label className={FIELD} htmlFor="g-parent">Mã đơn vị cấp trên<input id="g-parent" name="parent" defaultValue={query.parentCode} inputMode="numeric" className={`${INPUT} w-28`} /></label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5">Mở bảng</button>
      </form>
      {problem && <p role="alert" className="text-red-700">{problem}</p>}
      {grid && (
        <section aria-labelledby="grid-title" className="space-y-2">
          <h2 id="grid-title" className="text-lg font-semibold">Chỉ tiêu {grid.metric.nameVi} đến {formatDay(grid.dueDate)}: {grid.parent.name}</h2>
          <p className="text-sm text-slate-600">Để trống ô để bỏ chỉ tiêu của đơn vị ở mốc này. Mỗi thay đổi được ghi nhật ký.</p>
          <TargetGrid key={`${grid.parent.code}-${grid.metric.code}-${grid.dueDate}`} grid={grid} action={saveTargetGridAction} />
        </section>
      )}
    </main>
  );
}
