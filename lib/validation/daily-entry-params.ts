// Search parameters of the entry, history and audit pages; invalid values fall back to defaults.
import { z } from "zod";
import "./locale";
import { metricCodeSchema, isoDaySchema, unitCodeSchema } from "./import-rows";

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v) || undefined, schema.optional().catch(undefined));

export const entryParamsSchema = z.object({
  date: optional(isoDaySchema),
  unit: optional(unitCodeSchema),
  metric: optional(metricCodeSchema),
});

export const auditParamsSchema = z.object({
  unit: optional(unitCodeSchema),
  user: optional(z.string().max(64)),
  from: optional(isoDaySchema),
  to: optional(isoDaySchema),
  action: optional(z.string().regex(/^[a-z._]{1,40}$/)),
  page: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.coerce.number().int().min(1).max(10_000).catch(1)).default(1),
});
