// Sorting a ranking table by a column, as a user clicks its header. Units without a value in
// the chosen column stay last in both directions.
import { compareVietnamese } from "./text";

export const RANKING_SORT_KEYS = ["rank", "name", "target", "actual", "percent", "populationPercent", "rankChange", "pointsChange", "reportedOn"] as const;
export type RankingSortKey = (typeof RANKING_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

export interface SortableRankingRow {
  code: string;
  name: string;
  target: number | null;
  actual: number;
  percent: number | null;
  /** the actual as a share of the eligible population (issue 22), when known */
  populationPercent?: number | null;
  rank: number | null;
  reportedOn: string | null;
  change: { rank: number | null; percentPoints: number | null };
}

/** The direction a column sorts in on first click: best first for figures, A→Z for names. */
export function defaultDirection(key: RankingSortKey): SortDirection {
  return key === "name" || key === "rank" ? "asc" : "desc";
}

const valueOf = (row: SortableRankingRow, key: RankingSortKey): number | string | null => {
  switch (key) {
    case "rank": return row.rank;
    case "name": return row.name;
    case "target": return row.target;
    case "actual": return row.actual;
    case "percent": return row.percent;
    case "populationPercent": return row.populationPercent ?? null;
    case "rankChange": return row.change.rank;
    case "pointsChange": return row.change.percentPoints;
    case "reportedOn": return row.reportedOn;
  }
};

export function sortRankingRows<T extends SortableRankingRow>(rows: readonly T[], key: RankingSortKey, direction: SortDirection): T[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, key);
    const y = valueOf(b, key);
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
      return compareVietnamese(a.name, b.name);
    }
    const order = typeof x === "string" && typeof y === "string" ? (key === "name" ? compareVietnamese(x, y) : x < y ? -1 : x > y ? 1 : 0) : (x as number) - (y as number);
    return order * sign || compareVietnamese(a.name, b.name);
  });
}
