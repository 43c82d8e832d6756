// GET /api/v1/reports/weekly?unit=CODE&week=YYYY-Www&format=xlsx|pdf|docx|csv[&campaign=CODE][&issued=ID]
// → the weekly report file. Without `unit`, the caller's home unit; without `week`, the last
// complete week; with `issued`, that issued (frozen) report.
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import { AppError } from "@/lib/data/errors";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { renderReport } from "@/lib/reports/render";
import { searchParamsObject, weeklyReportDownloadSchema } from "@/lib/validation/report-params";

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, INVALID_INPUT: 400, CONFLICT: 409, DATABASE_UNAVAILABLE: 503 } as const;
const MESSAGES = {
  UNAUTHENTICATED: "Chưa xác thực.",
  FORBIDDEN: "Đơn vị này nằm ngoài phạm vi của bạn.",
  NOT_FOUND: "Không tìm thấy đơn vị, đợt hoặc báo cáo yêu cầu.",
  INVALID_INPUT: "Tham số không hợp lệ.",
  CONFLICT: "Xung đột dữ liệu.",
  DATABASE_UNAVAILABLE: "Không kết nối được cơ sở dữ liệu.",
} as const;

const error = (status: number, message: string, fieldErrors: Record<string, string[]> = {}) =>
  Response.json({ error: { message, fieldErrors } }, { status });

export async function GET(request: Request): Promise<Response> {
  const actor = await getApiActor(request);
  if (!actor) return error(401, MESSAGES.UNAUTHENTICATED);
  const params = weeklyReportDownloadSchema.safeParse(searchParamsObject(new URL(request.url).searchParams));
  if (!params.success) return error(400, "Tham số không hợp lệ.", z.flattenError(params.error).fieldErrors as Record<string, string[]>);
  try {
    const envelope = await getReportEnvelope(actor, params.data);
    const file = await renderReport(envelope, params.data.format);
    return new Response(new Uint8Array(file.body), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof AppError) return error(STATUS[e.code], MESSAGES[e.code], e.fieldErrors);
    throw e;
  }
}
