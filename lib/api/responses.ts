import "server-only";
// One shape for every read-API answer: JSON, typed errors mapped once to a status and a
// Vietnamese message (never an exception's own text), and the handler's own duration in a
// Server-Timing header (what the benchmark reads).
import { z } from "zod";
import { getApiActor } from "@/lib/auth/api-auth";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { AppError, type AppErrorCode } from "@/lib/data/errors";
import { searchParamsObject } from "@/lib/validation/api-params";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
};

const MESSAGES: Record<AppErrorCode, string> = {
  UNAUTHENTICATED: "Chưa xác thực.",
  FORBIDDEN: "Đơn vị nằm ngoài phạm vi của bạn.",
  NOT_FOUND: "Không tìm thấy dữ liệu yêu cầu.",
  INVALID_INPUT: "Tham số không hợp lệ.",
  CONFLICT: "Số liệu vừa được người khác thay đổi.",
  DATABASE_UNAVAILABLE: "Không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau.",
};

/** What is missing when NOT_FOUND names it ("unit", "metric", "campaign"). */
const NOT_FOUND_MESSAGES: Record<string, string> = {
  unit: "Không tìm thấy đơn vị.",
  metric: "Không tìm thấy chỉ số.",
  campaign: "Không tìm thấy đợt.",
};

export function apiError(status: number, message: string, fieldErrors: Record<string, string[]> = {}): Response {
  return Response.json({ error: { message, fieldErrors } }, { status });
}

function fromError(error: unknown): Response {
  if (error instanceof AppError) {
    const message = error.code === "NOT_FOUND" ? (NOT_FOUND_MESSAGES[error.message] ?? MESSAGES.NOT_FOUND) : MESSAGES[error.code];
    return apiError(STATUS[error.code], message, error.fieldErrors);
  }
  console.error(error);
  return apiError(500, "Lỗi máy chủ. Vui lòng thử lại sau.");
}

/**
 * A GET handler: authenticates (bearer token or session), validates the query string with
 * `schema`, runs `load` and answers its result as JSON.
 */
export function readEndpoint<S extends z.ZodType>(schema: S, load: (actor: SessionUserDTO, params: z.output<S>, request: Request) => Promise<unknown>) {
  return async (request: Request): Promise<Response> => {
    const started = performance.now();
    let response: Response;
    try {
      const actor = await getApiActor(request);
      if (!actor) response = apiError(401, MESSAGES.UNAUTHENTICATED);
      else {
        const parsed = schema.safeParse(searchParamsObject(new URL(request.url)));
        if (!parsed.success) response = apiError(400, "Tham số không hợp lệ.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
        else response = Response.json(await load(actor, parsed.data, request));
      }
    } catch (error) {
      response = fromError(error);
    }
    response.headers.set("Server-Timing", `app;dur=${(performance.now() - started).toFixed(2)}`);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  };
}
