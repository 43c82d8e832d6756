import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  campaignRowSchema,
  codeSchema,
  countSchema,
  dailyRowSchema,
  describeIssue,
  IMPORT_KINDS,
  importKindSchema,
  isoDaySchema,
  targetRowSchema,
  unitCodeSchema,
  unitRowSchema,
} from "@/lib/validation/import-rows";

describe("countSchema: non-negative whole numbers written with digits only", () => {
  it.each([
    { value: "0", expected: 0 },
    { value: "5", expected: 5 },
    { value: "469004", expected: 469004 },
    { value: "007", expected: 7 },
    { value: "1000000000", expected: 1_000_000_000 },
  ])("accepts $value → $expected", ({ value, expected }) => {
    expect(countSchema.parse(value)).toBe(expected);
  });

  it.each([
    { value: "-1", why: "negative" },
    { value: "+1", why: "sign" },
    { value: "1.5", why: "decimal" },
    { value: "1,5", why: "decimal comma" },
    { value: "1.000", why: "thousands separator" },
    { value: "1e3", why: "exponent" },
    { value: "", why: "empty" },
    { value: " 12", why: "leading space (the CSV reader trims before)" },
    { value: "12 ", why: "trailing space" },
    { value: "0x10", why: "hexadecimal" },
    { value: "Infinity", why: "not digits" },
    { value: "NaN", why: "not digits" },
    { value: "abc", why: "not digits" },
    { value: "١٢", why: "Arabic-Indic digits" },
    { value: "1000000001", why: "over 1e9" },
    { value: "99999999999999999999", why: "huge" },
  ])("refuses $value ($why)", ({ value }) => {
    expect(countSchema.safeParse(value).success).toBe(false);
  });

  it.each([
    { value: "-1", message: "Phải là số nguyên không âm." },
    { value: "1000000001", message: "Số quá lớn." },
  ])("explains why $value is refused", ({ value, message }) => {
    const result = countSchema.safeParse(value);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toBe(message);
  });
});

describe("unitCodeSchema: digits only, 1 to 10 of them", () => {
  it.each([
    { value: "49", ok: true },
    { value: "0", ok: true },
    { value: "20965", ok: true },
    { value: "1234567890", ok: true },
    { value: "12345678901", ok: false },
    { value: "", ok: false },
    { value: "49a", ok: false },
    { value: "A49", ok: false },
    { value: "-49", ok: false },
    { value: "4 9", ok: false },
    { value: " 49", ok: false },
    { value: "4.9", ok: false },
  ])("$value → $ok", ({ value, ok }) => {
    expect(unitCodeSchema.safeParse(value).success).toBe(ok);
  });
});

describe("codeSchema: lower-case letters, digits and dashes", () => {
  it.each([
    { value: "activated", ok: true },
    { value: "de-an-06", ok: true },
    { value: "2023", ok: true },
    { value: "a", ok: true },
    { value: "a".repeat(64), ok: true },
    { value: "a".repeat(65), ok: false },
    { value: "", ok: false },
    { value: "-abc", ok: false },
    { value: "Activated", ok: false },
    { value: "de_an", ok: false },
    { value: "de an", ok: false },
    { value: "kích-hoạt", ok: false },
  ])("$value → $ok", ({ value, ok }) => {
    expect(codeSchema.safeParse(value).success).toBe(ok);
  });
});

describe("isoDaySchema", () => {
  it.each([
    { value: "2023-06-07", ok: true },
    { value: "2024-02-29", ok: true },
    { value: "2023-02-29", ok: false },
    { value: "2023-02-30", ok: false },
    { value: "2023-13-01", ok: false },
    { value: "2023-6-7", ok: false },
    { value: "07/06/2023", ok: false },
    { value: "", ok: false },
  ])("$value → $ok", ({ value, ok }) => {
    expect(isoDaySchema.safeParse(value).success).toBe(ok);
  });
});

