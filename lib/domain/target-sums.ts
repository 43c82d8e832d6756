// Whether the children's targets add up to their parent's, for one milestone (campaign,
// metric, due date). Targets are assigned top-down and the province expects its districts'
// targets to share out its own exactly; a difference is worth a warning, not a refusal
// (a province may keep a reserve, or assign more than it was given).

export interface TargetSumInput {
  code: string;
  name: string;
  target: number | null;
}

export interface TargetSumWarning {
  unitCode: string;
  unitName: string;
  parentTarget: number;
  childrenSum: number;
  /** childrenSum − parentTarget */
  difference: number;
  /** children without a target of their own for this milestone */
  missing: string[];
}

/** A warning when some child has a target and the children's targets do not add up to the parent's. */
export function checkTargetSum(parent: TargetSumInput, children: TargetSumInput[]): TargetSumWarning | null {
  if (parent.target === null || children.length === 0) return null;
  const withTarget = children.filter((c) => c.target !== null);
  if (withTarget.length === 0) return null;
  const childrenSum = withTarget.reduce((sum, c) => sum + (c.target ?? 0), 0);
  const missing = children.filter((c) => c.target === null).map((c) => c.name);
  if (childrenSum === parent.target && missing.length === 0) return null;
  return { unitCode: parent.code, unitName: parent.name, parentTarget: parent.target, childrenSum, difference: childrenSum - parent.target, missing };
}
