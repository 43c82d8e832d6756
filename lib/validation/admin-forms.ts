// zod schemas for the administration forms: units, campaigns, targets, file imports.
import { z } from "zod";
import { codeSchema, isoDaySchema, unitCodeSchema } from "./import-rows";

const reasonSchema = z.string().trim().max(500, "Lý do quá dài (tối đa 500 ký tự).");
const unitNameSchema = z.string().trim().min(1, "Chưa nhập tên đơn vị.").max(200, "Tên quá dài.");

export const unitRenameSchema = z.object({
  code: unitCodeSchema,
  name: unitNameSchema,
  reason: reasonSchema.optional().transform((v) => v || undefined),
});

export const unitDissolveSchema = z.object({
  code: unitCodeSchema,
  date: isoDaySchema,
  mergedIntoCode: z.union([z.literal(""), unitCodeSchema]).default("").transform((v) => v || undefined),
  reason: reasonSchema.min(1, "Cần ghi lý do (ví dụ: số nghị quyết)."),
});

const MAX_BYTES = 20_000_000;
export const csvFileFormSchema = z.object({
  file: z.instanceof(File, { message: "Chưa chọn tệp." }).refine((f) => f.size > 0, "Tệp trống.").refine((f) => f.size <= MAX_BYTES, "Tệp quá lớn (tối đa 20 MB)."),
  dryRun: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
});

export const campaignCreateSchema = z.object({
  code: codeSchema,
  name: z.string().trim().min(1, "Chưa nhập tên đợt.").max(200, "Tên quá dài."),
  startDate: isoDaySchema,
  endDate: isoDaySchema,
}).refine((v) => v.endDate >= v.startDate, { message: "Ngày kết thúc phải sau ngày bắt đầu.", path: ["endDate"] });

/** The target grid: one milestone (campaign, metric, due date) for a parent and its children. */
export const targetGridSchema = z.object({
  campaign: codeSchema,
  metric: codeSchema,
  dueDate: isoDaySchema,
  parentCode: unitCodeSchema,
});
