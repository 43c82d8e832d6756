// Opens the weekly report's files the way another program would: exceljs reads the
// workbook, jszip unpacks the Word file, unpdf (PDF.js) extracts the PDF's text.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";

export type SheetRows = Map<string, (string | number | Date | null)[][]>;

/** Every sheet's rows as plain values (1-based columns shifted to 0-based). */
export async function readXlsx(buffer: Buffer): Promise<{ sheets: SheetRows; book: ExcelJS.Workbook }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: SheetRows = new Map();
  for (const sheet of book.worksheets) {
    const rows: (string | number | Date | null)[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, index) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows[index - 1] = Array.from(values, (v) => (v === undefined || v === null ? null : typeof v === "object" && !(v instanceof Date) ? String((v as { text?: string }).text ?? "") : (v as string | number | Date)));
    });
    sheets.set(sheet.name, rows);
  }
  return { sheets, book };
}

/** The text of word/document.xml (runs joined, paragraphs on separate lines) and the file list. */
export async function readDocx(buffer: Buffer): Promise<{ xml: string; text: string; files: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file("word/document.xml")!.async("string");
  const text = xml
    .replace(/<\/w:p>\s*<\/w:tc>/g, "</w:tc>")
    .replace(/<\/w:tc>\s*<\/w:tr>/g, "</w:tr>")
    .replace(/<\/w:p>|<\/w:tr>/g, "\n")
    .replace(/<\/w:tc>/g, "\t")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  return { xml, text, files: Object.keys(zip.files) };
}

/** The PDF's text, page by page, and its page count. */
export async function readPdf(buffer: Buffer): Promise<{ pages: string[]; text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: false });
  const pages = Array.isArray(text) ? text : [text];
  return { pages, text: pages.join("\n").normalize("NFC") };
}

/** The CSV's records (csv-parse), and whether it starts with a UTF-8 byte-order mark. */
export function readCsv(buffer: Buffer): { bom: boolean; rows: string[][] } {
  const bom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  const rows = parse(buffer, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  return { bom, rows };
}
