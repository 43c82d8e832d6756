// The criticism rule (issue 24, point 4): bottom N, bottom N below X%, bottom N below the
// parent's own percent, and the words saying which rule picked the list.
import { describe, expect, it } from "vitest";
import { applyCriticismRule, criticismWords, DEFAULT_CRITICISM_RULE, type CriticismRule } from "@/lib/domain/criticism-rule";
import { formatPercent } from "@/lib/domain/format";
import { praiseSentence, rankRows } from "@/lib/domain/ranking";
import { MESSAGES } from "@/lib/i18n/messages";
import { createTranslator } from "use-intl/core";

/** Ranked rows from percents, named "Xã A", "Xã B", … in order. */
const ranking = (percents: (number | null)[]) =>
  rankRows(percents.map((percent, i) => ({ code: String(100 + i), name: `Xã ${String.fromCharCode(65 + i)}`, percent })));

// The example: 17 communes, all between 81% and 90%.
const SEVENTEEN = ranking([90, 89.5, 89, 88.4, 88, 87.2, 87, 86.5, 86, 85.1, 85, 84.3, 84, 83, 82.5, 82, 81]);

const codes = (rows: { code: string }[]) => rows.map((row) => row.code);

describe("applyCriticismRule", () => {
  it.each<{ label: string; rows: ReturnType<typeof ranking>; rule: CriticismRule; parent?: { name: string; percent: number | null }; criticised: string[] }>([
    { label: "bottom 5 (the default) criticises 5 of 17 communes at 81–90%", rows: SEVENTEEN, rule: DEFAULT_CRITICISM_RULE, criticised: ["116", "115", "114", "113", "112"] },
    { label: "below 80%: nobody among 17 communes at 81–90%", rows: SEVENTEEN, rule: { kind: "belowPercent", count: 5, threshold: 80 }, criticised: [] },
    { label: "below 83%: only the three under it, though N is 5", rows: SEVENTEEN, rule: { kind: "belowPercent", count: 5, threshold: 83 }, criticised: ["116", "115", "114"] },
    { label: "a unit exactly at the threshold is not below it", rows: ranking([95, 90, 80, 79.99]), rule: { kind: "belowPercent", count: 5, threshold: 80 }, criticised: ["103"] },
    { label: "below 86%: at most N of the nine under it, worst first", rows: SEVENTEEN, rule: { kind: "belowPercent", count: 2, threshold: 86 }, criticised: ["116", "115"] },
    { label: "below the parent's percent (85,20%)", rows: SEVENTEEN, parent: { name: "Huyện Núi Thành", percent: 85.2 }, rule: { kind: "belowParent", count: 10 }, criticised: ["116", "115", "114", "113", "112", "111", "110", "109"] },
    { label: "below the parent's percent, N smaller than those below", rows: SEVENTEEN, parent: { name: "Huyện Núi Thành", percent: 85.2 }, rule: { kind: "belowParent", count: 3 }, criticised: ["116", "115", "114"] },
    { label: "below the parent's percent when the parent has none: nobody", rows: SEVENTEEN, parent: { name: "Huyện Núi Thành", percent: null }, rule: { kind: "belowParent", count: 3 }, criticised: [] },
    { label: "fewer children than N: every child past the praised ones below the threshold", rows: ranking([95, 94, 93, 50, 40]), rule: { kind: "belowPercent", count: 5, threshold: 80 }, criticised: ["104", "103"] },
    { label: "fewer children than N under bottom N: all past the praised ones", rows: ranking([95, 94, 93, 85, 84]), rule: { kind: "bottom", count: 5 }, criticised: ["104", "103"] },
    { label: "fewer children than the praise list: nobody left to criticise", rows: ranking([50, 40]), rule: { kind: "belowPercent", count: 5, threshold: 80 }, criticised: [] },
    { label: "ties at the cut are taken as the ranking lists them (by name): the later name first", rows: ranking([95, 94, 93, 60, 50, 50]), rule: { kind: "belowPercent", count: 1, threshold: 80 }, criticised: ["105"] },
    { label: "tied units both below the threshold, both within N", rows: ranking([95, 94, 93, 60, 50, 50]), rule: { kind: "belowPercent", count: 2, threshold: 55 }, criticised: ["105", "104"] },
    { label: "units without a target are never criticised", rows: ranking([95, 94, 93, 10, null]), rule: { kind: "belowPercent", count: 5, threshold: 80 }, criticised: ["103"] },
    { label: "N = 0 criticises nobody", rows: SEVENTEEN, rule: { kind: "belowPercent", count: 0, threshold: 100 }, criticised: [] },
  ])("$label", ({ rows, rule, parent, criticised }) => {
    const result = applyCriticismRule(rows, rule, parent ?? null);
    expect(codes(result.criticised)).toEqual(criticised);
    // praise never changes with the criticism rule, and no unit is in both lists
    expect(codes(result.praised)).toEqual(codes(rows.slice(0, 3).filter((row) => row.rank !== null)));
    expect(result.criticised.filter((row) => codes(result.praised).includes(row.code))).toEqual([]);
  });

  it("says which threshold it applied: the stated one, the parent's percent, or none", () => {
    expect(applyCriticismRule(SEVENTEEN, DEFAULT_CRITICISM_RULE).rule).toEqual({ kind: "bottom", count: 5, threshold: null });
    expect(applyCriticismRule(SEVENTEEN, { kind: "belowPercent", count: 2, threshold: 80 }).rule).toEqual({ kind: "belowPercent", count: 2, threshold: 80 });
    expect(applyCriticismRule(SEVENTEEN, { kind: "belowParent", count: 2 }, { name: "Tỉnh Quảng Nam", percent: 85.2 }).rule)
      .toEqual({ kind: "belowParent", count: 2, threshold: 85.2, parentName: "Tỉnh Quảng Nam" });
  });
});

