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

const targetValueSchema = z.string().trim().regex(/^\d{0,10}$/, "Chỉ tiêu phải là số nguyên không âm.")
  .transform((v) => (v === "" ? null : Number(v)))
  .refine((v) => v === null || v <= 1_000_000_000, "Chỉ tiêu quá lớn.");

/** The saved target grid: one value per unit ("" removes the unit's target for the milestone). */
export const targetValuesSchema = targetGridSchema.omit({ parentCode: true }).extend({
  values: z.array(z.object({ unitCode: unitCodeSchema, value: targetValueSchema })).min(1, "Không có ô nào.").max(5_000),
});

/** The grid's form: fixed fields plus one `t:<unit code>` field per unit. */
export function targetValuesFromForm(form: FormData): Record<string, unknown> {
  const values = [...form.entries()]
    .filter(([key]) => key.startsWith("t:"))
    .map(([key, value]) => ({ unitCode: key.slice(2), value: typeof value === "string" ? value : "" }));
  return { campaign: form.get("campaign"), metric: form.get("metric"), dueDate: form.get("dueDate"), values };
}
