import { describe, expect, it } from "vitest";
import { effectiveTargets, pickDueDate, type TargetNode } from "@/lib/domain/milestones";

describe("pickDueDate", () => {
  const DUES = ["2023-06-30", "2023-06-15", "2023-06-15", "2023-07-31"];

  it.each([
    { asOf: "2023-01-01", expected: "2023-06-15", why: "before all: the first" },
    { asOf: "2023-06-14", expected: "2023-06-15", why: "the day before a milestone" },
    { asOf: "2023-06-15", expected: "2023-06-15", why: "on a milestone: that one" },
    { asOf: "2023-06-16", expected: "2023-06-30", why: "the day after: the next" },
    { asOf: "2023-06-30", expected: "2023-06-30", why: "on the second" },
    { asOf: "2023-07-31", expected: "2023-07-31", why: "on the last" },
    { asOf: "2023-08-01", expected: "2023-07-31", why: "all past: the last" },
    { asOf: "2030-01-01", expected: "2023-07-31", why: "far future: the last" },
  ])("on $asOf → $expected ($why)", ({ asOf, expected }) => {
    expect(pickDueDate(DUES, asOf)).toBe(expected);
  });

  it.each([
    { dues: [], asOf: "2023-06-01", expected: null },
    { dues: ["2023-06-30"], asOf: "2023-06-01", expected: "2023-06-30" },
    { dues: ["2023-06-30"], asOf: "2023-07-01", expected: "2023-06-30" },
    { dues: ["2023-06-30", "2023-06-30", "2023-06-30"], asOf: "2023-07-01", expected: "2023-06-30" },
    { dues: ["2023-12-31", "2023-01-31"], asOf: "2023-02-01", expected: "2023-12-31" },
    { dues: ["2024-01-01", "2023-12-31"], asOf: "2024-01-01", expected: "2024-01-01" },
  ])("$dues on $asOf → $expected", ({ dues, asOf, expected }) => {
    expect(pickDueDate(dues, asOf)).toBe(expected);
  });

  it("does not reorder the array it is given", () => {
    const dues = ["2023-06-30", "2023-06-15"];
    pickDueDate(dues, "2023-06-01");
    expect(dues).toEqual(["2023-06-30", "2023-06-15"]);
  });
});

describe("effectiveTargets", () => {
  const n = (code: string, parentCode: string | null, ownTarget: number | null): TargetNode => ({ code, parentCode, ownTarget });

  it.each<{ label: string; nodes: TargetNode[]; expected: Record<string, number | null> }>([
    { label: "no units", nodes: [], expected: {} },
    { label: "a lone unit with a target", nodes: [n("49", null, 500)], expected: { "49": 500 } },
    { label: "a lone unit without a target", nodes: [n("49", null, null)], expected: { "49": null } },
    {
      label: "own target wins over the children's",
      nodes: [n("49", null, 1000), n("517", "49", 300), n("518", "49", 400)],
      expected: { "49": 1000, "517": 300, "518": 400 },
    },
    {
      label: "own target of 0 still wins",
      nodes: [n("49", null, 0), n("517", "49", 300)],
      expected: { "49": 0, "517": 300 },
    },
    {
      label: "parent without own target = sum of children",
      nodes: [n("49", null, null), n("517", "49", 300), n("518", "49", 400)],
      expected: { "49": 700, "517": 300, "518": 400 },
    },
    {
      label: "children partially without targets: only those with one count",
      nodes: [n("517", null, null), n("21001", "517", 200), n("21002", "517", null), n("21003", "517", 50)],
      expected: { "517": 250, "21001": 200, "21002": null, "21003": 50 },
    },
    {
      label: "null when no descendant has a target",
      nodes: [n("49", null, null), n("517", "49", null), n("21001", "517", null)],
      expected: { "49": null, "517": null, "21001": null },
    },
    {
      label: "recursion through 3 levels",
      nodes: [
        n("49", null, null),
        n("517", "49", null),
        n("21001", "517", 100),
        n("21002", "517", 200),
        n("518", "49", null),
        n("21101", "518", 5),
      ],
      expected: { "49": 305, "517": 300, "21001": 100, "21002": 200, "518": 5, "21101": 5 },
    },
    {
      label: "recursion through 4 levels with mixed own targets",
      nodes: [
        n("1", null, null),
        n("2", "1", null),
        n("3", "2", null),
        n("4", "3", 7),
        n("5", "2", 1000),
        n("6", "5", 1),
        n("7", "1", null),
      ],
      expected: { "1": 1007, "2": 1007, "3": 7, "4": 7, "5": 1000, "6": 1, "7": null },
    },
    {
      label: "the province example",
      nodes: [
        n("49", null, null),
        n("517", "49", 1000),
        n("20965", "517", 300),
        n("518", "49", null),
        n("21001", "518", 200),
        n("21002", "518", null),
        n("519", "49", null),
      ],
      expected: { "49": 1200, "517": 1000, "20965": 300, "518": 200, "21001": 200, "21002": null, "519": null },
    },
    {
      label: "children listed before their parents",
      nodes: [n("21001", "517", 100), n("21002", "517", 200), n("517", "49", null), n("49", null, null)],
      expected: { "21001": 100, "21002": 200, "517": 300, "49": 300 },
    },
    {
      label: "a unit whose parent is not in the list is a root",
      nodes: [n("517", "49", null), n("21001", "517", 100)],
      expected: { "517": 100, "21001": 100 },
    },
  ])("$label", ({ nodes, expected }) => {
    const result = effectiveTargets(nodes);
    expect(Object.fromEntries(result)).toEqual(expected);
    expect(result.size).toBe(Object.keys(expected).length);
  });
});
