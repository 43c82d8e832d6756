// How a district's own report table is read (issue 25): which row is the header, which
// column names the units, which columns are which metric, whether the figures are the day's
// or running totals, which rows to pass over and which unit each unresolved name is. Chosen
// once on the import page and remembered per user (lib/data/import-mapping.ts).
import { z } from "zod";
import "./locale";
import { metricCodeSchema, unitCodeSchema } from "./import-rows";

const column = z.number().int().min(0).max(99);
const label = z.string().max(200);

export const tableMappingSchema = z.object({
  headerRow: z.number().int().min(1).max(100),
  unitColumn: column,
  columns: z.array(z.object({ column, metric: metricCodeSchema })).min(1).max(20)
    .refine((columns) => new Set(columns.map((c) => c.column)).size === columns.length && new Set(columns.map((c) => c.metric)).size === columns.length),
  kind: z.enum(["daily", "cumulative"]),
  /** unit labels (unitNameKey) of rows not read: totals, headings, notes */
  skip: z.array(label).max(500).default([]),
  /** unit labels (unitNameKey) resolved by the user to a unit code */
  names: z.record(label, unitCodeSchema).default({}),
});

export type TableMapping = z.output<typeof tableMappingSchema>;

/** A mapping sent by the import page as JSON text; null when absent or malformed. */
export function parseTableMapping(text: string | undefined): TableMapping | null {
  if (!text) return null;
  try {
    const parsed = tableMappingSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
