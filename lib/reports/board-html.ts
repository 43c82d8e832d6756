// The public board's page and its embeddable form, as HTML text made from a frozen snapshot
// (already narrowed by publicView): no account, no cookie, no client framework. The page
// works without script; one small inline script (allowed by its hash in the page's CSP)
// adds the copy button to the press paragraph. Words from the catalogue (board.public).
import { createHash } from "node:crypto";
import { formatChange, formatDateTime, formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { reportedCount, type BoardSnapshot } from "@/lib/domain/public-board";
import type { Locale } from "@/lib/i18n/config";
import { m, withLocale } from "@/lib/i18n/message";
import { layoutChart } from "./chart";
import { pressParagraph } from "./board-text";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The copy button of the press paragraph: the page's only script. */
const COPY_SCRIPT = `document.querySelectorAll("[data-copy]").forEach(function(b){b.hidden=false;b.addEventListener("click",function(){var t=document.getElementById(b.getAttribute("data-copy"));if(t&&navigator.clipboard){navigator.clipboard.writeText(t.textContent||"").then(function(){b.textContent=b.getAttribute("data-done")})}})});`;
export const COPY_SCRIPT_HASH = `'sha256-${createHash("sha256").update(COPY_SCRIPT).digest("base64")}'`;

const STYLE = `*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#0f172a;background:#f8fafc;line-height:1.45}
a{color:#1e40af}a:focus,button:focus{outline:2px solid #1d4ed8;outline-offset:2px}
main{max-width:64rem;margin:0 auto;padding:1rem .75rem 2rem}header.top{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;align-items:flex-start}
h1{font-size:1.5rem;margin:.1rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}.muted{color:#475569;font-size:.9rem}.cutoff{font-weight:600;font-size:1.05rem;margin:.25rem 0}
.lang{border:1px solid #94a3b8;border-radius:.4rem;padding:.3rem .6rem;text-decoration:none;background:#fff;white-space:nowrap}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:.75rem}.card{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:.75rem}
.card .name{font-weight:600}.card .pct{font-size:1.9rem;font-weight:700;color:#1e40af}.bar{height:.5rem;background:#e2e8f0;border-radius:.25rem;overflow:hidden}.bar span{display:block;height:100%;background:#1d4ed8}
table{width:100%;border-collapse:collapse;background:#fff;font-size:.92rem}th,td{padding:.4rem .5rem;border-bottom:1px solid #e2e8f0;text-align:left;vertical-align:top}thead th{background:#f1f5f9}tbody th{font-weight:600}td.rep{white-space:nowrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.up{color:#047857}.down{color:#b91c1c}.no{color:#b45309;font-weight:600}
.press{background:#fff;border-left:4px solid #1d4ed8;padding:.75rem;margin:0}button{font:inherit;border:1px solid #1e40af;background:#1e40af;color:#fff;border-radius:.4rem;padding:.35rem .8rem;margin-top:.5rem;cursor:pointer}
ul.links{padding-left:1.2rem}ul.links li{margin:.2rem 0}svg{max-width:100%;height:auto;background:#fff;border:1px solid #e2e8f0;border-radius:.5rem}
footer{margin-top:2rem;font-size:.85rem;color:#475569}
.ph{display:none}@media (max-width:40rem){.wide{display:none}.ph{display:block}h1{font-size:1.25rem}.card .pct{font-size:1.6rem}th,td{padding:.35rem .3rem}}`;

export interface BoardPageInput {
  snapshot: BoardSnapshot;
  publications: readonly { stamp: string; cutoff: string }[];
  locale: Locale;
  /** the address of this page without its query ("/cong-khai/49" or "/cong-khai/49/2023-06-07T1700") */
  path: string;
}

const metricName = (m: { name: string; nameEn: string }, locale: Locale) => (locale === "en" ? m.nameEn : m.name);
const langQuery = (locale: Locale) => (locale === "en" ? "?lang=en" : "");

function cutoffLine(snapshot: BoardSnapshot): string {
  return m("board.public.cutoff", { time: snapshot.cutoff.slice(11, 16), date: formatDay(snapshot.asOf) });
}

function metricCards(snapshot: BoardSnapshot, locale: Locale, metrics = snapshot.metrics): string {
  return metrics.map((metric) => {
    const width = Math.max(0, Math.min(100, metric.percent ?? 0));
    const target = metric.target === null
      ? `<div class="muted">${escapeHtml(m("board.public.noTarget"))}</div>`
      : `<div class="muted">${escapeHtml(m("board.public.target"))}: ${formatNumber(metric.target, locale)}${metric.dueDate ? ` · ${escapeHtml(m("board.public.due", { date: formatDay(metric.dueDate) }))}` : ""}</div>`;
    return `<div class="card" data-metric="${escapeHtml(metric.metric)}"><div class="name">${escapeHtml(metricName(metric, locale))}</div>`
      + `<div class="pct" data-testid="percent-${escapeHtml(metric.metric)}">${metric.percent === null ? formatNumber(metric.actual, locale) : formatPercent(metric.percent, locale)}</div>`
      + `<div><strong data-testid="actual-${escapeHtml(metric.metric)}">${formatNumber(metric.actual, locale)}</strong></div>${target}`
      + (metric.percent === null ? "" : `<div class="bar" aria-hidden="true"><span style="width:${width}%"></span></div>`)
      + `</div>`;
  }).join("");
}

function changeCell(row: BoardSnapshot["rows"][number], locale: Locale): string {
  if (row.pointsChange === null && row.rankChange === null) return "—";
  const points = row.pointsChange === null ? "" : `${formatChange(row.pointsChange, 2, locale)}`;
  const rank = row.rankChange ? ` <span class="${row.rankChange > 0 ? "up" : "down"}">${row.rankChange > 0 ? "▲" : "▼"}${Math.abs(row.rankChange)}</span>` : "";
  return `${points}${rank}`;
}

function rankingTable(snapshot: BoardSnapshot, locale: Locale, options: { compact: boolean }): string {
  if (!snapshot.rows.length) return "";
  const metric = snapshot.metrics.find((x) => x.metric === snapshot.rankingMetric);
  const wide = options.compact ? "" : ` class="n wide"`;
  const head = [
    `<th scope="col" class="n">${escapeHtml(m("board.public.columns.rank"))}</th>`,
    `<th scope="col">${escapeHtml(m("board.public.columns.unit"))}</th>`,
    options.compact ? "" : `<th scope="col"${wide}>${escapeHtml(m("board.public.columns.actual"))}</th><th scope="col"${wide}>${escapeHtml(m("board.public.columns.target"))}</th>`,
    `<th scope="col" class="n">${escapeHtml(m("board.public.columns.percent"))}</th>`,
    options.compact ? "" : `<th scope="col"${wide}>${escapeHtml(m("board.public.columns.change"))}</th>`,
    `<th scope="col">${escapeHtml(m("board.public.columns.reported"))}</th>`,
  ].join("");
  const body = snapshot.rows.map((row) => {
    const reported = row.reportedOn === snapshot.asOf;
    return `<tr data-code="${escapeHtml(row.code)}"><td class="n">${row.rank ?? "—"}</td><th scope="row">${escapeHtml(row.name)}</th>`
      + (options.compact ? "" : `<td${wide}>${formatNumber(row.actual, locale)}</td><td${wide}>${row.target === null ? "—" : formatNumber(row.target, locale)}</td>`)
      // on a phone the change goes under the percent (its own column is hidden there)
      + `<td class="n">${formatPercent(row.percent, locale)}${options.compact ? "" : `<span class="ph muted"> ${changeCell(row, locale)}</span>`}</td>`
      + (options.compact ? "" : `<td${wide}>${changeCell(row, locale)}</td>`)
      + `<td class="rep">${reported ? escapeHtml(m("board.public.reported")) : `<span class="no">${escapeHtml(m("board.public.notReported"))}</span>`}</td></tr>`;
  }).join("");
  const caption = m("board.public.rankingHeading", { metric: metric ? metricName(metric, locale) : snapshot.rankingMetric });
  const reportedLine = `${reportedCount(snapshot)}/${snapshot.rows.length} ${m("board.public.reported").toLowerCase()}`;
  const changeNote = snapshot.previousStamp && !options.compact ? `<p class="muted">${escapeHtml(m("board.public.changeCaption", { date: formatDateTime(`${snapshot.previousStamp.slice(0, 10)}T${snapshot.previousStamp.slice(11, 13)}:${snapshot.previousStamp.slice(13, 15)}:00+07:00`) }))}</p>` : "";
  return `<h2 id="ranking">${escapeHtml(caption)}</h2><p class="muted">${escapeHtml(reportedLine)}</p><div style="overflow-x:auto"><table aria-labelledby="ranking" data-testid="ranking"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${changeNote}`;
}

function trendSvg(snapshot: BoardSnapshot, locale: Locale): string {
  if (snapshot.trend.length < 2) return "";
  const layout = layoutChart(snapshot.trend.map((p) => ({ day: p.day, actual: p.actual, planned: null })), 720, 240, locale);
  const { plot } = layout;
  const points = layout.actual.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  const metric = snapshot.metrics.find((x) => x.metric === snapshot.rankingMetric);
  const title = m("board.public.trendHeading", { metric: metric ? metricName(metric, locale) : snapshot.rankingMetric });
  const last = snapshot.trend.at(-1)!;
  const description = `${formatDay(snapshot.trend[0].day)}: ${formatNumber(snapshot.trend[0].actual, locale)}; ${formatDay(last.day)}: ${formatNumber(last.actual, locale)}`;
  return `<h2 id="trend">${escapeHtml(title)}</h2><svg role="img" aria-labelledby="trend trend-desc" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}"><desc id="trend-desc">${escapeHtml(description)}</desc>`
    + layout.yTicks.map((t) => `<line x1="${plot.left}" x2="${plot.right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="#d4d4d8" stroke-width="0.6"/><text x="${plot.left - 6}" y="${(t.y + 4).toFixed(1)}" font-size="11" text-anchor="end" fill="#334155">${escapeHtml(t.label)}</text>`).join("")
    + layout.xTicks.map((t) => `<text x="${t.x.toFixed(1)}" y="${plot.bottom + 16}" font-size="11" text-anchor="${t.align}" fill="#334155">${escapeHtml(t.label)}</text>`).join("")
    + `<polyline points="${points}" fill="none" stroke="#1d4ed8" stroke-width="2.4"/></svg>`;
}

function document(locale: Locale, title: string, body: string, head = ""): string {
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noarchive"><title>${escapeHtml(title)}</title>${head}<style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The public board's page: one publication (the latest unless a stamp is in the path). */
export function renderBoardPage(input: BoardPageInput): string {
  const { snapshot, locale, path } = input;
  return withLocale(locale, () => {
    const base = `/cong-khai/${snapshot.unit.code}`;
    const other: Locale = locale === "en" ? "vi" : "en";
    const file = `${base}/${snapshot.stamp}`;
    const paragraph = pressParagraph(snapshot, locale);
    const body = `<main>
<header class="top"><div><p class="muted">${escapeHtml(m("board.public.heading"))}</p><h1>${escapeHtml(snapshot.unit.name)}</h1>
<p class="cutoff" data-testid="cutoff">${escapeHtml(cutoffLine(snapshot))}</p><p class="muted">${escapeHtml(m("board.public.publishedAt", { at: formatDateTime(snapshot.publishedAt) }))}. ${escapeHtml(m("board.public.frozen"))}</p></div>
<a class="lang" href="${path}${langQuery(other)}" hreflang="${other}" lang="${other}" aria-label="${escapeHtml(m("board.public.languageLabel"))}">${escapeHtml(m("board.public.language"))}</a></header>
<h2 id="metrics">${escapeHtml(m("board.public.metricsHeading"))}</h2><div class="cards">${metricCards(snapshot, locale)}</div>
${rankingTable(snapshot, locale, { compact: false })}
${trendSvg(snapshot, locale)}
<h2 id="press">${escapeHtml(m("board.public.pressHeading"))}</h2><p class="muted">${escapeHtml(m("board.public.pressHint"))}</p>
<blockquote class="press" id="press-text" data-testid="press-text">${escapeHtml(paragraph)}</blockquote>
<button type="button" hidden data-copy="press-text" data-done="${escapeHtml(m("board.public.copied"))}">${escapeHtml(m("board.public.copy"))}</button>
<h2 id="files">${escapeHtml(m("board.public.pictures"))}</h2><ul class="links"><li><a href="${file}-1200x675.png" download>${escapeHtml(m("board.public.pictureWide"))}</a></li><li><a href="${file}-1080x1350.png" download>${escapeHtml(m("board.public.pictureTall"))}</a></li></ul>
<h2 id="data">${escapeHtml(m("board.public.data"))}</h2><ul class="links"><li><a href="${file}.csv" download data-testid="csv-link">${escapeHtml(m("board.public.csv"))}</a></li><li><a href="${file}.json">${escapeHtml(m("board.public.json"))}</a></li><li><a href="${base}/index.json">${escapeHtml(m("board.public.index"))}</a></li></ul>
<h2 id="earlier">${escapeHtml(m("board.public.earlier"))}</h2><ul class="links" data-testid="publications">${input.publications.map((p) => `<li><a href="${base}/${p.stamp}${langQuery(locale)}"${p.stamp === snapshot.stamp ? ` aria-current="page"` : ""}>${escapeHtml(formatDateTime(p.cutoff))}</a>${p.stamp === snapshot.stamp ? ` ${escapeHtml(m("board.public.current"))}` : ""}</li>`).join("")}</ul>
<footer>${escapeHtml(m("board.public.footer"))}</footer></main><script>${COPY_SCRIPT}</script>`;
    const head = `<meta property="og:title" content="${escapeHtml(`${snapshot.unit.name}: ${cutoffLine(snapshot)}`)}"><meta property="og:description" content="${escapeHtml(paragraph.slice(0, 300))}"><meta property="og:image" content="${file}-1200x675.png"><link rel="alternate" type="application/json" href="${file}.json">`;
    return document(locale, m("board.public.title", { unit: snapshot.unit.name }), body, head);
  });
}

/** The embed page's one card: the ranking metric's (else the first published). */
function headlineMetrics(snapshot: BoardSnapshot): BoardSnapshot["metrics"] {
  const headline = snapshot.metrics.find((x) => x.metric === snapshot.rankingMetric) ?? snapshot.metrics[0];
  return headline ? [headline] : [];
}

/** The compact form for an iframe on a newspaper's or portal's site: the headline figure and the children's percents. */
export function renderBoardEmbed(input: Omit<BoardPageInput, "publications">): string {
  const { snapshot, locale } = input;
  return withLocale(locale, () => {
    const base = `/cong-khai/${snapshot.unit.code}`;
    const body = `<main style="padding:.5rem"><h1 style="font-size:1.15rem">${escapeHtml(m("board.public.embedTitle", { unit: snapshot.unit.name }))}</h1>
<p class="cutoff" data-testid="cutoff">${escapeHtml(cutoffLine(snapshot))}</p><div class="cards">${metricCards(snapshot, locale, headlineMetrics(snapshot))}</div>
${rankingTable(snapshot, locale, { compact: true })}
<p><a href="${base}${langQuery(locale)}" target="_blank" rel="noopener">${escapeHtml(m("board.public.fullBoard"))}</a></p></main>`;
    return document(locale, m("board.public.title", { unit: snapshot.unit.name }), body);
  });
}
