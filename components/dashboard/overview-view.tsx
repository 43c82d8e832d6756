import Link from "next/link";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { getUnitOverview } from "@/lib/data/overview";
import { getViewChoices } from "@/lib/data/view-choices";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { formatChange, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { PACE_WINDOW_DAYS } from "@/lib/domain/projection";
import type { ViewParams } from "@/lib/validation/view-params";
import { DailyChart, TrendChart } from "@/components/charts/lazy-charts";
import { DashboardFrame } from "./dashboard-frame";
import { viewHref } from "./hrefs";
import { loadOrProblem, Problem } from "./problem";
import { ProgressBar } from "./progress-bar";
import { StatusBadge } from "./status-badge";

/** The overview of a unit: KPI cards, next milestone, projection, trend and daily additions. */
export async function OverviewView({ user, code, view }: { user: SessionUserDTO; code: string; view: ViewParams }) {
  const loaded = await loadOrProblem(() =>
    Promise.all([
      getUnitOverview(user, { unitCode: code, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
      getUnitFrame(user, code),
      getViewChoices(),
    ]),
  );
  if (loaded.problem !== null) return <Problem message={loaded.problem} />;
  const [overview, frame, choices] = loaded.data;
  const { progress, nextMilestone } = overview;
  const p = progress.projection;
  const lastDays = overview.trend.slice(-14);

  return (
    <DashboardFrame
      unit={frame}
      title={overview.unit.name}
      tab="overview"
      view={view}
      choices={choices}
      subtitle={<>Số liệu đến hết ngày <strong>{formatDay(view.asOf)}</strong>{overview.campaign ? <> · {overview.campaign.name}</> : " · chưa có đợt"}</>}
    >
      <section aria-labelledby="kpi-heading" className="space-y-2">
        <h2 id="kpi-heading" className="text-base font-semibold">Kết quả so với chỉ tiêu</h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {overview.metrics.map((m) => (
            <li key={m.code} data-metric={m.code} className={`rounded-lg border bg-white p-3 ${m.code === overview.metric.code ? "border-brand-600 ring-1 ring-brand-600" : "border-slate-200"}`}>
              <Link href={viewHref(`/units/${overview.unit.code}`, { ...view, metric: m.code })} className="block space-y-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
                aria-current={m.code === overview.metric.code ? "true" : undefined}>
                <p className="text-sm font-medium text-slate-700">{m.name}</p>
                <p className="tabular flex items-baseline justify-between gap-2">
                  <span className="text-2xl font-semibold" data-testid="kpi-percent">{formatPercent(m.percent)}</span>
                  <StatusBadge status={m.projection.status} />
                </p>
                <ProgressBar percent={m.percent} />
                <p className="tabular text-xs text-slate-600">
                  <span data-testid="kpi-actual">{formatNumber(m.actual)}</span> / {m.target === null ? "chưa có chỉ tiêu" : formatNumber(m.target)}
                  {m.dueDate && <> · mốc {formatDay(m.dueDate)}</>}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <div className="grid gap-3 lg:grid-cols-3">
        <section aria-labelledby="milestone-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="milestone-heading" className="text-base font-semibold">Mốc tiếp theo</h2>
          {nextMilestone ? (
            <dl className="tabular mt-2 space-y-1 text-sm">
              <div className="flex justify-between gap-2"><dt>Hạn</dt><dd className="font-semibold">{formatDay(nextMilestone.dueDate)}</dd></div>
              <div className="flex justify-between gap-2"><dt>Còn lại</dt><dd className="font-semibold" data-testid="days-left">{nextMilestone.daysLeft} ngày</dd></div>
              <div className="flex justify-between gap-2"><dt>Chỉ tiêu</dt><dd>{nextMilestone.target === null ? "—" : formatNumber(nextMilestone.target)}</dd></div>
              <div className="flex justify-between gap-2"><dt>Còn thiếu</dt><dd>{nextMilestone.target === null ? "—" : formatNumber(Math.max(0, nextMilestone.target - progress.actual))}</dd></div>
            </dl>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{overview.milestones.length ? "Các mốc của đợt đã qua." : "Đợt chưa có mốc chỉ tiêu."}</p>
          )}
          {overview.milestones.length > 0 && (
            <p className="mt-3 text-xs text-slate-500">Các mốc: {overview.milestones.map((m) => `${formatDay(m.dueDate)} (${m.target === null ? "—" : formatNumber(m.target)})`).join(", ")}</p>
          )}
        </section>

        <section aria-labelledby="projection-heading" className="rounded-lg border border-slate-200 bg-white p-4 lg:col-span-2">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="projection-heading" className="text-base font-semibold">Dự báo · {overview.metric.name}</h2>
            <span data-testid="projection-status"><StatusBadge status={p.status} /></span>
          </div>
          <dl className="tabular mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            <div className="flex justify-between gap-2"><dt>Tốc độ bình quân {PACE_WINDOW_DAYS} ngày</dt><dd className="font-semibold" data-testid="daily-pace">{formatChange(p.dailyPace, 2).replace("+", "")}/ngày</dd></div>
            <div className="flex justify-between gap-2"><dt>Tốc độ cần đạt</dt><dd className="font-semibold">{p.requiredDailyPace === null ? "—" : `${formatChange(p.requiredDailyPace, 2).replace("+", "")}/ngày`}</dd></div>
            <div className="flex justify-between gap-2"><dt>Dự kiến đến {formatDay(progress.dueDate)}</dt><dd className="font-semibold">{p.projectedOnDueDate === null ? "—" : `${formatNumber(p.projectedOnDueDate)} (${formatPercent(p.projectedPercent)})`}</dd></div>
            <div className="flex justify-between gap-2"><dt>Dự kiến đạt chỉ tiêu ngày</dt><dd className="font-semibold">{p.status === "met" ? "đã đạt" : formatDay(p.projectedDate)}</dd></div>
          </dl>
          <details className="mt-3 text-xs text-slate-600">
            <summary className="cursor-pointer text-brand-700">Cách tính</summary>
            <p className="mt-1">
              Tốc độ = (lũy kế ngày {formatDay(view.asOf)} − lũy kế {PACE_WINDOW_DAYS} ngày trước) ÷ {PACE_WINDOW_DAYS}. Dự kiến = lũy kế + tốc độ × số ngày còn lại
              {p.daysLeft !== null && <> ({Math.max(0, p.daysLeft)} ngày)</>}. Tốc độ cần đạt = (chỉ tiêu − lũy kế) ÷ số ngày còn lại. Trạng thái: «đạt» khi đã đủ chỉ tiêu; «đúng tiến độ» khi dự kiến ≥ chỉ tiêu;
              «nguy cơ» khi dự kiến ≥ 90% chỉ tiêu; «chậm» khi thấp hơn, hoặc đã quá hạn mà chưa đạt.
            </p>
          </details>
        </section>
      </div>

      <section aria-labelledby="trend-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <figure>
          <figcaption>
            <h2 id="trend-heading" className="text-base font-semibold">Lũy kế theo ngày so với chỉ tiêu</h2>
            <p className="text-xs text-slate-600">
              Đường liền: lũy kế {overview.metric.name.toLowerCase()}; đường nét đứt: chỉ tiêu của mốc đang áp dụng; vạch dọc: ngày đến hạn các mốc.
              Từ {formatDay(overview.trend[0]?.day ?? null)} đến {formatDay(view.asOf)}: {formatNumber(overview.trend[0]?.cumulative ?? 0)} → {formatNumber(progress.actual)}.
            </p>
          </figcaption>
          <TrendChart points={overview.trend.map(({ day, cumulative, target }) => ({ day, cumulative, target }))} milestones={overview.milestones.map((m) => m.dueDate).filter((d) => d >= (overview.trend[0]?.day ?? d))} />
        </figure>
      </section>

      <section aria-labelledby="daily-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <figure>
          <figcaption>
            <h2 id="daily-heading" className="text-base font-semibold">Kết quả trong ngày và bình quân 7 ngày</h2>
            <p className="text-xs text-slate-600">Cột: số tăng trong ngày (âm khi điều chỉnh giảm); đường: bình quân 7 ngày.</p>
          </figcaption>
          <DailyChart points={overview.trend.map(({ day, daily, average7 }) => ({ day, daily, average7 }))} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Xem 14 ngày gần nhất dạng bảng</summary>
            <div className="overflow-x-auto">
              <table className="tabular mt-2 w-full text-sm">
                <caption className="sr-only">Số liệu 14 ngày gần nhất</caption>
                <thead><tr className="text-left text-slate-600"><th scope="col" className="py-1">Ngày</th><th scope="col" className="text-right">Trong ngày</th><th scope="col" className="text-right">BQ 7 ngày</th><th scope="col" className="text-right">Lũy kế</th></tr></thead>
                <tbody>
                  {lastDays.map((d) => (
                    <tr key={d.day} className="border-t border-slate-100">
                      <td className="py-1">{formatDay(d.day)}</td>
                      <td className="text-right">{formatChange(d.daily).replace("+", "")}</td>
                      <td className="text-right">{formatChange(d.average7, 2).replace("+", "")}</td>
                      <td className="text-right">{formatNumber(d.cumulative)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      </section>

      {frame.hasChildren && (
        <p className="text-sm">
          <Link href={viewHref(`/units/${overview.unit.code}/rankings`, view)} className="font-medium text-brand-700 underline">
            Xếp hạng {overview.childCount} đơn vị {frame.childLevelName} của {overview.unit.name} →
          </Link>
        </p>
      )}
    </DashboardFrame>
  );
}
