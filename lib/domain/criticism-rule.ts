// Who is criticised (phê bình) in a ranking, by the rule a province sets (issue 24, point 4):
// the bottom N as ever, or the bottom N of those below a stated percent, or of those below
// the parent's own percent, so that a list of communes all at 81–90% need not name five of
// them. Pure: the stored rule is read by lib/data/criticism-rule.ts.
import { shortUnitName } from "./text";
import { DEFAULT_CRITICISM_COUNT, DEFAULT_PRAISE_COUNT, praiseAndCriticism, type RankedRow } from "./ranking";

export const CRITICISM_RULE_KINDS = ["bottom", "belowPercent", "belowParent"] as const;
export type CriticismRuleKind = (typeof CRITICISM_RULE_KINDS)[number];

/** The rule as stored: `threshold` (a percent, 2 decimals) only for "belowPercent". */
export type CriticismRule =
  | { kind: "bottom"; count: number }
  | { kind: "belowPercent"; count: number; threshold: number }
  | { kind: "belowParent"; count: number };

export const DEFAULT_CRITICISM_RULE: CriticismRule = { kind: "bottom", count: DEFAULT_CRITICISM_COUNT };

/**
 * The rule as it was applied to one ranking: `threshold` is the percent a unit had to fall
 * below (the stated one, or the parent's own percent that day), null for "bottom" and for
 * "belowParent" when the parent has no percent (no target). Plain data: the weekly report
 * freezes it in its model.
 */
export interface AppliedCriticismRule {
  kind: CriticismRuleKind;
  count: number;
  threshold: number | null;
  /** for "belowParent": the parent whose percent is the threshold */
  parentName?: string;
}

/**
 * Praise and criticism under a rule. Praise is unchanged (the `top` best). Criticism takes
 * the worst `count` of the remaining ranked units, worst first, keeping only those whose
 * percent (the rounded one people see) is strictly below the threshold; a unit exactly at
 * it is not criticised. Ties at the cut are taken as the ranking lists them (by name), as
 * "bottom N" always did. Under "belowParent" with a parent without a percent nobody is
 * criticised: there is nothing to fall below.
 */
export function applyCriticismRule<T extends RankedRow>(
  rows: readonly T[],
  rule: CriticismRule,
  parent: { name: string; percent: number | null } | null = null,
  top = DEFAULT_PRAISE_COUNT,
): { praised: T[]; criticised: T[]; rule: AppliedCriticismRule } {
  const threshold = rule.kind === "belowPercent" ? rule.threshold : rule.kind === "belowParent" ? (parent?.percent ?? null) : null;
  const applied: AppliedCriticismRule = { kind: rule.kind, count: rule.count, threshold, ...(rule.kind === "belowParent" && parent ? { parentName: parent.name } : {}) };
  if (rule.kind === "bottom") return { ...praiseAndCriticism(rows, top, rule.count), rule: applied };
  const { praised } = praiseAndCriticism(rows, top, 0);
  const praisedCodes = new Set(praised.map((row) => row.code));
  const below = threshold === null ? [] : rows.filter((row) => !praisedCodes.has(row.code) && row.percent !== null && row.percent < threshold);
  // the bottom `count` among those below, chosen exactly as "bottom N" chooses
  const { criticised } = praiseAndCriticism(below, 0, rule.count);
  return { praised, criticised, rule: applied };
}

/** Catalogue keys (under `dashboard.criticismRule`) the criticism's words are made of. */
export type CriticismWordKey = "belowPercent" | "belowParent" | "noneBelowPercent" | "noneBelowParent" | "parentWithoutPercent";
export type CriticismSay = (key: CriticismWordKey, values: Record<string, string | number>) => string;

/**
 * The words that lead the criticism list, saying which rule picked it, and the words for an
 * empty list when a threshold left nobody: "Phê bình 2 đơn vị thấp nhất có tỷ lệ dưới 80,00%"
 * / "… dưới tỷ lệ chung của Quảng Nam (85,20%)" / "Không có đơn vị nào có tỷ lệ dưới 80,00%".
 * "bottom" keeps the plain word ("Phê bình"), so the sentence reads as it always did.
 */
export function criticismWords(
  rule: AppliedCriticismRule | undefined,
  criticised: number,
  formatPercent: (value: number | null) => string,
  say: CriticismSay,
  plain: string,
): { criticism: string; noCriticism?: string } {
  if (!rule || rule.kind === "bottom") return { criticism: plain };
  if (rule.kind === "belowParent" && rule.threshold === null) {
    return { criticism: plain, noCriticism: say("parentWithoutPercent", { parent: shortUnitName(rule.parentName ?? "") }) };
  }
  const values = { count: criticised, threshold: formatPercent(rule.threshold), parent: shortUnitName(rule.parentName ?? "") };
  return rule.kind === "belowPercent"
    ? { criticism: say("belowPercent", values), noCriticism: say("noneBelowPercent", values) }
    : { criticism: say("belowParent", values), noCriticism: say("noneBelowParent", values) };
}
