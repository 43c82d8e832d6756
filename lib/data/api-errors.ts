// The one mapping from an error to an HTTP API answer: `{ error: { message, fieldErrors } }`
// with a status, in the request's language (lib/i18n/message), never the error's own text or stack. Unexpected errors are
// logged (with the request id, which the answer also carries) and answered 500.
import { logError } from "@/lib/observability/errors";
import { currentRequestContext } from "@/lib/observability/request-context";
import { m } from "@/lib/i18n/message";
import { errorMessage } from "@/lib/i18n/error-messages";
import { isDatabaseUnavailable } from "./db-errors";
import { AppError, type AppErrorCode } from "./errors";

export function apiError(status: number, message: string, fieldErrors: Record<string, string[]> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { message, fieldErrors } }, { status, headers });
}

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
};

export function apiErrorResponse(error: unknown, where: string): Response {
  if (isDatabaseUnavailable(error) || (error instanceof AppError && error.code === "DATABASE_UNAVAILABLE")) {
    logError(error, `${where}: database unavailable, answered 503`);
    return apiError(503, errorMessage("DATABASE_UNAVAILABLE"), {}, { "retry-after": "5" });
  }
  if (error instanceof AppError) return apiError(STATUS[error.code], errorMessage(error.code), error.fieldErrors);
  logError(error, where);
  const requestId = currentRequestContext()?.requestId;
  return apiError(500, requestId ? m("errors.api.serverWithId", { requestId }) : m("errors.api.server"));
}
