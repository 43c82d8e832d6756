import { describe, expect, it } from "vitest";
import { readCsv, streamCsv, type CsvIssue, type CsvResult, type CsvRow } from "@/lib/validation/csv";

const COLUMNS = ["date", "unit_code", "metric", "value", "kind"];
const REQUIRED = ["date", "unit_code", "metric", "value"];
const read = (text: string) => readCsv(text, COLUMNS, REQUIRED);
const errorsOf = (result: CsvResult) => (result.ok ? [] : result.errors);

const ROW = { date: "2023-06-01", unit_code: "20965", metric: "activated", value: "5" };

describe("readCsv: accepted files", () => {
  it.each([
    { label: "plain", text: "date,unit_code,metric,value\n2023-06-01,20965,activated,5\n" },
    { label: "without trailing newline", text: "date,unit_code,metric,value\n2023-06-01,20965,activated,5" },
    { label: "with a UTF-8 BOM", text: "\uFEFFdate,unit_code,metric,value\n2023-06-01,20965,activated,5\n" },
    { label: "CRLF line endings", text: "date,unit_code,metric,value\r\n2023-06-01,20965,activated,5\r\n" },
    { label: "columns in another order", text: "value,metric,unit_code,date\n5,activated,20965,2023-06-01\n" },
    { label: "BOM and columns in another order", text: "\uFEFFvalue,metric,unit_code,date\n5,activated,20965,2023-06-01\n" },
    { label: "header in upper case with spaces", text: " DATE , Unit_Code,METRIC ,Value\n2023-06-01,20965,activated,5\n" },
    { label: "values with spaces around them", text: "date,unit_code,metric,value\n 2023-06-01 , 20965 ,activated, 5 \n" },
    { label: "quoted values", text: 'date,unit_code,metric,value\n"2023-06-01","20965","activated","5"\n' },
    { label: "trailing empty lines", text: "date,unit_code,metric,value\n2023-06-01,20965,activated,5\n\n\n" },
  ])("$label", ({ text }) => {
    expect(read(text)).toEqual({ ok: true, rows: [{ line: 2, values: ROW }] });
  });

  it("reads an optional column and numbers data rows from line 2", () => {
    const result = read("date,unit_code,metric,value,kind\n2023-06-01,20965,activated,5,daily\n2023-06-02,20965,activated,9,cumulative\n");
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, values: { ...ROW, kind: "daily" } },
        { line: 3, values: { date: "2023-06-02", unit_code: "20965", metric: "activated", value: "9", kind: "cumulative" } },
      ],
    });
  });

  it("keeps commas, quotes and Vietnamese text inside quoted values", () => {
    const result = readCsv('code,name\n49,"Quảng Nam, ""tỉnh"""\n', ["code", "name"], ["code", "name"]);
    expect(result).toEqual({ ok: true, rows: [{ line: 2, values: { code: "49", name: 'Quảng Nam, "tỉnh"' } }] });
  });

  it("accepts a header with no data rows", () => {
    expect(read("date,unit_code,metric,value\n")).toEqual({ ok: true, rows: [] });
  });
});

