// POST /api/v1/daily: { rows: [{ date, unitCode, metric, value, kind?, reason? }], confirmSpikes?, reason? }
// → { written }. The same rules and write path as the entry grid and the CSV import.
// Called with the browser session, it needs a JSON body and a same-origin request
// (lib/auth/same-origin.ts); a bearer token needs neither. An `Idempotency-Key` header makes a retried request write once. Bodies above
// API_BODY_LIMIT_BYTES are refused with 413; a database that cannot answer gives 503 with
// "try again" (nothing was stored). Every refusal is a typed error answered by apiErrorResponse
// (lib/api/errors.ts): the one mapping of errors to statuses.
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { sessionWriteRefusal } from "@/lib/auth/same-origin";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { apiErrorResponse, apiError, rowIssuesError, unauthenticated, type RowIssue } from "@/lib/api/errors";
import { AppError, roleCannotWriteFigures } from "@/lib/data/errors";
import { dailyApiBodySchema, dailyFigureInputSchema } from "@/lib/validation/daily-figures";
import { describeIssue } from "@/lib/validation/import-rows";
import { readJsonBody } from "@/lib/validation/json-body";
import type { DailyWrittenAnswer } from "@/lib/validation/api-answers";
import { inRequestLocale } from "@/lib/i18n/server";

export async function POST(request: Request): Promise<Response> {
  return inRequestLocale(() => saveDaily(request));
}

async function saveDaily(request: Request): Promise<Response> {
  try {
    const actor = await getApiActor(request);
    if (!actor) return unauthenticated();
    if (!request.headers.has("authorization")) {
      const refusal = sessionWriteRefusal(request);
      if (refusal) return apiError(refusal.status, refusal.message);
    }
    // A role that may never write figures is told so before its body is even read.
    if (!canEditFiguresAnywhere(actor)) {
      throw roleCannotWriteFigures(actor.role);
    }
    const json = await readJsonBody(request);
    if (!json.ok) return apiError(json.status, json.message);
    const body = dailyApiBodySchema.safeParse(json.value);
    if (!body.success) throw new AppError("INVALID_INPUT", { subject: "body", fieldErrors: z.flattenError(body.error).fieldErrors as Record<string, string[]> });
    const unreadable: RowIssue[] = [];
    const rows = body.data.rows.flatMap((raw, index) => {
      const row = dailyFigureInputSchema.safeParse(raw);
      if (row.success) return [{ ref: index, ...row.data }];
      unreadable.push({ ref: index, kind: "invalid", message: describeIssue(row.error) });
      return [];
    });
    if (unreadable.length) throw rowIssuesError(unreadable);
    const idempotencyKey = request.headers.get("idempotency-key");
    const result = await saveDailyFigures(actor, rows, {
      confirmSpikes: body.data.confirmSpikes ?? false,
      ...(body.data.reason ? { reason: body.data.reason } : {}),
      ...(idempotencyKey && /^[A-Za-z0-9-]{8,64}$/.test(idempotencyKey) ? { submissionKey: `api-${idempotencyKey}` } : {}),
    });
    if (!result.ok) throw rowIssuesError(result.issues);
    return Response.json({ written: result.written } satisfies DailyWrittenAnswer);
  } catch (error) {
    return apiErrorResponse(error, "POST /api/v1/daily");
  }
}
