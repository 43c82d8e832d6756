import { describe, expect, it } from "vitest";
import { checkTargetSum, type TargetSumInput } from "@/lib/domain/target-sums";

const unit = (code: string, target: number | null): TargetSumInput => ({ code, name: `Đơn vị ${code}`, target });

describe("children's targets against the parent's", () => {
  it.each([
    { label: "add up exactly", parent: 100, children: [60, 40], warning: null },
    { label: "parent without a target", parent: null, children: [60, 40], warning: null },
    { label: "no child has a target yet", parent: 100, children: [null, null], warning: null },
    { label: "no children", parent: 100, children: [], warning: null },
    { label: "short of the parent", parent: 100, children: [60, 30], warning: { childrenSum: 90, difference: -10, missing: [] } },
    { label: "above the parent", parent: 100, children: [60, 50], warning: { childrenSum: 110, difference: 10, missing: [] } },
    { label: "adds up but a child has none", parent: 100, children: [100, null], warning: { childrenSum: 100, difference: 0, missing: ["Đơn vị c1"] } },
  ])("$label", ({ parent, children, warning }) => {
    const result = checkTargetSum(unit("p", parent), children.map((t, i) => unit(`c${i}`, t)));
    if (warning === null) expect(result).toBeNull();
    else expect(result).toEqual({ unitCode: "p", unitName: "Đơn vị p", parentTarget: parent, ...warning });
  });
});
