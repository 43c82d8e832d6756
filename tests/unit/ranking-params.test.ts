import { describe, expect, it } from "vitest";
import { readRankingParams } from "@/lib/validation/ranking-params";
import { viewHref } from "@/components/dashboard/hrefs";

describe("readRankingParams", () => {
  it.each([
    { raw: {}, expected: { top: 3, bottom: 5, sort: "rank", dir: "asc" } },
    { raw: { top: "2", bottom: "1", sort: "percent" }, expected: { top: 2, bottom: 1, sort: "percent", dir: "desc" } },
    { raw: { sort: "name", dir: "desc", level: "3" }, expected: { top: 3, bottom: 5, sort: "name", dir: "desc", level: 3 } },
    { raw: { top: "-1", bottom: "x", sort: "drop table", dir: "up", level: "0" }, expected: { top: 3, bottom: 5, sort: "rank", dir: "asc" } },
    { raw: { top: ["4", "9"], bottom: "0" }, expected: { top: 4, bottom: 0, sort: "rank", dir: "asc" } },
  ])("$raw → each invalid value falls back to its default", ({ raw, expected }) => {
    expect(readRankingParams(raw)).toEqual(expected);
  });
});

describe("viewHref", () => {
  it("keeps the view in the URL and drops empty extras", () => {
    expect(viewHref("/units/49/rankings", { asOf: "2023-06-07", metric: "activated", campaign: "cao-diem-2023" }, { top: 3, sort: undefined, unit: "" }))
      .toBe("/units/49/rankings?asOf=2023-06-07&metric=activated&campaign=cao-diem-2023&top=3");
    expect(viewHref("/reporting", { asOf: "2023-06-07", metric: "cccd" }, { unit: "49" })).toBe("/reporting?asOf=2023-06-07&metric=cccd&unit=49");
  });
});
