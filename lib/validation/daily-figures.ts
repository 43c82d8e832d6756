// zod schemas for daily figures entered through the grid and POST /api/v1/daily. The CSV
// import reads the same fields as strings (dailyRowSchema in import-rows.ts) with the same
// messages; the data layer then applies one set of rules to all three (lib/data/daily-checks.ts).
import { z } from "zod";
import "./locale";
import { codeSchema, isoDaySchema, unitCodeSchema } from "./import-rows";

export const MAX_COUNT = 1_000_000_000;
export const COUNT_MESSAGE = "Phải là số nguyên không âm.";

/** A non-negative whole number, given as a JSON number or as digits ("1.5", "-2", "" refused). */
export const countValueSchema = z.union([
  z.number(COUNT_MESSAGE).int(COUNT_MESSAGE).min(0, COUNT_MESSAGE),
  z.string().trim().regex(/^\d+$/, COUNT_MESSAGE).transform(Number),
], { message: COUNT_MESSAGE }).refine((n) => n <= MAX_COUNT, "Số quá lớn.");

const reasonSchema = z.string().trim().max(500, "Lý do quá dài (tối đa 500 ký tự).").optional();

export const dailyFigureInputSchema = z.object({
  date: isoDaySchema,
  unitCode: unitCodeSchema,
  metric: codeSchema,
  value: countValueSchema,
  kind: z.enum(["daily", "cumulative"], { message: "kind phải là daily hoặc cumulative." }).default("daily"),
  reason: reasonSchema,
});
export type DailyFigureInput = z.output<typeof dailyFigureInputSchema>;

/** Body of POST /api/v1/daily. */
export const dailyApiBodySchema = z.object({
  rows: z.array(z.unknown()).min(1, "Không có dòng nào.").max(10_000, "Tối đa 10.000 dòng mỗi lần."),
  confirmSpikes: z.boolean().optional(),
  reason: reasonSchema,
});

/** One cell of the entry grid as submitted: `expectedVersion` is what the grid was loaded with. */
export const dailyGridCellSchema = z.object({
  unitCode: unitCodeSchema,
  metric: codeSchema,
  value: z.string(),
  kind: z.enum(["daily", "cumulative"]),
  expectedVersion: z.number().int().min(0).nullable(),
  reason: z.string().max(500).optional(),
});

/** The whole grid, saved in one submission. */
export const dailyGridSchema = z.object({
  date: isoDaySchema,
  submissionKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, "Mã lần gửi không hợp lệ."),
  confirmSpikes: z.boolean().default(false),
  cells: z.array(dailyGridCellSchema).max(5_000),
});
export type DailyGridInput = z.output<typeof dailyGridSchema>;

export const periodLockSchema = z.object({
  unitCode: unitCodeSchema,
  untilDate: isoDaySchema,
  reason: z.string().trim().min(3, "Cần ghi lý do khóa sổ.").max(500, "Lý do quá dài."),
});
