// The reorganisation planner's rules (lib/domain/reorganisation-plan.ts) on tiny trees; the
// real lists in tests/integration/reorganisation.test.ts.
import { describe, expect, it } from "vitest";
import { m, withLocale } from "@/lib/i18n/message";
import { planReorganisation, type ChangeRow, type NewUnitRow, type OldUnit } from "@/lib/domain/reorganisation-plan";

const DATE = "2025-07-01";
const LEVELS = new Set([1, 2, 3, 4]);

let nextId = 1;
function tree(rows: [code: string, parent: string | null, kind: string][]): OldUnit[] {
  const units: OldUnit[] = [];
  for (const [code, parent, kind] of rows) {
    const up = parent ? units.find((u) => u.code === parent)! : null;
    units.push({ id: nextId++, code, name: `Old ${code}`, type: "T", level: up ? up.level + 1 : 1, kind, parentId: up?.id ?? null, path: `${up?.path ?? ""}${code}/`, dissolvedOn: null });
  }
  return units;
}
const fresh = (rows: [code: string, parent: string | null, level: number][]): NewUnitRow[] =>
  rows.map(([code, parentCode, level], i) => ({ line: i + 2, code, name: `New ${code}`, type: level === 1 ? "Tỉnh" : "Xã", parentCode, level }));
const change = (rows: [oldCode: string, newCode: string, part?: "full" | "partial", share?: number][]): ChangeRow[] =>
  rows.map(([oldCode, newCode, part = "full", share = null], i) => ({ line: i + 2, effectiveDate: DATE, oldCode, newCode, part, share }));

