// Each renderer's file, opened with a parser, says what the model says.
import { describe, expect, it, vi } from "vitest";
import { chartLegend, chartSvg, layoutChart } from "@/lib/reports/chart";
import { renderCsv } from "@/lib/reports/csv";
import { columnsFor, headerOf, RANKING_COLUMNS } from "@/lib/reports/columns";
import { renderDocx } from "@/lib/reports/docx";
import { renderPdf } from "@/lib/reports/pdf";
import { renderXlsx } from "@/lib/reports/xlsx";
import { RENDERERS, REPORT_FORMATS, type ReportFormat } from "@/lib/reports/render";
import { formatPoints, formatRankChange, formatSigned, reportWords } from "@/lib/reports/text";
import { FIXTURE_SENTENCE, fixtureEnvelope, fixtureIssued, fixtureModel } from "../support/report-fixture";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";

// Rendering and parsing whole documents (and compiling the rasteriser once) takes seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

describe("xlsx", () => {
  it("has one sheet per section with real numbers, number formats, frozen headers and widths", async () => {
    const { sheets, book } = await readXlsx(await renderXlsx(fixtureEnvelope, "vi"));
    expect([...sheets.keys()]).toEqual(["Tổng hợp", "Xếp hạng", "Biểu dương - Phê bình", "Chưa báo cáo", "Xu hướng"]);

    const ranking = book.getWorksheet("Xếp hạng")!;
    expect(ranking.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ranking.getColumn(3).width).toBeGreaterThan(20);
    expect(ranking.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait" });
    const rows = sheets.get("Xếp hạng")!;
    expect(rows[2]).toEqual(["Hạng", "Mã", "Đơn vị", "Chỉ tiêu", "Lũy kế", "Tỷ lệ", "Tăng trong tuần", "Tăng (điểm %)", "Thay đổi hạng", "Báo cáo đến"]);
    const nuiThanh = rows.find((r) => r[1] === "517")!;
    expect(nuiThanh.slice(0, 5)).toEqual([2, "517", "Huyện Núi Thành", 62_600, 52_000]);
    expect(nuiThanh[5]).toBeCloseTo(0.8307, 10);
    expect(ranking.getCell(4 + 1, 6).numFmt).toBe("0.00%");
    expect(ranking.getCell(4 + 1, 4).numFmt).toBe("#,##0");
    expect(nuiThanh[9]).toEqual(new Date("2023-06-11T00:00:00Z"));
    const unranked = rows.find((r) => r[1] === "519")!;
    expect(unranked[0]).toBeNull();
    expect(unranked[5]).toBeNull();

    const summary = sheets.get("Tổng hợp")!;
    expect(summary.flat()).toContain("Tỉnh Quảng Nam");
    expect(summary.flat().join(" ")).toContain("Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023");
    const activated = summary.find((r) => r[0] === "Tài khoản đã kích hoạt")!;
    expect(activated.slice(1, 3)).toEqual([738_291, 186_568]);
    expect(activated[3]).toBeCloseTo(0.2527, 10);
    expect(book.getWorksheet("Tổng hợp")!.views[0]).toMatchObject({ state: "frozen" });

    expect(sheets.get("Biểu dương - Phê bình")!.slice(3)).toEqual([["Biểu dương", "502", "Thành phố Hội An", 1.1534], ["Phê bình", "506", "Huyện Đông Giang", 0.1619]]);
    expect(sheets.get("Chưa báo cáo")![3]).toEqual(["506", "Huyện Đông Giang", "10/06, 11/06", 2, 11]);
    const trend = sheets.get("Xu hướng")!;
    expect(trend.length).toBe(3 + fixtureModel.trend.length);
    expect(trend[3]).toEqual([new Date("2023-05-15T00:00:00Z"), 150_000, 140_000]);
  });
});

describe("csv", () => {
  it("is UTF-8 with a BOM, with machine-readable figures and Vietnamese names", () => {
    const buffer = renderCsv(fixtureEnvelope, "vi");
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { bom, rows } = readCsv(buffer);
    expect(bom).toBe(true);
    expect(rows[0]).toEqual(["BÁO CÁO TUẦN"]);
    expect(rows).toContainEqual(["2", "517", "Huyện Núi Thành", "62600", "52000", "83.07", "1500", "2.4", "1", "2023-06-11"]);
    expect(rows).toContainEqual(["", "519", "Huyện Nông Sơn", "", "900", "", "0", "", "", ""]);
    expect(rows).toContainEqual(["Phê bình", "506", "Huyện Đông Giang", "16.19"]);
    expect(rows).toContainEqual(["activated", "Tài khoản đã kích hoạt", "738291", "186568", "25.27", "9100", "1.23", "2023-06-30", "2023-06-30", "738291", "at-risk", "211268"]);
    expect(rows.find((r) => r[0] === "Kết luận")![1]).toBe(FIXTURE_SENTENCE);
  });

  it("quotes cells holding commas or quotes", () => {
    const { rows } = readCsv(renderCsv({ ...fixtureEnvelope, model: { ...fixtureModel, unit: { code: "49", name: 'Tỉnh "A", B' } } }, "vi"));
    expect(rows).toContainEqual(["Đơn vị", 'Tỉnh "A", B']);
  });
});

describe("pdf", () => {
  it("is A4 portrait with the font embedded, page numbers and the Vietnamese text", async () => {
    const buffer = await renderPdf(fixtureIssued, "vi");
    expect(buffer.subarray(0, 5).toString()).toBe("%PDF-");
    expect(buffer.toString("latin1")).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(buffer.toString("latin1")).toMatch(/\/FontFile2/);
    expect(buffer.toString("latin1")).toMatch(/BeVietnamPro-Regular/);
    const { pages, text } = await readPdf(buffer);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    pages.forEach((page, i) => expect(page).toContain(`Trang ${i + 1}/${pages.length}`));
    for (const expected of ["BÁO CÁO TUẦN", "Tỉnh Quảng Nam", "Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023", "Huyện Núi Thành", "Huyện Đông Giang", "Thành phố Hội An", "83,07%", "115,34%", "52.000", "62.600", "738.291", "186.568", "25,27%", "+9.100", "Tăng 1 bậc", "Nguy cơ (dự kiến 211.268", FIXTURE_SENTENCE, "Báo cáo đã ban hành", "Lũy kế thực hiện"]) {
      expect(text.replace(/\s+/g, " ")).toContain(expected);
    }
  });

  it("is headed and signed as an administrative document, and words praise and criticism once", async () => {
    const { pages, text } = await readPdf(await renderPdf(fixtureEnvelope, "vi"));
    const flat = text.replace(/\s+/g, " ");
    const first = pages[0].replace(/\s+/g, " ");
    for (const expected of ["BỘ CÔNG AN", "CÔNG AN TỈNH QUẢNG NAM", "Số: /BC-CAT-PV06", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Quảng Nam, ngày 12 tháng 6 năm 2023"]) {
      expect(first).toContain(expected);
    }
    for (const expected of ["Nơi nhận:", "- Bộ Công an (C06);", "- UBND tỉnh Quảng Nam;", "- Lưu: VT, PV06.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]) {
      expect(pages.at(-1)!.replace(/\s+/g, " ")).toContain(expected);
    }
    expect(flat.split("Hội An (115,34%)").length - 1).toBe(1);
    expect(flat).not.toContain("Biểu dương: Thành phố Hội An");
  });

  it("in English, the head's date is written as every other date", async () => {
    const { pages } = await readPdf(await renderPdf(fixtureEnvelope, "en"));
    expect(pages[0].replace(/\s+/g, " ")).toContain("Quảng Nam, 12/06/2023");
  });
});

describe("docx", () => {
  it("has headings, real tables, the chart as PNG, page numbers and the Vietnamese text", async () => {
    const { xml, text, files } = await readDocx(await renderDocx(fixtureEnvelope, "vi"));
    expect(files.some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain("<w:tblHeader/>");
    for (const expected of ["BÁO CÁO TUẦN", "Tỉnh Quảng Nam", "Thứ Hai 05/06/2023 – Chủ Nhật 11/06/2023", "Huyện Núi Thành", "83,07%", "52.000", "62.600", "115,34%", "Giảm 1 bậc", FIXTURE_SENTENCE]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain("Huyện Núi Thành\t62.600\t52.000\t83,07%\t+1.500\tTăng 1 bậc\t11/06/2023");
  });

  it("is headed and signed as an administrative document, and words praise and criticism once", async () => {
    const { text } = await readDocx(await renderDocx(fixtureEnvelope, "vi"));
    expect(text).toContain("BỘ CÔNG AN\nCÔNG AN TỈNH QUẢNG NAM\nSố:        /BC-CAT-PV06\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nQuảng Nam, ngày 12 tháng 6 năm 2023");
    expect(text).toContain("Nơi nhận:\n- Bộ Công an (C06);\n- UBND tỉnh Quảng Nam;\n- Lưu: VT, PV06.\tKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n");
    expect(text).toContain("Nguyễn Văn An");
    expect(text.split("Hội An (115,34%)").length - 1).toBe(1);
  });

  it("an issued report says it is frozen", async () => {
    const { text } = await readDocx(await renderDocx(fixtureIssued, "vi"));
    expect(text).toContain("Báo cáo đã ban hành");
    expect(text).toContain("Ngày ban hành: 12/06/2023 09:00");
  });
});

describe("wording and chart", () => {
  it.each([
    { value: 1234, expected: "+1.234" }, { value: -12, expected: "-12" }, { value: 0, expected: "0" },
  ])("formatSigned($value)", ({ value, expected }) => expect(formatSigned(value, reportWords("vi"))).toBe(expected));

  it.each([
    { value: 1.5, expected: "+1,50 điểm" }, { value: -0.06, expected: "-0,06 điểm" }, { value: 0, expected: "0,00 điểm" }, { value: null, expected: "—" },
  ])("formatPoints($value)", ({ value, expected }) => expect(formatPoints(value, reportWords("vi"))).toBe(expected));

  it.each([
    { value: 2, expected: "Tăng 2 bậc" }, { value: -1, expected: "Giảm 1 bậc" }, { value: 0, expected: "Giữ nguyên" }, { value: null, expected: "—" },
  ])("formatRankChange($value)", ({ value, expected }) => expect(formatRankChange(value, reportWords("vi"))).toBe(expected));

  it("lays out both series inside the plot, on a scale from zero to a round number above the largest value", () => {
    const layout = layoutChart(fixtureModel.trend, 500, 200, "vi");
    expect(layout.actual).toHaveLength(fixtureModel.trend.length);
    expect(layout.planned).toHaveLength(fixtureModel.trend.length);
    for (const [x, y] of [...layout.actual, ...layout.planned]) {
      expect(x).toBeGreaterThanOrEqual(layout.plot.left);
      expect(x).toBeLessThanOrEqual(layout.plot.right);
      expect(y).toBeGreaterThanOrEqual(layout.plot.top);
      expect(y).toBeLessThanOrEqual(layout.plot.bottom);
    }
    expect(layout.yTicks[0].label).toBe("0");
    expect(layout.yTicks.at(-1)!.label).toBe("200.000");
    expect(chartSvg(layout, chartLegend(reportWords("vi")))).toContain("Lũy kế thực hiện");
  });

  // Issue 24.13: "29/11", the last day, was centred on the plot's right edge and cut off.
  it.each([7, 8, 30])("keeps every date label of a %i-day chart inside the chart", (days) => {
    const trend = Array.from({ length: days }, (_, i) => ({ ...fixtureModel.trend[0], day: `2026-11-${String(i + 1).padStart(2, "0")}` }));
    const width = 500;
    const layout = layoutChart(trend, width, 200, "vi");
    const labelWidth = 40; // the box the PDF writes a label in, wider than the SVG's text
    for (const tick of layout.xTicks) {
      const [from, to] = tick.align === "end" ? [tick.x - labelWidth, tick.x] : [tick.x - labelWidth / 2, tick.x + labelWidth / 2];
      expect(from, tick.label).toBeGreaterThanOrEqual(0);
      expect(to, tick.label).toBeLessThanOrEqual(width);
    }
    expect(layout.xTicks.at(-1)).toMatchObject({ label: `${String(days).padStart(2, "0")}/11`, align: "end" });
    expect(chartSvg(layout, chartLegend(reportWords("vi")))).toContain(`text-anchor="end" font-family`);
  });
});

describe("one renderer per format, one column spec per table", () => {
  it("has a renderer for every format; a format without one does not type-check", () => {
    // @ts-expect-error: a renderer table without csv is refused by the compiler
    const partial: Record<ReportFormat, unknown> = { xlsx: renderXlsx, pdf: renderPdf, docx: renderDocx };
    expect(Object.keys(partial)).toHaveLength(3);
    expect(Object.keys(RENDERERS).sort()).toEqual([...REPORT_FORMATS].sort());
  });

  it("words the ranking's headers the same in every document and names the data columns in the CSV", async () => {
    const w = reportWords("vi");
    const csv = (await renderCsv(fixtureEnvelope, "vi")).toString("utf8");
    expect(csv).toContain(columnsFor(RANKING_COLUMNS, "csv").map((c) => headerOf(c, "csv", w)).join(","));
    expect(columnsFor(RANKING_COLUMNS, "document").map((c) => headerOf(c, "document", w)))
      .toEqual(["Hạng", "Mã", "Đơn vị", "Chỉ tiêu", "Lũy kế", "Tỷ lệ", "Tăng trong tuần", "Thay đổi hạng", "Báo cáo đến"]);
  });
});
