// CSV injection (OWASP): text a spreadsheet would run as a formula is neutralised in every CSV
// the product writes; numbers, negative ones included, stay numbers.
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/reports/csv-cell";
import { renderCsv } from "@/lib/reports/csv";
import { fixtureEnvelope, fixtureModel } from "../support/report-fixture";
import { readCsv } from "../support/report-files";

describe("csv cells", () => {
  it.each([
    { label: "=", text: "=HYPERLINK(\"http://evil.example\",\"Xã A\")", cell: "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Xã A\"\")\"" },
    { label: "+", text: "+1+cmd|' /C calc'!A0", cell: "\"'+1+cmd|' /C calc'!A0\"" },
    { label: "-", text: "-2+3", cell: "\"'-2+3\"" },
    { label: "@", text: "@SUM(A1:A9)", cell: "\"'@SUM(A1:A9)\"" },
    { label: "tab", text: "\t=1+1", cell: "\"'\t=1+1\"" },
    { label: "carriage return", text: "\r=1+1", cell: "\"'\r=1+1\"" },
    { label: "= after spaces", text: "  =1+1", cell: "\"'  =1+1\"" },
  ])("neutralises a text cell starting with $label", ({ text, cell }) => {
    expect(csvCell(text)).toBe(cell);
  });

  it("leaves ordinary text, numbers and empty cells as they were", () => {
    expect(csvLine(["Xã Tam Nghĩa", -12, -0.06, 0, 83.07, null, "2023-06-11", "a, b", "Phường 1-2"]))
      .toBe('Xã Tam Nghĩa,-12,-0.06,0,83.07,,2023-06-11,"a, b",Phường 1-2');
  });

  it("neutralises names in the weekly report, keeps them readable, and keeps its negative figures numbers", () => {
    const hostile = { ...fixtureModel, unit: { code: "49", name: "=cmd|'/C calc'!A0" }, campaign: { ...fixtureModel.campaign!, name: "@evil" },
      ranking: fixtureModel.ranking.map((row, i) => (i === 0 ? { ...row, name: "+Xã A" } : row)) };
    const { rows } = readCsv(renderCsv({ ...fixtureEnvelope, model: hostile }, "vi"));
    const dangerous = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell));
    expect(dangerous).toEqual([]);
    expect(rows).toContainEqual(["Đơn vị", "'=cmd|'/C calc'!A0"]);
    expect(rows.flat()).toContain("'@evil");
    expect(rows.flat()).toContain("'+Xã A");
    expect(rows).toContainEqual(expect.arrayContaining(["506", "Huyện Đông Giang", "-12", "-0.06", "-1"]));
  });
});
