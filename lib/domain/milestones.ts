/**
 * The milestone that counts on `asOf`: the first due on or after it, or the last one once
 * all are past. `null` when the campaign has no milestone.
 */
export function pickDueDate(dueDates: readonly string[], asOf: string): string | null {
  if (dueDates.length === 0) return null;
  const sorted = [...new Set(dueDates)].sort();
  return sorted.find((due) => due >= asOf) ?? sorted[sorted.length - 1];
}

export interface TargetNode {
  code: string;
  parentCode: string | null;
  ownTarget: number | null;
}

/**
 * Effective targets: a unit's own target, or else the sum of its children's effective
 * targets (recursively); `null` when neither it nor any descendant has one.
 */
export function effectiveTargets(nodes: readonly TargetNode[]): Map<string, number | null> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parentCode === null) continue;
    const list = children.get(node.parentCode) ?? [];
    list.push(node.code);
    children.set(node.parentCode, list);
  }
  const own = new Map(nodes.map((node) => [node.code, node.ownTarget]));
  const result = new Map<string, number | null>();
  const resolve = (code: string): number | null => {
    if (result.has(code)) return result.get(code) ?? null;
    const mine = own.get(code);
    let value: number | null = mine ?? null;
    if (value === null) {
      for (const child of children.get(code) ?? []) {
        const childTarget = resolve(child);
        if (childTarget !== null) value = (value ?? 0) + childTarget;
      }
    }
    result.set(code, value);
    return value;
  };
  for (const node of nodes) resolve(node.code);
  return result;
}
