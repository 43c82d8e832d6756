// POST /api/v1/daily: { rows: [{ date, unitCode, metric, value, kind?, reason? }], confirmSpikes?, reason? }
// → { written }. The same rules and write path as the entry grid and the CSV import.
// Called with the browser session, it needs a JSON body and a same-origin request
// (lib/auth/same-origin.ts); a bearer token needs neither. An `Idempotency-Key` header makes a retried request write once. Bodies above
// API_BODY_LIMIT_BYTES are refused with 413; a database that cannot answer gives 503 with
// "try again" (nothing was stored).
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { sessionWriteRefusal } from "@/lib/auth/same-origin";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { apiErrorResponse, apiError, unauthenticated } from "@/lib/api/errors";
import { dailyApiBodySchema, dailyFigureInputSchema } from "@/lib/validation/daily-figures";
import { describeIssue } from "@/lib/validation/import-rows";
import { readJsonBody } from "@/lib/validation/json-body";
import { m } from "@/lib/i18n/message";
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
      return apiError(403, m(actor.role === "leader" ? "validation.apiRows.roleCannotWrite.leader" : "validation.apiRows.roleCannotWrite.province"));
    }
    const json = await readJsonBody(request);
    if (!json.ok) return apiError(json.status, json.message);
    const body = dailyApiBodySchema.safeParse(json.value);
    if (!body.success) return apiError(400, m("errors.code.INVALID_INPUT"), z.flattenError(body.error).fieldErrors as Record<string, string[]>);
    const fieldErrors: Record<string, string[]> = {};
    const rows = body.data.rows.flatMap((raw, index) => {
      const row = dailyFigureInputSchema.safeParse(raw);
      if (row.success) return [{ ref: index, ...row.data }];
      fieldErrors[`rows.${index}`] = [describeIssue(row.error)];
      return [];
    });
    if (Object.keys(fieldErrors).length) return apiError(400, m("validation.apiRows.invalid"), fieldErrors);
    const idempotencyKey = request.headers.get("idempotency-key");
    const result = await saveDailyFigures(actor, rows, {
      confirmSpikes: body.data.confirmSpikes ?? false,
      ...(body.data.reason ? { reason: body.data.reason } : {}),
      ...(idempotencyKey && /^[A-Za-z0-9-]{8,64}$/.test(idempotencyKey) ? { submissionKey: `api-${idempotencyKey}` } : {}),
    });
    if (result.ok) return Response.json({ written: result.written });
    const issues: Record<string, string[]> = {};
    for (const issue of result.issues) (issues[`rows.${issue.ref}`] ??= []).push(issue.message);
    const status = result.issues.every((i) => i.kind === "scope") ? 403 : result.issues.some((i) => i.kind === "conflict") ? 409 : 400;
    return apiError(status, m("validation.apiRows.invalid"), issues);
  } catch (error) {
    return apiErrorResponse(error, "POST /api/v1/daily");
  }
}
