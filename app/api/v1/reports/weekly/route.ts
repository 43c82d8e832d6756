// GET /api/v1/reports/weekly?unit=CODE&week=YYYY-Www&format=xlsx|pdf|docx|csv[&campaign=CODE][&issued=ID]
// → the weekly report file, in the request's language (cookie, else the user's choice, else
// Vietnamese). Without `unit`, the caller's home unit; without `week`, the last complete
// week; with `issued`, that issued (frozen) report.
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { apiError, apiErrorResponse, unauthenticated } from "@/lib/api/errors";
import { m } from "@/lib/i18n/message";
import { getLocale, inRequestLocale } from "@/lib/i18n/server";
import { renderReport } from "@/lib/reports/render";
import { weeklyReportDownloadSchema } from "@/lib/validation/report-params";
import { searchParamsObject } from "@/lib/validation/search-params";

export function GET(request: Request): Promise<Response> {
  return inRequestLocale(async () => {
    try {
      const actor = await getApiActor(request);
      if (!actor) return unauthenticated();
      const params = weeklyReportDownloadSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
      if (!params.success) return apiError(400, m("reports.params.invalid"), z.flattenError(params.error).fieldErrors as Record<string, string[]>);
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
      return apiErrorResponse(e, "GET /api/v1/reports/weekly", { FORBIDDEN: m("reports.errors.forbidden"), NOT_FOUND: m("reports.errors.notFound") });
    }
  });
}
