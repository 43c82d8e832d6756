// The daily template as people fill it (issue 25): one row per unit (STT, code, name), then
// for each metric the running total to the day before (grey, for reference) beside the cell
// to fill, in the mode chosen (the day's count or the running total), which the title and a
// hidden settings sheet state. In Excel the code and name cells are locked, the cells to fill
// take only whole numbers from 0, the header is frozen and the sheet prints on A4 landscape.
// The import reads it back by its headers (lib/domain/wide-table.ts); the words come from
// the catalogue (entry.template), in the request's language.
import ExcelJS from "exceljs";
import { formatDay } from "@/lib/domain/format";
import { cellAddress } from "@/lib/domain/wide-table";
import { currentLocale, m } from "@/lib/i18n/message";
import { TEMPLATE_SETTINGS_SHEET } from "@/lib/validation/xlsx";
import { csvLine } from "./csv-cell";
import type { DailyTemplateDTO } from "@/lib/data/import-template";

/** The header's row; the title and the note stand above it. */
export const TEMPLATE_HEADER_ROW = 3;

const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE4E4E7" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDBEAFE" } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
const INTEGER = "#,##0";
/** Excel's own face (LibreOffice shows its metric twin, Carlito): a font set without a name falls back to a serif. */
const FONT = "Calibri";

function words(model: DailyTemplateDTO) {
  const metricName = (metric: DailyTemplateDTO["metrics"][number]) => (currentLocale() === "en" ? metric.nameEn : metric.nameVi);
  const kind = m(model.kind === "cumulative" ? "entry.template.kindCumulative" : "entry.template.kindDaily");
  return {
    title: m(model.kind === "cumulative" ? "entry.template.titleCumulative" : "entry.template.titleDaily", { date: formatDay(model.day) }),
    subtitle: m("entry.template.subtitle", { name: model.scope.name, code: model.scope.code, count: model.rows.length }),
    note: m("entry.template.note", { previous: formatDay(model.previousDay) }),
    header: [
      m("entry.template.stt"), m("entry.template.code"), m("entry.template.name"),
      ...model.metrics.flatMap((metric) => [
        m("entry.template.reference", { metric: metricName(metric), date: formatDay(model.previousDay) }),
        m("entry.template.input", { metric: metricName(metric), kind }),
      ]),
    ],
  };
}

/** The cells of a unit's row: STT, code, name, then each metric's running total and the cell to fill (blank). */
const rowCells = (model: DailyTemplateDTO, index: number) => {
  const row = model.rows[index];
  return [index + 1, row.code, row.name, ...row.previous.flatMap((previous) => [previous, null])];
};

/** The file's name, in the request's language. */
export function dailyTemplateFileName(model: DailyTemplateDTO, format: "xlsx" | "csv"): string {
  return m("entry.template.file", { code: model.scope.code, date: model.day, kind: model.kind, format });
}

export async function dailyTemplateXlsx(model: DailyTemplateDTO): Promise<Buffer> {
  const w = words(model);
  const width = w.header.length;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(m("entry.template.sheet"), {
    views: [{ state: "frozen", ySplit: TEMPLATE_HEADER_ROW, xSplit: 3 }],
    pageSetup: {
      paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: `${TEMPLATE_HEADER_ROW}:${TEMPLATE_HEADER_ROW}`, horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: "&C&P / &N" },
  });
  sheet.columns = [{ width: 5 }, { width: 9 }, { width: 24 }, ...model.metrics.flatMap(() => [{ width: 14 }, { width: 15 }])];
  const banner = (row: number, text: string, font: Partial<ExcelJS.Font>, height: number) => {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    sheet.getRow(row).height = height;
  };
  banner(1, `${w.title}\n${w.subtitle}`, { name: FONT, bold: true, size: 13 }, 36);
  banner(2, w.note, { name: FONT, italic: true, size: 9 }, 30);
  const header = sheet.getRow(TEMPLATE_HEADER_ROW);
  header.values = w.header;
  // five lines of a reference column's header ("… đến hết 19/11/2026 (tham khảo)") at its width
  header.height = 80;
  header.eachCell((cell, column) => {
    cell.font = { name: FONT, bold: true, size: 10 };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = THIN;
    cell.fill = column > 3 && (column - 3) % 2 === 1 ? GREY : HEADER_FILL;
  });
  model.rows.forEach((_, index) => {
    const row = sheet.getRow(TEMPLATE_HEADER_ROW + 1 + index);
    row.values = rowCells(model, index);
    row.height = 18;
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      cell.border = THIN;
      const input = column > 3 && (column - 3) % 2 === 0;
      if (column > 3) cell.numFmt = INTEGER;
      if (column === 1) cell.alignment = { horizontal: "center" };
      if (column === 2) cell.numFmt = "@";
      if (column > 3 && !input) {
        cell.fill = GREY;
        cell.font = { name: FONT, color: { argb: "FF52525B" } };
      }
      if (input) {
        cell.protection = { locked: false };
        cell.dataValidation = {
          type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0],
          showErrorMessage: true, errorStyle: "stop", errorTitle: m("entry.template.invalidTitle"), error: m("entry.template.invalid"),
        };
      }
    }
  });
  sheet.pageSetup.printArea = `A1:${cellAddress(width - 1, TEMPLATE_HEADER_ROW + model.rows.length)}`;
  // Locked without a password: it keeps the codes and names from being typed over, not anyone out.
  await sheet.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  const settings = book.addWorksheet(TEMPLATE_SETTINGS_SHEET, { state: "hidden" });
  settings.addRows([["layout", "wide"], ["kind", model.kind], ["date", model.day], ["unit", model.scope.code]]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same table as CSV: UTF-8 with a byte order mark (Excel then reads Vietnamese), CRLF line ends. */
export function dailyTemplateCsv(model: DailyTemplateDTO): string {
  const w = words(model);
  const lines = [csvLine([w.title]), csvLine([w.subtitle]), csvLine(w.header), ...model.rows.map((_, index) => csvLine(rowCells(model, index)))];
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
