// zod schemas for the rows of each import kind (columns in ../shared API.md, see README).
import { z } from "zod";
import "./locale";
import { isIsoDate } from "@/lib/domain/dates";

const MAX_COUNT = 1_000_000_000;

export const unitCodeSchema = z.string().regex(/^\d{1,10}$/, "Mã đơn vị phải là dãy chữ số.");
export const isoDaySchema = z.string().refine(isIsoDate, "Ngày không hợp lệ (định dạng YYYY-MM-DD).");
export const codeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "Mã chỉ gồm chữ thường, số và dấu gạch ngang.");
/** A non-negative whole number written with digits only ("1.5", "1e3", "-2" are refused). */
export const countSchema = z
  .string()
  .regex(/^\d+$/, "Phải là số nguyên không âm.")
  .transform(Number)
  .refine((n) => n <= MAX_COUNT, "Số quá lớn.");

export const unitRowSchema = z.object({
  code: unitCodeSchema,
  name: z.string().min(1, "Thiếu tên.").max(200, "Tên quá dài."),
  type: z.string().min(1, "Thiếu loại đơn vị.").max(50, "Loại quá dài."),
  parent_code: z.union([z.literal(""), unitCodeSchema]).default(""),
  level: z.string().regex(/^[1-9]$/, "Cấp phải từ 1 đến 9.").transform(Number),
});

export const campaignRowSchema = z
  .object({
    campaign: codeSchema,
    name: z.string().min(1, "Thiếu tên.").max(200, "Tên quá dài."),
    start_date: isoDaySchema,
    end_date: isoDaySchema,
  })
  .refine((r) => r.start_date <= r.end_date, { message: "Ngày kết thúc trước ngày bắt đầu.", path: ["end_date"] });

export const targetRowSchema = z.object({
  campaign: codeSchema,
  unit_code: unitCodeSchema,
  metric: codeSchema,
  due_date: isoDaySchema,
  target: countSchema,
});

export const dailyRowSchema = z.object({
  date: isoDaySchema,
  unit_code: unitCodeSchema,
  metric: codeSchema,
  value: countSchema,
  kind: z.enum(["daily", "cumulative"], { message: "kind phải là daily hoặc cumulative." }).default("daily"),
  /** why an already saved figure is changed (a correction); optional column */
  reason: z.string().max(500, "Lý do quá dài (tối đa 500 ký tự).").optional(),
});

export const IMPORT_KINDS = {
  units: { schema: unitRowSchema, columns: ["code", "name", "type", "parent_code", "level"], required: ["code", "name", "type", "level"] },
  campaigns: { schema: campaignRowSchema, columns: ["campaign", "name", "start_date", "end_date"], required: ["campaign", "name", "start_date", "end_date"] },
  targets: { schema: targetRowSchema, columns: ["campaign", "unit_code", "metric", "due_date", "target"], required: ["campaign", "unit_code", "metric", "due_date", "target"] },
  daily: { schema: dailyRowSchema, columns: ["date", "unit_code", "metric", "value", "kind", "reason"], required: ["date", "unit_code", "metric", "value"] },
} as const;

export type ImportKind = keyof typeof IMPORT_KINDS;
export const importKindSchema = z.enum(["units", "campaigns", "targets", "daily"]);

/** The first message of a zod error, prefixed by its column. */
export function describeIssue(error: z.ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join("; ");
}
