// zod schemas for daily figures entered through the grid and POST /api/v1/daily. The CSV
// import reads the same fields as strings (dailyRowSchema in import-rows.ts) with the same
// messages; the data layer then applies one set of rules to all three (lib/data/daily-engine.ts).
import { z } from "zod";
import "./locale";
import { m } from "@/lib/i18n/message";
import { metricCodeSchema, isoDaySchema, kindSchema, unitCodeSchema } from "./import-rows";

export const MAX_COUNT = 1_000_000_000;
/** Messages are functions, read when a value is refused, in that request's language. */
const notCount = { error: () => m("validation.count.notNegative") };

/** A non-negative whole number, given as a JSON number or as digits ("1.5", "-2", "" refused). */
export const countValueSchema = z.union([
  z.number(notCount).int(notCount).min(0, notCount),
  z.string().trim().regex(/^\d+$/, notCount).transform(Number),
], notCount).refine((n) => n <= MAX_COUNT, { error: () => m("validation.count.tooLarge") });

const reasonSchema = z.string().trim().max(500, { error: () => m("validation.reason.tooLong") }).optional();

export const dailyFigureInputSchema = z.object({
  date: isoDaySchema,
  unitCode: unitCodeSchema,
  metric: metricCodeSchema,
  value: countValueSchema,
  kind: kindSchema,
  reason: reasonSchema,
});
export type DailyFigureInput = z.output<typeof dailyFigureInputSchema>;

export const MAX_API_ROWS = 10_000;

/** Body of POST /api/v1/daily. Its rows are read one by one (dailyFigureInputSchema), so that the answer names every bad row. */
export const dailyApiBodySchema = z.object({
  rows: z.array(z.unknown()).min(1, { error: () => m("validation.apiRows.none") }).max(MAX_API_ROWS, { error: () => m("validation.apiRows.tooMany") }),
  confirmSpikes: z.boolean().optional().meta({ description: "Save figures that look like spikes (far above the unit's usual day) anyway." }),
  reason: reasonSchema.meta({ description: "Why stored figures are changed (a correction), recorded in the audit trail." }),
});

/** The same body as published (lib/api/openapi.ts): what each of its rows must be. */
export const dailyApiPublishedBodySchema = dailyApiBodySchema.extend({
  rows: z.array(dailyFigureInputSchema.meta({ id: "DailyFigure" })).min(1).max(MAX_API_ROWS),
});

/** One cell of the entry grid as submitted: `expectedVersion` is what the grid was loaded with. */
export const dailyGridCellSchema = z.object({
  unitCode: unitCodeSchema,
  metric: metricCodeSchema,
  value: z.string(),
  kind: z.enum(["daily", "cumulative"]),
  expectedVersion: z.number().int().min(0).nullable(),
  reason: z.string().max(500).optional(),
});

/** The whole grid, saved in one submission. */
export const dailyGridSchema = z.object({
  date: isoDaySchema,
  submissionKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: () => m("validation.submissionKey") }),
  confirmSpikes: z.boolean().default(false),
  cells: z.array(dailyGridCellSchema).max(5_000),
});
export type DailyGridInput = z.output<typeof dailyGridSchema>;

export const periodLockSchema = z.object({
  unitCode: unitCodeSchema,
  untilDate: isoDaySchema,
  reason: z.string().trim().min(3, { error: () => m("validation.reason.lockRequired") }).max(500, { error: () => m("validation.reason.tooLongShort") }),
});
