// POST /api/v1/daily: { rows: [{ date, unitCode, metric, value, kind?, reason? }], confirmSpikes?, reason? }
// → { written }. The same rules and write path as the entry grid and the CSV import.
// An `Idempotency-Key` header makes a retried request write once.
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { dailyApiBodySchema, dailyFigureInputSchema } from "@/lib/validation/daily-figures";
import { describeIssue } from "@/lib/validation/import-rows";

const error = (status: number, message: string, fieldErrors: Record<string, string[]> = {}) =>
  Response.json({ error: { message, fieldErrors } }, { status });

export async function POST(request: Request): Promise<Response> {
  const actor = await getApiActor(request);
  if (!actor) return error(401, "Chưa xác thực.");
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return error(400, "Nội dung không phải JSON hợp lệ.");
  }
  const body = dailyApiBodySchema.safeParse(json);
  if (!body.success) return error(400, "Dữ liệu không hợp lệ.", z.flattenError(body.error).fieldErrors as Record<string, string[]>);
  const fieldErrors: Record<string, string[]> = {};
  const rows = body.data.rows.flatMap((raw, index) => {
    const row = dailyFigureInputSchema.safeParse(raw);
    if (row.success) return [{ ref: index, ...row.data }];
    fieldErrors[`rows.${index}`] = [describeIssue(row.error)];
    return [];
  });
  if (Object.keys(fieldErrors).length) return error(400, "Có dòng không hợp lệ; không dòng nào được ghi.", fieldErrors);
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
  return error(status, "Có dòng không hợp lệ; không dòng nào được ghi.", issues);
}
