import Link from "next/link";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { getRankings } from "@/lib/data/rankings";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getViewChoices } from "@/lib/data/view-choices";
import { formatChange, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { praiseAndCriticism, praiseSentence } from "@/lib/domain/ranking";
import { defaultDirection, sortRankingRows, type RankingSortKey } from "@/lib/domain/ranking-sort";
import type { RankingViewParams } from "@/lib/validation/ranking-params";
import type { ViewParams } from "@/lib/validation/view-params";
import { PercentBarChart } from "@/components/charts/lazy-charts";
import { DashboardFrame } from "./dashboard-frame";
import { rankingsHref, unitHref } from "./hrefs";
import { loadOrProblem, Problem } from "./problem";

const COLUMNS: { key: RankingSortKey; label: string; numeric: boolean; wide?: boolean }[] = [
  { key: "rank", label: "Hạng", numeric: true },
  { key: "name", label: "Mã · Đơn vị", numeric: false },
  { key: "target", label: "Chỉ tiêu", numeric: true, wide: true },
  { key: "actual", label: "Thực hiện", numeric: true, wide: true },
  { key: "percent", label: "Tỷ lệ", numeric: true },
  { key: "rankChange", label: "± hạng 7 ngày", numeric: true, wide: true },
  { key: "pointsChange", label: "± điểm % 7 ngày", numeric: true, wide: true },
  { key: "reportedOn", label: "Báo cáo đến", numeric: true, wide: true },
];

/** Rankings of the children of a unit: praise and criticism, sortable table, bar chart. */
export async function RankingsView({ user, code, view, options }: { user: SessionUserDTO; code: string; view: ViewParams; options: RankingViewParams }) {
  const loaded = await loadOrProblem(() =>
    Promise.all([
      getRankings(user, { parentCode: code, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
      getUnitFrame(user, code),
      getViewChoices(),
    ]),
  );
  if (loaded.problem !== null) return <Problem message={loaded.problem} />;
  const [ranking, frame, choices] = loaded.data;
  const metricName = choices.metrics.find((m) => m.code === ranking.metric)?.name ?? ranking.metric;
  const { praised, criticised } = praiseAndCriticism(ranking.rows, options.top, options.bottom);
  const marks = new Map<string, "praise" | "criticism">([...praised.map((r) => [r.code, "praise"] as const), ...criticised.map((r) => [r.code, "criticism"] as const)]);
  const sentence = praiseSentence(praised, criticised, formatPercent);
  const rows = sortRankingRows(ranking.rows, options.sort, options.dir);
  const keep = { top: options.top, bottom: options.bottom, sort: options.sort, dir: options.dir };
  const sortHref = (key: RankingSortKey) =>
    rankingsHref(code, view, { ...keep, sort: key, dir: options.sort === key ? (options.dir === "asc" ? "desc" : "asc") : defaultDirection(key) });
  const ranked = ranking.rows.filter((r) => r.percent !== null);

  return (
    <DashboardFrame
      unit={frame}
      title={`Xếp hạng ${frame.childLevelName ?? "đơn vị trực thuộc"} · ${frame.name}`}
      tab="rankings"
      view={view}
      choices={choices}
      keep={keep}
      subtitle={<>{metricName} · số liệu đến hết ngày <strong>{formatDay(ranking.asOf)}</strong>{ranking.dueDate && <> · chỉ tiêu mốc {formatDay(ranking.dueDate)}</>}</>}
    >
      <section aria-labelledby="conclusion-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="conclusion-heading" className="text-base font-semibold">Biểu dương và phê bình</h2>
        <p className="mt-1 text-sm" data-testid="praise-sentence">{sentence || "Chưa có đơn vị nào có chỉ tiêu để xếp hạng."}</p>
        <form method="get" action={`/units/${code}/rankings`} className="mt-3 flex flex-wrap items-end gap-2 text-sm">
          {Object.entries({ asOf: view.asOf, metric: view.metric, campaign: view.campaign, sort: options.sort, dir: options.dir }).map(([name, value]) =>
            value ? <input key={name} type="hidden" name={name} value={value} /> : null,
          )}
          <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">Số đơn vị biểu dương</span>
            <input type="number" name="top" min={0} max={50} defaultValue={options.top} className="w-24 rounded border border-slate-300 px-2 py-1" /></label>
          <label className="flex flex-col gap-1"><span className="text-xs text-slate-600">Số đơn vị phê bình</span>
            <input type="number" name="bottom" min={0} max={50} defaultValue={options.bottom} className="w-24 rounded border border-slate-300 px-2 py-1" /></label>
          <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">Áp dụng</button>
        </form>
      </section>

      <section aria-labelledby="table-heading" className="rounded-lg border border-slate-200 bg-white">
        <h2 id="table-heading" className="sr-only">Bảng xếp hạng</h2>
        <table className="w-full text-sm" data-testid="ranking-table">
          <caption className="sr-only">Xếp hạng theo tỷ lệ {metricName.toLowerCase()} so với chỉ tiêu; bấm tiêu đề cột để sắp xếp.</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              {COLUMNS.map((col) => (
                <th key={col.key} scope="col" aria-sort={options.sort === col.key ? (options.dir === "asc" ? "ascending" : "descending") : undefined}
                  className={`px-2 py-2 font-medium sm:px-3 ${col.numeric ? "text-right" : "text-left"} ${col.wide ? "hidden md:table-cell" : ""}`}>
                  <Link href={sortHref(col.key)} className="inline-flex items-center gap-1 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600">
                    {col.label}
                    <span aria-hidden="true" className="text-xs text-slate-500">{options.sort === col.key ? (options.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="tabular">
            {rows.map((row) => {
              const mark = marks.get(row.code);
              return (
                <tr key={row.code} data-unit={row.code} data-mark={mark ?? ""} className={`border-t border-slate-100 ${mark === "praise" ? "bg-emerald-50/60" : mark === "criticism" ? "bg-red-50/60" : ""}`}>
                  <td className="px-2 py-2 text-right font-semibold sm:px-3">{row.rank ?? "—"}</td>
                  <td className="px-2 py-2 sm:px-3">
                    <span className="tabular mr-1.5 text-xs text-slate-500" title="Mã đơn vị">{row.code}</span>
                    <Link href={unitHref(row.code, view)} className="font-medium text-brand-700 underline-offset-2 hover:underline">{row.name}</Link>
                    {mark && (
                      <span className={`ml-1 inline-flex items-center gap-0.5 whitespace-nowrap rounded px-1 text-xs font-semibold ${mark === "praise" ? "text-emerald-800" : "text-red-800"}`}>
                        <span aria-hidden="true">{mark === "praise" ? "★" : "⚑"}</span>{mark === "praise" ? "Biểu dương" : "Phê bình"}
                      </span>
                    )}
                    <span className="block text-xs text-slate-500 md:hidden">
                      {formatNumber(row.actual)} / {row.target === null ? "—" : formatNumber(row.target)} · {formatChange(row.change.percentPoints, 2)} điểm % · BC {formatDay(row.reportedOn)}
                    </span>
                    {row.hasChildren && (
                      <Link href={rankingsHref(row.code, view)} className="block text-xs text-slate-600 underline-offset-2 hover:underline">Xếp hạng đơn vị trực thuộc</Link>
                    )}
                  </td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{row.target === null ? "—" : formatNumber(row.target)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatNumber(row.actual)}</td>
                  <td className="px-2 py-2 text-right font-semibold sm:px-3">{formatPercent(row.percent)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatChange(row.change.rank)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatChange(row.change.percentPoints, 2)}</td>
                  <td className="hidden px-3 py-2 text-right md:table-cell">{formatDay(row.reportedOn)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="p-4 text-sm text-slate-600">Không có đơn vị trực thuộc.</p>}
        <p className="border-t border-slate-100 px-3 py-2 text-xs text-slate-500">
          ★ biểu dương {options.top} đơn vị cao nhất, ⚑ phê bình {options.bottom} đơn vị thấp nhất. ± hạng: số bậc tăng (+) hoặc giảm (−) so với 7 ngày trước. Đơn vị chưa có chỉ tiêu không xếp hạng.
        </p>
      </section>

      {ranked.length > 0 && (
        <section aria-labelledby="chart-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <figure>
            <figcaption>
              <h2 id="chart-heading" className="text-base font-semibold">Tỷ lệ đạt chỉ tiêu theo đơn vị</h2>
              <p className="text-xs text-slate-600">Vạch xanh: 100% chỉ tiêu. Cao nhất: {ranked[0].name} ({formatPercent(ranked[0].percent)}); thấp nhất: {ranked.at(-1)!.name} ({formatPercent(ranked.at(-1)!.percent)}). Số liệu đầy đủ ở bảng trên.</p>
            </figcaption>
            <PercentBarChart bars={ranked.map((r) => ({ code: r.code, name: r.name.replace(/^(Thành phố|Thị xã|Thị trấn|Huyện|Quận|Phường|Xã) /, ""), percent: r.percent!, label: formatPercent(r.percent), mark: marks.get(r.code) ?? null }))} />
          </figure>
        </section>
      )}
    </DashboardFrame>
  );
}
