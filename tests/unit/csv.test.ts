import { describe, expect, it } from "vitest";
import { readCsv } from "@/lib/validation/csv";
import { countSchema, dailyRowSchema } from "@/lib/validation/import-rows";

const COLUMNS = ["date", "unit_code", "metric", "value", "kind"];
const REQUIRED = ["date", "unit_code", "metric", "value"];

describe("readCsv", () => {
  it("accepts a BOM and columns in any order", () => {
    const result = readCsv("\uFEFFvalue,metric,unit_code,date\n5,activated,20965,2023-06-01\n", COLUMNS, REQUIRED);
    expect(result).toEqual({ ok: true, rows: [{ line: 2, values: { value: "5", metric: "activated", unit_code: "20965", date: "2023-06-01" } }] });
  });

  it.each([
    { label: "unknown column", text: "date,unit_code,metric,value,x\n", message: "Cột không hợp lệ: x." },
    { label: "missing column", text: "date,unit_code,metric\n", message: "Thiếu cột: value." },
    { label: "empty file", text: "", message: "Tệp trống: thiếu dòng tiêu đề." },
    { label: "not UTF-8", text: "date,unit_code,metric,value\n2023-06-01,1,Nh\uFFFDp,1", message: "Tệp không phải UTF-8 hợp lệ." },
  ])("refuses: $label", ({ text, message }) => {
    const result = readCsv(text, COLUMNS, REQUIRED);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toBe(message);
  });

  it("names the line of a row with the wrong number of columns, and survives broken quoting", () => {
    const short = readCsv("date,unit_code,metric,value\n2023-06-01,1,activated,5\n2023-06-01,1\n", COLUMNS, REQUIRED);
    expect(short).toEqual({ ok: false, errors: [{ line: 3, message: "Số cột (2) khác dòng tiêu đề (4)." }] });
    const broken = readCsv('date,unit_code,metric,value\n"2023-06-01,1,activated,5\n', COLUMNS, REQUIRED);
    expect(broken.ok).toBe(false);
  });
});

describe("row schemas", () => {
  it.each(["-1", "1.5", "1e3", "", "0x10", "1000000001", "١٢"])("refuses the count %j", (value) => {
    expect(countSchema.safeParse(value).success).toBe(false);
  });

  it("accepts whole numbers and defaults kind to daily", () => {
    expect(dailyRowSchema.parse({ date: "2023-06-01", unit_code: "20965", metric: "activated", value: "0" })).toEqual({
      date: "2023-06-01", unit_code: "20965", metric: "activated", value: 0, kind: "daily",
    });
  });
});
