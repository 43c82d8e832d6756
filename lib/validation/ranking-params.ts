// Search parameters of the rankings page, besides asOf/metric/campaign: how many units to
// praise and criticise, the sort column and direction, and an optional level to rank.
import { z } from "zod";
import { DEFAULT_CRITICISM_COUNT, DEFAULT_PRAISE_COUNT } from "@/lib/domain/ranking";
import { defaultDirection, RANKING_SORT_KEYS, type RankingSortKey, type SortDirection } from "@/lib/domain/ranking-sort";

const count = z.coerce.number().int().min(0).max(50);

export interface RankingViewParams {
  top: number;
  bottom: number;
  sort: RankingSortKey;
  dir: SortDirection;
  level?: number;
}

type Raw = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Invalid values fall back to their defaults, each on its own (`defaults.bottom`: the unit's stored criticism count). */
export function readRankingParams(raw: Raw, defaults: { bottom?: number } = {}): RankingViewParams {
  const pick = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    if (value === undefined || value === "") return undefined;
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const sort = pick(z.enum(RANKING_SORT_KEYS), first(raw.sort)) ?? "rank";
  const level = pick(z.coerce.number().int().min(1).max(9), first(raw.level));
  return {
    top: pick(count, first(raw.top)) ?? DEFAULT_PRAISE_COUNT,
    bottom: pick(count, first(raw.bottom)) ?? defaults.bottom ?? DEFAULT_CRITICISM_COUNT,
    sort,
    dir: pick(z.enum(["asc", "desc"]), first(raw.dir)) ?? defaultDirection(sort),
    ...(level !== undefined ? { level } : {}),
  };
}
