// Units are named by what they are (their kind), never by their depth: a 2025 province's
// children are communes at level 2, and its report says "các xã, phường", not "các đơn vị"
// nor "các huyện". A report issued before the kind was kept reads as it was issued.
import { describe, expect, it, vi } from "vitest";
import { kindKey } from "@/components/dashboard/levels";
import { renderCsv } from "@/lib/reports/csv";
import { renderDocx } from "@/lib/reports/docx";
import { commonKind, knownKind } from "@/lib/reports/kind-words";
import { readStoredModel } from "@/lib/reports/model";
import { renderPdf } from "@/lib/reports/pdf";
import { kindSection, reportWords } from "@/lib/reports/text";
import { renderXlsx } from "@/lib/reports/xlsx";
import { MESSAGES } from "@/lib/i18n/messages";
import { fixtureEnvelope, fixtureModel } from "../support/report-fixture";
import { readCsv, readDocx, readPdf, readXlsx } from "../support/report-files";

vi.setConfig({ testTimeout: 60_000 });

const vi_ = reportWords("vi");
const en = reportWords("en");
const communes = { ...fixtureEnvelope, model: { ...fixtureModel, childKind: "commune" } };

describe("kind words", () => {
  it("knows the four kinds and nothing else", () => {
    expect(knownKind("commune")).toBe("commune");
    expect(knownKind("district")).toBe("district");
    expect(knownKind("ward")).toBeNull();
    expect(knownKind(null)).toBeNull();
    expect(kindKey("commune")).toBe("commune");
    expect(kindKey(undefined)).toBe("children");
  });

  it("finds the one kind of a set, null when mixed or empty", () => {
    expect(commonKind(Array(94).fill("commune"))).toBe("commune");
    expect(commonKind(["district", "commune"])).toBeNull();
    expect(commonKind([])).toBeNull();
    expect(commonKind(["commune", null])).toBeNull();
  });

  it("names the report's sections by the children's kind, in both languages", () => {
    expect(kindSection({ childKind: "commune" }, "ranking", vi_)).toBe("II. Xếp hạng các xã, phường");
    expect(kindSection({ childKind: "commune" }, "missing", vi_)).toBe("IV. Các xã, phường chưa báo cáo đủ các ngày trong tuần");
    expect(kindSection({ childKind: "district" }, "ranking", vi_)).toBe("II. Xếp hạng các huyện, quận, thị xã, thành phố");
    expect(kindSection({ childKind: "province" }, "allReportedPage", vi_)).toBe("Tất cả các tỉnh, thành phố đã báo cáo đủ các ngày trong tuần.");
    expect(kindSection({ childKind: "commune" }, "ranking", en)).toBe("II. Ranking of the communes and wards");
  });

  it("keeps an older issued report's wording: no kind, the plain 'các đơn vị'", () => {
    const frozen = readStoredModel(JSON.parse(JSON.stringify(fixtureModel)))!;
    expect(frozen.childKind).toBeUndefined();
    expect(kindSection(frozen, "ranking", vi_)).toBe(MESSAGES.vi.reports.sections.ranking);
    expect(kindSection(frozen, "allReportedDocument", vi_)).toBe(MESSAGES.vi.reports.document.allReported);
    // mixed kinds (null) also fall back to "units"
    expect(kindSection({ childKind: null }, "missing", en)).toBe(MESSAGES.en.reports.sections.missing);
  });

  it("has the same kinds in every catalogue that names them", () => {
    for (const locale of ["vi", "en"] as const) {
      expect(Object.keys(MESSAGES[locale].reports.kinds).sort()).toEqual(["commune", "district", "province", "village"]);
      expect(Object.keys(MESSAGES[locale].dashboard.kinds).sort()).toEqual(["children", "commune", "district", "province", "village"]);
    }
  });
});

describe("the report's files name communes as communes", () => {
  it("csv", () => {
    const text = readCsv(renderCsv(communes, "vi")).rows.flat().join("\n");
    expect(text).toContain("II. Xếp hạng các xã, phường");
    expect(text).toContain("IV. Các xã, phường chưa báo cáo đủ các ngày trong tuần");
    expect(text).not.toContain("Xếp hạng các đơn vị");
  });

  it("xlsx", async () => {
    const { sheets } = await readXlsx(await renderXlsx(communes, "vi"));
    expect(sheets.get("Xếp hạng")!.flat().join(" ")).toContain("II. Xếp hạng các xã, phường");
    expect(sheets.get("Chưa báo cáo")!.flat().join(" ")).toContain("IV. Các xã, phường chưa báo cáo");
  });

  it("docx and pdf", async () => {
    const { text } = await readDocx(await renderDocx(communes, "vi"));
    expect(text).toContain("II. Xếp hạng các xã, phường");
    expect(text).not.toContain("Xếp hạng các đơn vị");
    const pdf = await readPdf(await renderPdf({ ...communes, model: { ...communes.model, missing: [] } }, "vi"));
    expect(pdf.text.replace(/\s+/g, " ")).toContain("Tất cả các xã, phường đã báo cáo đủ 7 ngày trong tuần.");
  });
});

describe("the report's files say what is not allocated under the ranking", () => {
  const split = { ...communes, model: { ...communes.model, notAllocated: 600, unit: { ...communes.model.unit, name: "Thành phố Đà Nẵng" } } };
  const LINE = "Chưa phân bổ: 600: số liệu của các đơn vị cũ được chia cho nhiều đơn vị mới khi sắp xếp đơn vị hành chính mà chưa có tỷ lệ phân chia; được tính vào tổng của Thành phố Đà Nẵng, không thuộc dòng nào của bảng xếp hạng.";

  it("in every format, and not at all when nothing is unallocated (a report issued before it)", async () => {
    expect(readCsv(renderCsv(split, "vi")).rows.flat()).toContain(LINE);
    expect(readCsv(renderCsv(communes, "vi")).rows.flat().join("\n")).not.toContain("Chưa phân bổ");
    const { sheets } = await readXlsx(await renderXlsx(split, "vi"));
    expect(sheets.get("Xếp hạng")!.flat()).toContain(LINE);
    expect((await readDocx(await renderDocx(split, "vi"))).text).toContain(LINE);
    expect((await readPdf(await renderPdf(split, "vi"))).text.replace(/\s+/g, " ")).toContain(LINE);
  });
});
