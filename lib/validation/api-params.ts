// Query parameters of the read API (GET /api/v1/units, /rankings, /progress).
import { z } from "zod";
import { isIsoDate } from "@/lib/domain/dates";

const unitCode = z.string().regex(/^[0-9A-Za-z-]{1,32}$/, "Mã đơn vị không hợp lệ.");
const code = (message: string) => z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, message);
const asOf = z.string().refine(isIsoDate, "Ngày phải có dạng YYYY-MM-DD.");

export const unitsParamsSchema = z.object({ parent: unitCode.optional() });

export const rankingsParamsSchema = z.object({
  parent: unitCode.optional(),
  metric: code("Chỉ số không hợp lệ.").default("activated"),
  asOf: asOf.optional(),
  campaign: code("Mã đợt không hợp lệ.").optional(),
  /** rank every unit of this level under `parent` rather than its children */
  level: z.coerce.number().int("Cấp phải là số nguyên.").min(1, "Cấp không hợp lệ.").max(9, "Cấp không hợp lệ.").optional(),
});

export const progressParamsSchema = z.object({
  unit: unitCode,
  metric: code("Chỉ số không hợp lệ.").default("activated"),
  asOf: asOf.optional(),
  campaign: code("Mã đợt không hợp lệ.").optional(),
});

/** A URL's query string as a plain object (the first value of a repeated key). */
export function searchParamsObject(url: URL): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in result)) result[key] = value;
  return result;
}
