import { pointsBetween } from "./percent";
import { compareVietnamese, shortUnitName } from "./text";

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

export interface RankedRow {
  code: string;
  name: string;
  percent: number | null;
  rank: number | null;
}

export interface RankChange {
  /** places gained since the earlier ranking (positive = moved up); null if unranked then or now */
  rank: number | null;
  /** percentage points gained, 2 decimals; null without a percent then or now */
  percentPoints: number | null;
}

/** Change in rank and in percentage points of each row against an earlier ranking (by code). */
export function rankChanges(current: readonly RankedRow[], earlier: readonly RankedRow[]): Map<string, RankChange> {
  const before = new Map(earlier.map((row) => [row.code, row]));
  const result = new Map<string, RankChange>();
  for (const row of current) {
    const old = before.get(row.code);
    result.set(row.code, {
      rank: row.rank !== null && old?.rank != null ? old.rank - row.rank : null,
      percentPoints: pointsBetween(row.percent, old?.percent),
    });
  }
  return result;
}

export const DEFAULT_PRAISE_COUNT = 3;
export const DEFAULT_CRITICISM_COUNT = 5;

/**
 * The units a chairman praises (the `top` best ranked, best first) and criticises (the
 * `bottom` worst ranked, worst first), as provincial conclusions do. Only ranked units
 * count, and no unit is both praised and criticised.
 */
export function praiseAndCriticism<T extends RankedRow>(rows: readonly T[], top = DEFAULT_PRAISE_COUNT, bottom = DEFAULT_CRITICISM_COUNT): { praised: T[]; criticised: T[] } {
  const ranked = rows.filter((row) => row.rank !== null).sort((a, b) => (a.rank! - b.rank!) || compareVietnamese(a.name, b.name));
  const praised = ranked.slice(0, Math.max(0, top));
  const rest = ranked.slice(praised.length);
  const criticised = rest.slice(Math.max(0, rest.length - Math.max(0, bottom))).reverse();
  return { praised, criticised };
}

/** The words that introduce each list, in the reader's language (catalogue `dashboard.rankings`). */
/** A unit named in the sentence: its name and its percent. */
export interface NamedPercent {
  name: string;
  percent: number | null;
}

export interface PraiseWords {
  praise: string;
  /** leads the criticism list: "Phê bình", or the rule's words (lib/domain/criticism-rule.ts) */
  criticism: string;
  /** said instead of the list when a criticism rule with a threshold left nobody to criticise */
  noCriticism?: string;
}

/**
 * "Biểu dương: Nông Sơn (51,19%), ...; Phê bình: Phú Ninh (12,10%), ...", with unit names
 * shortened as officials write them; the caller gives the words and the percent notation of
 * its language (catalogue `dashboard.rankings.praise` / `criticism`).
 */
export function praiseSentence(
  praised: readonly NamedPercent[],
  criticised: readonly NamedPercent[],
  formatPercent: (value: number | null) => string,
  words: PraiseWords,
): string {
  const list = (rows: readonly NamedPercent[]) => rows.map((row) => `${shortUnitName(row.name)} (${formatPercent(row.percent)})`).join(", ");
  const parts: string[] = [];
  if (praised.length) parts.push(`${words.praise}: ${list(praised)}`);
  if (criticised.length) parts.push(`${words.criticism}: ${list(criticised)}`);
  else if (words.noCriticism && praised.length) parts.push(words.noCriticism);
  return parts.length ? `${parts.join("; ")}.` : "";
}