describe("dailyRowSchema", () => {
  const base = { date: "2023-06-01", unit_code: "20965", metric: "activated", value: "12" };

  it("defaults kind to daily and turns the value into a number", () => {
    expect(dailyRowSchema.parse(base)).toEqual({ ...base, value: 12, kind: "daily" });
  });

  it.each([{ kind: "daily" }, { kind: "cumulative" }])("accepts kind $kind", ({ kind }) => {
    expect(dailyRowSchema.parse({ ...base, kind })).toEqual({ ...base, value: 12, kind });
  });

  it.each([
    { label: "unknown kind", patch: { kind: "weekly" } },
    { label: "kind in upper case", patch: { kind: "Daily" } },
    { label: "empty kind", patch: { kind: "" } },
    { label: "invalid date", patch: { date: "2023-02-30" } },
    { label: "letters in the unit code", patch: { unit_code: "Q49" } },
    { label: "invalid metric", patch: { metric: "Kích hoạt" } },
    { label: "negative value", patch: { value: "-3" } },
    { label: "decimal value", patch: { value: "1.5" } },
    { label: "value over 1e9", patch: { value: "2000000000" } },
  ])("refuses a row with $label", ({ patch }) => {
    expect(dailyRowSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });

  it.each([{ missing: "date" }, { missing: "unit_code" }, { missing: "metric" }, { missing: "value" }])(
    "refuses a row without $missing",
    ({ missing }) => {
      const row: Record<string, string> = { ...base };
      delete row[missing];
      expect(dailyRowSchema.safeParse(row).success).toBe(false);
    },
  );

  it("names the column in the message", () => {
    const result = dailyRowSchema.safeParse({ ...base, kind: "weekly" });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toBe("kind: kind phải là daily hoặc cumulative.");
  });
});

describe("unitRowSchema", () => {
  const base = { code: "21001", name: "Xã Tam Thăng", type: "Xã", parent_code: "517", level: "3" };

  it.each([
    { label: "a full row", row: base, expected: { ...base, level: 3 } },
    { label: "no parent (a root)", row: { ...base, parent_code: "" }, expected: { ...base, parent_code: "", level: 3 } },
    {
      label: "parent_code column absent",
      row: { code: "49", name: "Tỉnh Quảng Nam", type: "Tỉnh", level: "1" },
      expected: { code: "49", name: "Tỉnh Quảng Nam", type: "Tỉnh", parent_code: "", level: 1 },
    },
    { label: "level 9", row: { ...base, level: "9" }, expected: { ...base, level: 9 } },
  ])("accepts $label", ({ row, expected }) => {
    expect(unitRowSchema.parse(row)).toEqual(expected);
  });

  it.each([
    { label: "letters in the code", patch: { code: "X1" } },
    { label: "empty code", patch: { code: "" } },
    { label: "letters in the parent code", patch: { parent_code: "p517" } },
    { label: "empty name", patch: { name: "" } },
    { label: "name over 200 characters", patch: { name: "a".repeat(201) } },
    { label: "empty type", patch: { type: "" } },
    { label: "type over 50 characters", patch: { type: "a".repeat(51) } },
    { label: "level 0", patch: { level: "0" } },
    { label: "level 10", patch: { level: "10" } },
    { label: "level with letters", patch: { level: "x" } },
    { label: "empty level", patch: { level: "" } },
  ])("refuses $label", ({ patch }) => {
    expect(unitRowSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe("campaignRowSchema", () => {
  const base = { campaign: "de-an-06-2023", name: "Đợt 2023", start_date: "2023-06-01", end_date: "2023-12-31" };

  it.each([
    { label: "a normal campaign", patch: {} },
    { label: "a single-day campaign", patch: { start_date: "2023-06-01", end_date: "2023-06-01" } },
  ])("accepts $label", ({ patch }) => {
    expect(campaignRowSchema.parse({ ...base, ...patch })).toEqual({ ...base, ...patch });
  });

  it.each([
    { label: "end one day before start", patch: { start_date: "2023-06-10", end_date: "2023-06-09" } },
    { label: "end a year before start", patch: { start_date: "2024-01-01", end_date: "2023-12-31" } },
  ])("refuses $label, on the end_date column", ({ patch }) => {
    const result = campaignRowSchema.safeParse({ ...base, ...patch });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toBe("end_date: Ngày kết thúc trước ngày bắt đầu.");
  });

  it.each([
    { label: "invalid campaign code", patch: { campaign: "Đợt 1" } },
    { label: "empty name", patch: { name: "" } },
    { label: "invalid start date", patch: { start_date: "2023-02-30" } },
    { label: "invalid end date", patch: { end_date: "31/12/2023" } },
  ])("refuses $label", ({ patch }) => {
    expect(campaignRowSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe("targetRowSchema", () => {
  const base = { campaign: "de-an-06", unit_code: "517", metric: "activated", due_date: "2023-06-30", target: "62600" };

  it("accepts a row and turns the target into a number", () => {
    expect(targetRowSchema.parse(base)).toEqual({ ...base, target: 62600 });
  });

  it.each([
    { label: "negative target", patch: { target: "-1" } },
    { label: "decimal target", patch: { target: "1.5" } },
    { label: "huge target", patch: { target: "1000000001" } },
    { label: "invalid due date", patch: { due_date: "2023-06-31" } },
    { label: "invalid unit code", patch: { unit_code: "abc" } },
    { label: "invalid metric", patch: { metric: "" } },
  ])("refuses $label", ({ patch }) => {
    expect(targetRowSchema.safeParse({ ...base, ...patch }).success).toBe(false);
  });
});

describe("IMPORT_KINDS and importKindSchema", () => {
  it.each(["units", "campaigns", "targets", "daily"] as const)("%s: required columns are among the allowed ones", (kind) => {
    const { columns, required } = IMPORT_KINDS[kind];
    expect(importKindSchema.parse(kind)).toBe(kind);
    for (const column of required) expect(columns).toContain(column);
  });

  it.each(["unit", "", "DAILY", "users"])("importKindSchema refuses %j", (value) => {
    expect(importKindSchema.safeParse(value).success).toBe(false);
  });
});

describe("describeIssue", () => {
  it.each([
    {
      label: "prefixes each issue with its column and joins them",
      schema: z.object({ a: z.string().min(1, "A trống."), b: z.string().min(1, "B trống.") }),
      input: { a: "", b: "" },
      expected: "a: A trống.; b: B trống.",
    },
    { label: "no prefix for a top-level issue", schema: z.string().min(1, "Trống."), input: "", expected: "Trống." },
  ])("$label", ({ schema, input, expected }) => {
    const result = (schema as z.ZodType).safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(describeIssue(result.error)).toBe(expected);
  });
});