describe("readCsv: refused files", () => {
  it.each([
    { label: "empty file", text: "", errors: [{ line: 1, message: "Tệp trống: thiếu dòng tiêu đề." }] },
    { label: "only a BOM", text: "\uFEFF", errors: [{ line: 1, message: "Tệp trống: thiếu dòng tiêu đề." }] },
    { label: "only blank lines", text: "\n\n\r\n", errors: [{ line: 1, message: "Tệp trống: thiếu dòng tiêu đề." }] },
    { label: "unknown column", text: "date,unit_code,metric,value,x\n", errors: [{ line: 1, message: "Cột không hợp lệ: x." }] },
    { label: "several unknown columns", text: "date,unit_code,metric,value,x,y\n", errors: [{ line: 1, message: "Cột không hợp lệ: x, y." }] },
    { label: "missing required column", text: "date,unit_code,metric\n", errors: [{ line: 1, message: "Thiếu cột: value." }] },
    { label: "several missing columns", text: "date,metric\n", errors: [{ line: 1, message: "Thiếu cột: unit_code, value." }] },
    { label: "duplicate column", text: "date,unit_code,metric,value,value\n", errors: [{ line: 1, message: "Có cột bị lặp." }] },
    { label: "duplicate column differing in case", text: "date,unit_code,metric,value,VALUE\n", errors: [{ line: 1, message: "Có cột bị lặp." }] },
    {
      label: "unknown and missing together",
      text: "date,unit_code,metric,amount\n",
      errors: [
        { line: 1, message: "Cột không hợp lệ: amount." },
        { line: 1, message: "Thiếu cột: value." },
      ],
    },
    {
      label: "text containing U+FFFD (not valid UTF-8)",
      text: "date,unit_code,metric,value\n2023-06-01,1,Nh\uFFFDp,1",
      errors: [{ line: 1, message: "Tệp không phải UTF-8 hợp lệ." }],
    },
    {
      label: "a row with fewer columns",
      text: "date,unit_code,metric,value\n2023-06-01,1,activated,5\n2023-06-01,1\n",
      errors: [{ line: 3, message: "Số cột (2) khác dòng tiêu đề (4)." }],
    },
    {
      label: "rows with too few and too many columns",
      text: "date,unit_code,metric,value\n2023-06-01\n2023-06-01,1,activated,5\n2023-06-01,1,activated,5,daily\n",
      errors: [
        { line: 2, message: "Số cột (1) khác dòng tiêu đề (4)." },
        { line: 4, message: "Số cột (5) khác dòng tiêu đề (4)." },
      ],
    },
    {
      label: "first data row with the wrong number of columns is line 2",
      text: "date,unit_code,metric,value\n2023-06-01,1,activated\n",
      errors: [{ line: 2, message: "Số cột (3) khác dòng tiêu đề (4)." }],
    },
  ])("$label", ({ text, errors }) => {
    expect(read(text)).toEqual({ ok: false, errors });
  });

  it.each([
    { label: "unclosed quote", text: 'date,unit_code,metric,value\n"2023-06-01,1,activated,5\n' },
    { label: "unclosed quote on a later row", text: 'date,unit_code,metric,value\n2023-06-01,1,activated,5\n2023-06-02,1,activated,"6\n' },
    { label: "text after a closing quote", text: 'date,unit_code,metric,value\n2023-06-01,1,"activated"x,5\n' },
    { label: "quote inside an unquoted value", text: 'date,unit_code,metric,value\n2023-06-01,1,acti"vated,5\n' },
    { label: "unclosed quote in the header", text: '"date,unit_code,metric,value\n' },
  ])("broken quoting is an error, not a throw: $label", ({ text }) => {
    let result: CsvResult | undefined;
    expect(() => {
      result = read(text);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    const errors = errorsOf(result as CsvResult);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe("Tệp CSV sai định dạng (dấu ngoặc kép hoặc dấu phẩy không khớp).");
    expect(errors[0].line).toBeGreaterThanOrEqual(1);
  });

  it("reports the line where the unclosed quote is found", () => {
    expect(errorsOf(read('date,unit_code,metric,value\n"2023-06-01,1,activated,5\n'))).toEqual([
      { line: 2, message: "Tệp CSV sai định dạng (dấu ngoặc kép hoặc dấu phẩy không khớp)." },
    ]);
  });
});

describe("readCsv line numbers", () => {
  it.each([
    { label: "after a blank line", text: "date,unit_code,metric,value\n2023-06-01,1,activated,5\n\n2023-06-01\n" },
    { label: "after a quoted value spanning two lines", text: 'date,unit_code,metric,value\n2023-06-01,1,"activ\nated",5\n2023-06-01\n' },
  ])("are the real lines $label", ({ text }) => {
    const result = readCsv(text, ["date", "unit_code", "metric", "value"], ["date"]);
    expect(result).toEqual({ ok: false, errors: [{ line: 4, message: "Số cột (1) khác dòng tiêu đề (4)." }] });
  });
});

/** What the streamed reader gives for `text`, in readCsv's shape; the text arrives in small pieces. */
async function streamed(text: string, batch: number): Promise<CsvResult> {
  const pieces = async function* () {
    for (let i = 0; i < text.length; i += 7) yield new TextEncoder().encode(text.slice(i, i + 7));
  };
  const rows: CsvRow[] = [];
  const errors: CsvIssue[] = [];
  for await (const item of streamCsv(pieces(), COLUMNS, REQUIRED, { batch })) {
    if (item.type === "refused") return { ok: false, errors: item.issues };
    rows.push(...item.rows);
    errors.push(...item.issues);
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

describe("streamCsv reads as readCsv does (rows, line numbers, refusals)", () => {
  it.each([
    "date,unit_code,metric,value\n2023-06-01,20965,activated,5\n",
    "\uFEFFdate,unit_code,metric,value\r\n2023-06-01,20965,activated,5\r\n2023-06-02,20965,activated,6",
    "date,unit_code,metric,value,kind\n\n2023-06-01,1,activated,5,daily\n\n\n2023-06-02,1,activated,9,cumulative\n",
    'date,unit_code,metric,value\n2023-06-01,1,"activ\nated",5\n2023-06-01\n2023-06-02,1,activated,7\n',
    'date,unit_code,metric,value\n2023-06-01,1,"a ""quoted"" word",5\n  2023-06-02 , 1 ,activated, 7 \n',
    "date,unit_code,metric,value\n2023-06-01\n2023-06-01,1,activated,5\n2023-06-01,1,activated,5,daily\n",
    'date,unit_code,metric,value\n2023-06-01,1,activated,5\n"2023-06-01,1,activated,5\n',
    "date,unit_code,metric,value,x\n",
    "",
    "\n\n",
  ])("%j", async (text) => {
    const expected = read(text);
    for (const batch of [1, 2, 5_000]) expect(await streamed(text, batch)).toEqual(expected);
  });

  it("numbers the rows of a long file by their lines", async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i % 1_000 === 999 ? "" : `2023-06-01,${i},activated,${i}`));
    const text = `date,unit_code,metric,value\n${lines.join("\n")}\n`;
    const result = await streamed(text, 5_000);
    expect(result).toEqual(read(text));
    if (result.ok) expect(result.rows.at(-1)).toEqual({ line: 20_000, values: { date: "2023-06-01", unit_code: "19998", metric: "activated", value: "19998" } });
  });
});
