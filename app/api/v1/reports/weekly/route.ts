// GET /api/v1/reports/weekly?unit=CODE&week=YYYY-Www&format=xlsx|pdf|docx|csv[&campaign=CODE][&issued=ID]
// → the weekly report file, in the request's language (cookie, else the user's choice, else
// Vietnamese). Without `unit`, the caller's home unit; without `week`, the last complete
// week; with `issued`, that issued (frozen) report.
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { m, type MessageKey } from "@/lib/i18n/message";
import { getLocale, inRequestLocale } from "@/lib/i18n/server";
import { renderReport } from "@/lib/reports/render";
import { searchParamsObject, weeklyReportDownloadSchema } from "@/lib/validation/report-params";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_INPUT: 400, CONFLICT: 409, DATABASE_UNAVAILABLE: 503 } as const;
const MESSAGES: Record<AppErrorCode, MessageKey> = {
  UNAUTHENTICATED: "reports.errors.unauthenticated",
  FORBIDDEN: "reports.errors.forbidden",
  NOT_FOUND: "reports.errors.notFound",
  INVALID_INPUT: "reports.errors.invalid",
  CONFLICT: "reports.errors.conflict",
  DATABASE_UNAVAILABLE: "reports.errors.database",
};

const error = (status: number, message: string, fieldErrors: Record<string, string[]> = {}) =>
  Response.json({ error: { message, fieldErrors } }, { status });

export function GET(request: Request): Promise<Response> {
  return inRequestLocale(async () => {
    const actor = await getApiActor(request);
    if (!actor) return error(401, m(MESSAGES.UNAUTHENTICATED));
    const params = weeklyReportDownloadSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
    if (!params.success) return error(400, m("reports.params.invalid"), z.flattenError(params.error).fieldErrors as Record<string, string[]>);
    try {
      const locale = await getLocale();
      const envelope = await getReportEnvelope(actor, params.data);
      const file = await renderReport(envelope, params.data.format, locale);
      return new Response(new Uint8Array(file.body), {
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          "Cache-Control": "private, no-store",
          "Content-Language": locale,
        },
      });
    } catch (e) {
      if (e instanceof AppError) return error(STATUS[e.code], m(MESSAGES[e.code]), e.fieldErrors);
      throw e;
    }
  });
}
