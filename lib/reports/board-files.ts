// The public board's open data (/cong-khai/CODE/...): a publication as JSON and CSV, and the
// index of publications, from a snapshot already narrowed by publicView. Figures as the API
// gives them (docs/../API.md: actual, target, percent a number rounded half up, dates
// YYYY-MM-DD); `text` the press paragraph.
import type { BoardSnapshot } from "@/lib/domain/public-board";
import type { Locale } from "@/lib/i18n/config";
import { pressParagraph } from "./board-text";
import { csvLine } from "./csv-cell";

export interface PublicationJson {
  unit: { code: string; name: string };
  cutoff: string;
  stamp: string;
  publishedAt: string;
  rankingMetric: string;
  metrics: { metric: string; actual: number; target: number | null; percent: number | null; dueDate: string | null }[];
  rows: { code: string; name: string; actual: number; target: number | null; percent: number | null; rank: number | null; reportedOn: string | null }[];
  text: string;
}

export function publicationJson(snapshot: BoardSnapshot, locale: Locale = "vi"): PublicationJson {
  return {
    unit: snapshot.unit,
    cutoff: snapshot.cutoff,
    stamp: snapshot.stamp,
    publishedAt: snapshot.publishedAt,
    rankingMetric: snapshot.rankingMetric,
    metrics: snapshot.metrics.map(({ metric, actual, target, percent, dueDate }) => ({ metric, actual, target, percent, dueDate })),
    rows: snapshot.rows.map(({ code, name, actual, target, percent, rank, reportedOn }) => ({ code, name, actual, target, percent, rank, reportedOn })),
    text: pressParagraph(snapshot, locale),
  };
}

/** UTF-8 with BOM, CRLF, three blocks (the publication, the unit's metrics, the children), as the weekly report's CSV. */
export function publicationCsv(snapshot: BoardSnapshot): Buffer {
  const json = publicationJson(snapshot);
  const lines = [
    csvLine(["unit_code", "unit_name", "cutoff", "published_at", "ranking_metric"]),
    csvLine([json.unit.code, json.unit.name, json.cutoff, json.publishedAt, json.rankingMetric]),
    "",
    csvLine(["metric", "actual", "target", "percent", "due_date"]),
    ...json.metrics.map((m) => csvLine([m.metric, m.actual, m.target, m.percent, m.dueDate])),
    "",
    csvLine(["code", "name", "actual", "target", "percent", "rank", "reported_on"]),
    ...json.rows.map((r) => csvLine([r.code, r.name, r.actual, r.target, r.percent, r.rank, r.reportedOn])),
  ];
  return Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
}

/** The list of a board's publications with their files' addresses, newest first. */
export function publicationIndex(unit: { code: string; name: string }, publications: readonly { stamp: string; cutoff: string }[]) {
  const base = `/cong-khai/${unit.code}`;
  return {
    unit,
    latest: `${base}/latest.json`,
    publications: publications.map((p) => ({
      stamp: p.stamp,
      cutoff: p.cutoff,
      page: `${base}/${p.stamp}`,
      json: `${base}/${p.stamp}.json`,
      csv: `${base}/${p.stamp}.csv`,
      pictures: [`${base}/${p.stamp}-1200x675.png`, `${base}/${p.stamp}-1080x1350.png`],
    })),
  };
}