describe("planReorganisation", () => {
  const old = tree([["10", null, "province"], ["101", "10", "district"], ["10001", "101", "commune"], ["10002", "101", "commune"], ["20", null, "province"], ["201", "20", "district"], ["20001", "201", "commune"]]);

  it("continues a province mapped wholly onto its own code, not a commune moved up a level; the rest of the mapped provinces' trees end", () => {
    const plan = planReorganisation({
      date: DATE, levels: LEVELS, old,
      units: fresh([["10", null, 1], ["10001", "10", 2]]),
      changes: change([["10", "10"], ["20", "10"], ["10001", "10001"], ["10002", "10001", "partial", 0.5], ["20001", "10001", "partial"]]),
    });
    expect(plan.issues).toEqual([]);
    expect(plan.continuing.map((u) => u.code)).toEqual(["10"]);
    expect(plan.create).toEqual([{ code: "10001", name: "New 10001", type: "Xã", level: 2, kind: "commune", parentCode: "10", path: "10/10001/" }]);
    expect(plan.endingIds.map((id) => old.find((u) => u.id === id)!.code).sort()).toEqual(["10001", "10002", "101", "20", "20001", "201"]);
    expect(plan.summary).toMatchObject({ ending: 6, starting: 1, continuing: 1, successions: { full: 2, partial: 2, partialWithShare: 1 }, districtsAbolished: 2, noSuccessor: { count: 0 } });
  });

  it("does not continue a unit whose parent does not continue, and refuses its code while the old unit stays", () => {
    const plan = planReorganisation({
      date: DATE, levels: LEVELS, old,
      units: fresh([["30", null, 1], ["101", "30", 2]]),
      changes: change([["10001", "101"]]),
    });
    expect(plan.continuing).toEqual([]);
    expect(plan.issues).toEqual([{ file: "units", line: 3, reason: "codeInUse", params: { code: "101", name: "Old 101" } }]);
  });

  it.each([
    { label: "a code twice", units: [["10", null, 1], ["10", null, 1]] as const, changes: [["10", "10"]] as const, reason: "duplicateCode" },
    { label: "an unknown parent", units: [["10", null, 1], ["10009", "99", 2]] as const, changes: [["10", "10"]] as const, reason: "unknownParent" },
    { label: "a level that does not fit", units: [["10", null, 1], ["10009", "10", 3]] as const, changes: [["10", "10"]] as const, reason: "levelMismatch" },
    { label: "no parent below level 1", units: [["10", null, 1], ["10009", null, 2]] as const, changes: [["10", "10"]] as const, reason: "parentRequired" },
    { label: "a new code not in the list", units: [["10", null, 1]] as const, changes: [["10", "10"], ["20", "30"]] as const, reason: "newCodeUnknown" },
    { label: "a full row with another row", units: [["10", null, 1], ["10009", "10", 2]] as const, changes: [["10", "10"], ["10", "10009", "partial"]] as const, reason: "fullWithOthers" },
    { label: "a row twice", units: [["10", null, 1], ["10009", "10", 2]] as const, changes: [["10", "10"], ["10001", "10009", "partial"], ["10001", "10009", "partial"]] as const, reason: "duplicateChange" },
  ])("refuses $label", ({ units, changes, reason }) => {
    const plan = planReorganisation({ date: DATE, levels: LEVELS, old, units: fresh(units.map((u) => [...u])), changes: change(changes.map((c) => [...c] as [string, string, ("full" | "partial")?])) });
    expect(plan.issues.map((i) => i.reason)).toContain(reason);
  });

  it("leaves a unit that already ends on the date as it is, and lets a new unit take its code", () => {
    const endsThen = old.map((u) => (u.code === "10002" ? { ...u, dissolvedOn: DATE } : u));
    const plan = planReorganisation({
      date: DATE, levels: LEVELS, old: endsThen,
      units: fresh([["10", null, 1], ["10002", "10", 2]]),
      changes: change([["10", "10"], ["20", "10"], ["10001", "10002"], ["10002", "10002"]]),
    });
    expect(plan.issues).toEqual([]);
    expect(plan.endingIds.map((id) => old.find((u) => u.id === id)!.code).sort()).toEqual(["10001", "101", "20", "20001", "201"]);
    expect(plan.create.map((u) => u.code)).toEqual(["10002"]);
    expect(plan.successions.map((s) => [old.find((u) => u.id === s.predecessorId)!.code, s.successorCode]).sort()).toEqual([["10001", "10002"], ["10002", "10002"], ["20", "10"]]);
  });

  it("refuses another effective date and a unit that already ends later", () => {
    const ending = old.map((u) => (u.code === "10002" ? { ...u, dissolvedOn: "2025-09-01" } : u));
    const plan = planReorganisation({
      date: DATE, levels: LEVELS, old: ending, units: fresh([["10", null, 1]]),
      changes: [...change([["10", "10"]]), { line: 3, effectiveDate: "2025-06-30", oldCode: "10001", newCode: "10", part: "full", share: null }],
    });
    expect(plan.issues.map((i) => [i.reason, i.params])).toEqual([
      ["otherDate", { date: "2025-06-30", expected: DATE }],
      ["endsLater", { code: "10002", name: "Old 10002", date: "31/08/2025" }],
    ]);
  });

  it("names a unit to end that is in neither file by its code and name, with no file or line; one in the mapping on its first row", () => {
    // 10002 ends because its province does (in neither file); 10001 is on the mapping's line 3
    const ending = old.map((u) => (u.code === "10002" || u.code === "10001" ? { ...u, dissolvedOn: "2025-09-01" } : u));
    const plan = planReorganisation({ date: DATE, levels: LEVELS, old: ending, units: fresh([["10", null, 1]]), changes: change([["10", "10"], ["10001", "10"]]) });
    expect(plan.issues).toEqual([
      { file: "changes", line: 3, reason: "endsLater", params: { code: "10001", name: "Old 10001", date: "31/08/2025" } },
      { file: null, line: 0, reason: "endsLater", params: { code: "10002", name: "Old 10002", date: "31/08/2025" } },
    ]);
    expect(withLocale("vi", () => m("validation.reorganisation.endsLater", plan.issues[1].params))).toBe("Đơn vị Old 10002 (10002) đã có ngày kết thúc 31/08/2025; bỏ ngày đó trước khi sắp xếp.");
    expect(withLocale("en", () => m("validation.reorganisation.endsLater", plan.issues[1].params))).toBe("Unit Old 10002 (10002) already ends on 31/08/2025; remove that end before the reorganisation.");
  });

  it("leaves a province an earlier load started on the date as it is, with its units and the mapping rows into them, and plans the others", () => {
    const units = fresh([["10", null, 1], ["10001", "10", 2], ["30", null, 1], ["30001", "30", 2]]);
    const changes = change([["10", "10"], ["10001", "10001"], ["20", "30"], ["20001", "30001"]]);
    const plan = planReorganisation({ date: DATE, levels: LEVELS, old, units, changes, started: new Set(["10"]) });
    expect(plan.issues).toEqual([]);
    expect(plan.summary.alreadyLoaded).toEqual([{ code: "10", name: "New 10" }]);
    expect(plan.create.map((u) => u.code)).toEqual(["30", "30001"]);
    expect(plan.continuing).toEqual([]);
    // province 10's old tree is not this load's to end: only what maps into 30 does
    expect(plan.endingIds.map((id) => old.find((u) => u.id === id)!.code).sort()).toEqual(["20", "20001", "201"]);
    expect(plan.successions.map((s) => s.successorCode).sort()).toEqual(["30", "30001"]);

    // every province loaded already: nothing to write, said once
    const again = planReorganisation({ date: DATE, levels: LEVELS, old, units, changes, started: new Set(["10", "30"]) });
    expect(again.issues).toEqual([{ file: null, line: 0, reason: "allLoaded", params: { date: "01/07/2025" } }]);
    expect(withLocale("vi", () => m("validation.reorganisation.allLoaded", again.issues[0].params))).toBe("Mọi tỉnh, thành phố trong tệp đã được nạp với ngày 01/07/2025; không có gì để ghi.");
  });
});
