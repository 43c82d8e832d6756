// The answers of the read and write API (/api/v1), as zod schemas: the route handlers' return
// types are inferred from them (lib/api/responses.ts), and the OpenAPI document
// (lib/api/openapi.ts) is generated from them, so the code and the published contract cannot
// drift apart. Strict objects: a key added to an answer without the document following fails
// the integration tests that parse answers with these schemas (tests/integration/api-contract.test.ts).
// Metric and campaign codes are data (strings), not enums: more metrics can be added at any time.
import { z } from "zod";
import { EXAMPLES } from "./api-examples";

const day = z.string().meta({ format: "date", description: "A calendar day in Asia/Ho_Chi_Minh, YYYY-MM-DD." });
const count = z.number().int().min(0);

export const unitAnswerSchema = z.strictObject({
  code: z.string().meta({ description: "The unit's official (GSO) code, unique among the units valid on a given day." }),
  name: z.string(),
  type: z.string().meta({ description: "The unit's type as named officially, in Vietnamese (province, city, district, commune, ward ...)." }),
  level: z.number().int().min(1).meta({ description: "1: province, 2: district, 3: commune." }),
  validFrom: day.nullable().meta({ description: "First day the unit exists; null: before any reorganisation the tree records." }),
  validTo: day.nullable().meta({ description: "Last day the unit exists; null: it still does." }),
}).meta({ id: "Unit", example: EXAMPLES.unit });

export const unitListAnswerSchema = z.array(unitAnswerSchema).meta({ id: "UnitList", example: EXAMPLES.unitList });

export const successionAnswerSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  part: z.string().meta({ description: "`full` or `partial`: whether all of the unit went into the other.", examples: ["full", "partial"] }),
  share: z.number().min(0).max(1).nullable().meta({ description: "The share of the predecessor's figures the successor takes; null when not allocated (or full)." }),
}).meta({ id: "Succession" });

export const unitDetailAnswerSchema = unitAnswerSchema.extend({
  parentCode: z.string().nullable(),
  predecessors: z.array(successionAnswerSchema),
  successors: z.array(successionAnswerSchema),
}).meta({ id: "UnitDetail", example: EXAMPLES.unitDetail });

const percent = z.number().nullable().meta({ description: "actual / target × 100, rounded half up to 2 decimals; may exceed 100; null without a target." });

export const rankingRowAnswerSchema = z.strictObject({
  code: z.string(),
  name: z.string(),
  actual: count.meta({ description: "The cumulative total up to and including asOf." }),
  target: count.nullable(),
  percent,
  rank: z.number().int().min(1).nullable().meta({ description: "By percent descending, ties share a rank (1, 2, 2, 4); null without a target." }),
  reportedOn: day.nullable().meta({ description: "The latest day with any figure (for a parent: the earliest such day among its children)." }),
}).meta({ id: "RankingRow" });

export const rankingAnswerSchema = z.strictObject({
  asOf: day,
  metric: z.string().meta({ description: "The metric's code (data, not a closed list)." }),
  campaign: z.string().nullable(),
  rows: z.array(rankingRowAnswerSchema),
  notAllocated: count.optional().meta({ description: "Only when part of the parent's total is in none of the rows (a reorganisation's split without shares)." }),
}).meta({ id: "Ranking", example: EXAMPLES.ranking });

export const projectionStatusSchema = z.enum(["met", "on-track", "at-risk", "behind"]);

export const progressAnswerSchema = z.strictObject({
  unit: z.string().meta({ description: "The unit's code." }),
  metric: z.string(),
  actual: count,
  target: count.nullable(),
  percent,
  dueDate: day.nullable(),
  projection: z.strictObject({
    dailyPace: z.number().meta({ description: "Average daily addition over the last 7 days, 2 decimals; negative after a correction." }),
    projectedOnDueDate: z.number().nullable(),
    requiredDailyPace: z.number().nullable(),
    status: projectionStatusSchema.nullable().meta({ description: "null without a target." }),
  }),
}).meta({ id: "Progress", example: EXAMPLES.progress });

export const dailyWrittenAnswerSchema = z.strictObject({
  written: count.meta({ description: "How many figures were written (a retried request with the same Idempotency-Key writes nothing again)." }),
}).meta({ id: "DailyWritten", example: { written: 2 } });

/** Every refusal and failure: `{ error: { message, fieldErrors } }`, the message in the request's language. */
export const errorAnswerSchema = z.strictObject({
  error: z.strictObject({
    message: z.string(),
    fieldErrors: z.record(z.string(), z.array(z.string())).meta({ description: "Messages by field (`rows.3` for the fourth row of a write)." }),
  }),
}).meta({ id: "Error", example: EXAMPLES.error });

export type DailyWrittenAnswer = z.output<typeof dailyWrittenAnswerSchema>;
