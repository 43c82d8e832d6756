// Reads the first worksheet of an Excel .xlsx file as CSV text, so that .xlsx uploads go
// through exactly the same CSV validation and import path (same columns, same rules).
import ExcelJS from "exceljs";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return cellText((value.result ?? "") as ExcelJS.CellValue);
    if ("text" in value) return String(value.text);
    if ("error" in value) return String(value.error);
    return "";
  }
  return String(value);
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export async function xlsxToCsv(data: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  if (!sheet) return "";
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  });
  if (rows.length === 0) return "";
  // The header decides the width: trailing columns that only carry formatting are dropped.
  const width = rows[0].reduce((last, cell, index) => (cell !== "" ? index + 1 : last), 0);
  return rows.map((cells) => cells.slice(0, width).map(quote).join(",")).join("\n");
}
