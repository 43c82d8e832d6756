// The weekly report as an administrative document (Decree 30/2020/NĐ-CP): defaults derived
// from the unit's name, the date as the Decree writes it, recipients' punctuation, file names.
import { describe, expect, it } from "vitest";
import { defaultIssuing, documentDateParts, recipientLines, unitSlug } from "@/lib/reports/issuing";
import { reportFileStem, reportWords } from "@/lib/reports/text";
import { fixtureModel } from "../support/report-fixture";

describe("defaults from the unit's name", () => {
  it("a province: its police under the Ministry, the place its name without the type", () => {
    expect(defaultIssuing({ name: "Tỉnh Quảng Nam", level: 1, parentName: null })).toEqual({
      superiorBody: "BỘ CÔNG AN", issuingBody: "CÔNG AN TỈNH QUẢNG NAM", symbol: "CAQN", place: "Quảng Nam",
      recipients: ["Ban Chỉ đạo Đề án 06 Tỉnh Quảng Nam", "Lưu: VT"], signerTitle: ["GIÁM ĐỐC"], signerName: "",
    });
  });

  it("a district: its police under the province's", () => {
    const issuing = defaultIssuing({ name: "Huyện Núi Thành", level: 2, parentName: "Tỉnh Quảng Nam" });
    expect(issuing).toMatchObject({ superiorBody: "CÔNG AN TỈNH QUẢNG NAM", issuingBody: "CÔNG AN HUYỆN NÚI THÀNH", symbol: "CANT", place: "Núi Thành", signerTitle: ["TRƯỞNG CÔNG AN"] });
  });

  it("the national report: the steering committee in Hà Nội", () => {
    expect(defaultIssuing(null)).toMatchObject({ issuingBody: "BAN CHỈ ĐẠO ĐỀ ÁN 06", place: "Hà Nội" });
  });
});

describe("the date line", () => {
  it.each([
    { day: "2026-12-04", expected: { day: "04", month: "12", year: "2026" } },
    { day: "2023-06-12", expected: { day: "12", month: "6", year: "2023" } },
    { day: "2024-02-09", expected: { day: "09", month: "02", year: "2024" } },
    { day: "2024-01-31", expected: { day: "31", month: "01", year: "2024" } },
    { day: "2024-03-01", expected: { day: "01", month: "3", year: "2024" } },
  ])("$day → ngày $expected.day tháng $expected.month", ({ day, expected }) => {
    expect(documentDateParts(day)).toEqual(expected);
  });
});

describe("recipients", () => {
  it("each on its own line after a dash, ending in ';', the last in '.'", () => {
    expect(recipientLines(["Bộ Công an (C06)", "UBND tỉnh;", "Lưu: VT."])).toEqual(["- Bộ Công an (C06);", "- UBND tỉnh;", "- Lưu: VT."]);
  });
});

describe("file names", () => {
  it.each([
    { name: "Tỉnh Quảng Nam", expected: "quang-nam" },
    { name: "Thành phố Hội An", expected: "hoi-an" },
    { name: "Phường 1", expected: "phuong-1" },
    { name: "Đặc khu Côn Đảo", expected: "dac-khu-con-dao" },
  ])("$name → $expected", ({ name, expected }) => expect(unitSlug(name)).toBe(expected));

  it("name the unit and the week, not the unit's code next to the year", () => {
    expect(reportFileStem(fixtureModel, undefined, reportWords("vi"))).toBe("bao-cao-tuan-quang-nam-tuan-23-2023");
    expect(reportFileStem(fixtureModel, 7, reportWords("en"))).toBe("weekly-report-quang-nam-week-23-2023-issued-7");
    expect(reportFileStem({ ...fixtureModel, unit: { code: null, name: "Toàn quốc" } }, undefined, reportWords("vi"))).toBe("bao-cao-tuan-toan-quoc-tuan-23-2023");
  });
});
