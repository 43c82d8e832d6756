import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/session";
import { getRankings } from "@/lib/data/rankings";
import { getHomeUnitCode } from "@/lib/data/units";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { readViewParams } from "@/lib/validation/view-params";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Tổng quan" };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const view = readViewParams(await searchParams);
  const parentCode = await getHomeUnitCode(user);
  const ranking = await getRankings(user, { parentCode, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) });

  return (
    <div className="mx-auto max-w-5xl px-4 py-6">
      <header className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Đề án 06 · Tài khoản đã kích hoạt</p>
          <h1 className="text-2xl font-semibold">{ranking.parent?.name ?? "Toàn quốc"}</h1>
          <p className="text-sm text-slate-600">
            Số liệu đến hết ngày {formatDay(ranking.asOf)}
            {ranking.dueDate ? ` · chỉ tiêu mốc ${formatDay(ranking.dueDate)}` : ""}
          </p>
        </div>
        <div className="flex items-center gap-3 text-sm text-slate-600">
          <span>{user.displayName}</span>
          <SignOutButton />
        </div>
      </header>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Tiến độ kích hoạt tài khoản theo đơn vị</caption>
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">Hạng</th>
              <th scope="col" className="px-3 py-2">Đơn vị</th>
              <th scope="col" className="px-3 py-2 text-right">Chỉ tiêu</th>
              <th scope="col" className="px-3 py-2 text-right">Đã kích hoạt</th>
              <th scope="col" className="px-3 py-2 text-right">Tỷ lệ</th>
              <th scope="col" className="px-3 py-2 text-right">Báo cáo đến</th>
            </tr>
          </thead>
          <tbody className="tabular">
            {ranking.rows.map((row) => (
              <tr key={row.code} className="border-t border-slate-100" data-unit={row.code}>
                <td className="px-3 py-2 text-right">{row.rank ?? "—"}</td>
                <td className="px-3 py-2">{row.name}</td>
                <td className="px-3 py-2 text-right">{row.target === null ? "—" : formatNumber(row.target)}</td>
                <td className="px-3 py-2 text-right">{formatNumber(row.actual)}</td>
                <td className="px-3 py-2 text-right font-semibold">{formatPercent(row.percent)}</td>
                <td className="px-3 py-2 text-right">{formatDay(row.reportedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {ranking.rows.length === 0 && <p className="p-4 text-sm text-slate-600">Chưa có đơn vị nào trong phạm vi của bạn.</p>}
      </div>
    </div>
  );
}
