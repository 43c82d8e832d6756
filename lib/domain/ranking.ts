import { compareVietnamese } from "./text";

export interface Rankable {
  name: string;
  percent: number | null;
}

/**
 * Ranks by the rounded percent people see, descending. Equal percents share a rank
 * ("1, 2, 2, 4") and are listed by name; units without a target come last, unranked.
 */
export function rankRows<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  const sorted = [...rows].sort((a, b) => {
    if (a.percent === null || b.percent === null) {
      if (a.percent !== b.percent) return a.percent === null ? 1 : -1;
    } else if (a.percent !== b.percent) {
      return b.percent - a.percent;
    }
    return compareVietnamese(a.name, b.name);
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((row, index) => {
    if (row.percent === null) return { ...row, rank: null };
    if (row.percent !== previous) rank = index + 1;
    previous = row.percent;
    return { ...row, rank };
  });
}
