// Agencies ranked by share of staff activated (lib/domain/agencies.ts): sub-agencies summed
// into their top agency, ties share a rank, unknown headcounts unranked, and every agency
// without this week's figure named.
import { describe, expect, it } from "vitest";
import { exceedsHeadcount, rankAgencies, type AgencyWeekNode } from "@/lib/domain/agencies";
import { agencyWeeklyFormSchema } from "@/lib/validation/agencies";

const node = (id: number, parentId: number | null, name: string, headcount: number | null, activated: number, reported = true, activatedBefore = 0): AgencyWeekNode =>
  ({ id, parentId, code: `C${id}`, name, headcount, activated, activatedBefore, reported });

describe("rankAgencies", () => {
  it("sums sub-agencies (at any depth) into their top agency", () => {
    const { rows } = rankAgencies([node(1, null, "Sở Y tế", 100, 90), node(2, 1, "Bệnh viện", 300, 150, true, 100), node(3, 2, "Khoa", 100, 60), node(4, null, "Sở Tài chính", 50, 40)]);
    expect(rows).toEqual([
      { rank: 1, code: "C4", name: "Sở Tài chính", headcount: 50, activated: 40, percent: 80, weekChange: 40, subAgencies: 0, reported: true },
      { rank: 2, code: "C1", name: "Sở Y tế", headcount: 500, activated: 300, percent: 60, weekChange: 200, subAgencies: 2, reported: true },
    ]);
  });

  it.each([
    { label: "equal shares share a rank, listed by name", nodes: [node(1, null, "Sở B", 10, 5), node(2, null, "Sở A", 20, 10), node(3, null, "Sở C", 10, 1)], expected: [[1, "Sở A"], [1, "Sở B"], [3, "Sở C"]] },
    { label: "no headcount: unranked, last", nodes: [node(1, null, "Sở A", null, 5), node(2, null, "Sở B", 10, 1)], expected: [[1, "Sở B"], [null, "Sở A"]] },
    { label: "the share is rounded half up to hundredths", nodes: [node(1, null, "Sở A", 62_600, 52_000)], expected: [[1, "Sở A"]] },
  ])("$label", ({ nodes, expected }) => {
    expect(rankAgencies(nodes).rows.map((r) => [r.rank, r.name])).toEqual(expected);
  });

  it("computes 83,07% for 52.000 of 62.600, and the total over every agency", () => {
    const ranking = rankAgencies([node(1, null, "Sở A", 62_600, 52_000), node(2, 1, "Trường", 400, 0, false)]);
    expect(ranking.rows[0].percent).toBe(82.54);
    expect([ranking.headcount, ranking.activated, ranking.percent]).toEqual([63_000, 52_000, 82.54]);
    expect(rankAgencies([node(1, null, "Sở A", 62_600, 52_000)]).percent).toBe(83.07);
  });

  it("names every agency without this week's figure, sub-agencies too, and marks their top agency not reported", () => {
    const ranking = rankAgencies([node(1, null, "Sở Y tế", 100, 90), node(2, 1, "Bệnh viện", 300, 150, false), node(3, null, "Sở Tư pháp", 80, 10, false), node(4, null, "Sở Tài chính", 50, 50)]);
    expect(ranking.notReported).toEqual([{ code: "C2", name: "Bệnh viện" }, { code: "C3", name: "Sở Tư pháp" }]);
    expect(ranking.rows.map((r) => [r.name, r.reported])).toEqual([["Sở Tài chính", true], ["Sở Y tế", false], ["Sở Tư pháp", false]]);
  });

  it("ranks a view's sub-agency whose parent is outside it as a top agency", () => {
    expect(rankAgencies([node(2, 1, "Bệnh viện", 300, 150)]).rows.map((r) => r.code)).toEqual(["C2"]);
  });
});

describe("exceedsHeadcount", () => {
  it.each([[100, 100, false], [101, 100, true], [0, 0, false], [5, null, false]] as const)("%d of %s: %s", (activated, headcount, expected) => {
    expect(exceedsHeadcount(activated, headcount)).toBe(expected);
  });
});

describe("agencyWeeklyFormSchema", () => {
  it("reads each agency's boxes, leaves out the empty ones, and keeps the version shown", () => {
    const parsed = agencyWeeklyFormSchema.parse({ week: "2026-W49", "activated.SYT": "90", "headcount.SYT": "120", "version.SYT": "3", "activated.BV": "", "headcount.BV": "10", "version.BV": "", "activated.CDC": "4", "version.CDC": "" });
    expect(parsed.week).toEqual({ year: 2026, week: 49 });
    expect(parsed.rows).toEqual([{ agencyCode: "SYT", activated: 90, headcount: 120, expectedVersion: 3 }, { agencyCode: "CDC", activated: 4, expectedVersion: null }]);
  });

  it("refuses a figure that is not a whole number, beside its box", () => {
    const parsed = agencyWeeklyFormSchema.safeParse({ week: "2026-W49", "activated.SYT": "1,5" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0].path).toEqual(["activated.SYT"]);
  });

  it("refuses a week that does not exist", () => {
    expect(agencyWeeklyFormSchema.safeParse({ week: "2026-W54" }).success).toBe(false);
  });
});
