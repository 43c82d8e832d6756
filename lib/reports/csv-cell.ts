// One CSV cell as every CSV the product writes spells it. Text that a spreadsheet would take
// for a formula (OWASP's CSV injection guidance: a cell starting with =, +, -, @, tab or
// carriage return, here also after leading spaces) gets a leading apostrophe, which Excel and
// LibreOffice show as text and hide, so a unit or campaign named "=HYPERLINK(…)" reads as
// written and runs nothing. Numbers are never touched: -12 stays a number.
export type CsvCell = string | number | null;

const FORMULA_START = /^[\t\r]|^ *[=+\-@]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(",");
}