describe("the sentence says which rule was used", () => {
  const sentence = (locale: "vi" | "en", rule: CriticismRule, parent: { name: string; percent: number | null } | null = null, rows = SEVENTEEN) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "dashboard" });
    const percent = (value: number | null) => formatPercent(value, locale);
    const { praised, criticised, rule: applied } = applyCriticismRule(rows, rule, parent);
    const words = criticismWords(applied, criticised.length, percent, (key, values) => t(`criticismRule.${key}`, values), t("rankings.criticism"));
    return praiseSentence(praised, criticised, percent, { praise: t("rankings.praise"), ...words });
  };

  it.each([
    { label: "bottom N: as the sentence always read", rule: DEFAULT_CRITICISM_RULE, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Phê bình: Q (81,00%), P (82,00%), O (82,50%), N (83,00%), M (84,00%)." },
    { label: "below X% with units under it", rule: { kind: "belowPercent", count: 5, threshold: 83 } as const, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Phê bình 3 đơn vị thấp nhất có tỷ lệ dưới 83,00%: Q (81,00%), P (82,00%), O (82,50%)." },
    { label: "below X% with nobody under it: said plainly", rule: { kind: "belowPercent", count: 5, threshold: 80 } as const, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Không phê bình đơn vị nào: không có đơn vị nào có tỷ lệ dưới 80,00%." },
    { label: "below the parent's percent", rule: { kind: "belowParent", count: 2 } as const, parent: { name: "Tỉnh Quảng Nam", percent: 85.2 }, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Phê bình 2 đơn vị thấp nhất có tỷ lệ dưới tỷ lệ chung của Quảng Nam (85,20%): Q (81,00%), P (82,00%)." },
    { label: "below the parent's percent with nobody under it", rule: { kind: "belowParent", count: 2 } as const, parent: { name: "Tỉnh Quảng Nam", percent: 80 }, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Không phê bình đơn vị nào: không có đơn vị nào có tỷ lệ dưới tỷ lệ chung của Quảng Nam (80,00%)." },
    { label: "below the parent's percent, the parent without a target", rule: { kind: "belowParent", count: 2 } as const, parent: { name: "Tỉnh Quảng Nam", percent: null }, vi: "Biểu dương: A (90,00%), B (89,50%), C (89,00%); Không phê bình đơn vị nào: Quảng Nam chưa có chỉ tiêu nên chưa có tỷ lệ chung để so sánh." },
  ])("$label", ({ rule, parent, vi }) => {
    expect(sentence("vi", rule, parent ?? null)).toBe(vi);
  });

  it("in English, with the count's plural", () => {
    expect(sentence("en", { kind: "belowPercent", count: 5, threshold: 82 })).toBe("Praised: A (90.00%), B (89.50%), C (89.00%); Criticised, the 1 lowest unit below 82.00%: Q (81.00%).");
    expect(sentence("en", { kind: "belowPercent", count: 5, threshold: 80 })).toBe("Praised: A (90.00%), B (89.50%), C (89.00%); No unit criticised: none is below 80.00%.");
  });

  it("nobody ranked: no sentence, whatever the rule (the callers say so themselves)", () => {
    expect(sentence("vi", { kind: "belowPercent", count: 5, threshold: 80 }, null, ranking([null, null]))).toBe("");
  });
});
