// Targets set as a share of the eligible population (issue 22): "kích hoạt 55% … đến
// 30/06/2023, 100% đến 31/12/2023" for a unit and everything below it, turned into counts per
// unit by one stated rule, so that at every level the children's counts add up to their
// parent's:
//
// 1. The unit's count is its population times the share, rounded half up.
// 2. Each unit's count is split among its children in proportion to their populations by the
//    largest-remainder method: each child gets the whole part of its quota (count × its
//    population / the parent's), and the units left over go one each to the children with the
//    largest remainders (ties: the larger population, then the smaller code).
// 3. Down to the leaves, whose populations are entered; a parent's population is the sum of
//    its leaves'.
//
// Every unit's count is then within one of its population times the share. Exact integer
// arithmetic (BigInt), so the rule holds for any population.

/** A unit of the subtree: its code, parent code (null for the unit the share is set on), and, for a leaf, its population. */
export interface ShareNode {
  code: string;
  parentCode: string | null;
  /** a leaf's eligible population; parents' are the sums of their leaves' */
  population?: number;
}

/** Basis points (hundredths of a percent) of a percentage such as 55 or 55,5: 5500, 5550. */
export function basisPointsOf(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * Basis points of a share as people type it: "55", "55,5", "55.25", "55 %"; null when it is not
 * a number above 0 and at most 100 with at most two decimals.
 */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** The populations of every unit of the tree (leaves as given, parents the sums), by code. */
export function populationsOf(nodes: readonly ShareNode[]): Map<string, number> {
  const children = childrenByParent(nodes);
  const entered = new Map(nodes.map((n) => [n.code, n.population ?? 0]));
  const result = new Map<string, number>();
  const visit = (code: string): number => {
    const kids = children.get(code) ?? [];
    const own = kids.length === 0 ? (entered.get(code) ?? 0) : kids.reduce((sum, kid) => sum + visit(kid.code), 0);
    result.set(code, own);
    return own;
  };
  for (const root of nodes.filter((n) => n.parentCode === null)) visit(root.code);
  return result;
}

/** The counts per unit code of a share (in basis points) of the subtree's eligible population. */
export function allocateShare(nodes: readonly ShareNode[], basisPoints: number): Map<string, number> {
  const children = childrenByParent(nodes);
  const population = populationsOf(nodes);
  const counts = new Map<string, number>();
  const split = (code: string, count: number) => {
    counts.set(code, count);
    const kids = children.get(code) ?? [];
    if (kids.length === 0) return;
    for (const [kid, share] of largestRemainder(count, kids.map((k) => ({ code: k.code, weight: population.get(k.code) ?? 0 })))) split(kid, share);
  };
  for (const root of nodes.filter((n) => n.parentCode === null)) {
    const p = BigInt(population.get(root.code) ?? 0);
    // half up: (p × bp + 5000) / 10000, in whole units
    split(root.code, Number((p * BigInt(basisPoints) + 5000n) / 10000n));
  }
  return counts;
}

/** `total` split among `parts` in proportion to their weights, by the largest-remainder method. */
export function largestRemainder(total: number, parts: readonly { code: string; weight: number }[]): Map<string, number> {
  const sum = parts.reduce((s, p) => s + BigInt(p.weight), 0n);
  const result = new Map<string, number>();
  if (sum === 0n) {
    // nobody to count: nothing can be asked of units without population
    for (const p of parts) result.set(p.code, 0);
    return result;
  }
  const quotas = parts.map((p) => {
    const numerator = BigInt(total) * BigInt(p.weight);
    return { ...p, whole: numerator / sum, remainder: numerator % sum };
  });
  let left = BigInt(total) - quotas.reduce((s, q) => s + q.whole, 0n);
  const order = [...quotas].sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : a.weight !== b.weight ? b.weight - a.weight : a.code.localeCompare(b.code));
  const extra = new Set<string>();
  for (const q of order) {
    if (left === 0n) break;
    extra.add(q.code);
    left -= 1n;
  }
  for (const q of quotas) result.set(q.code, Number(q.whole) + (extra.has(q.code) ? 1 : 0));
  return result;
}

function childrenByParent(nodes: readonly ShareNode[]): Map<string, ShareNode[]> {
  const children = new Map<string, ShareNode[]>();
  for (const node of nodes) {
    if (node.parentCode === null) continue;
    children.set(node.parentCode, [...(children.get(node.parentCode) ?? []), node]);
  }
  return children;
}
