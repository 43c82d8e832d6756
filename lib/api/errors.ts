import "server-only";
// The one mapping from an error to an HTTP API answer: `{ error: { message, fieldErrors } }`
// with a status, in the request's language (lib/i18n/message), never the error's own text or
// stack. A database that cannot answer is a 503 with Retry-After (nothing was stored);
// unexpected errors are logged with the request id, which the answer also carries, and
// answered 500.
import { AppError, userText, type AppErrorCode } from "@/lib/data/errors";
import { isDatabaseUnavailable, outageMessage } from "@/lib/data/db-errors";
import { m } from "@/lib/i18n/message";
import { logError } from "@/lib/observability/errors";
import { currentRequestContext } from "@/lib/observability/request-context";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  DATABASE_UNAVAILABLE: 503,
};

/** What is missing when NOT_FOUND names it (`new AppError("NOT_FOUND", { subject: "unit" })`). */
const NOT_FOUND_SUBJECTS = ["unit", "metric", "campaign"] as const;
type NotFoundSubject = (typeof NOT_FOUND_SUBJECTS)[number];

export function apiError(status: number, message: string, fieldErrors: Record<string, string[]> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { message, fieldErrors } }, { status, headers });
}

/** The people's words for a typed error, as an API answers them: its own, else the API's for its code and subject. */
function apiMessage(error: AppError): string {
  if (error.userMessage) return userText(error);
  if (error.code === "UNAUTHENTICATED") return m("errors.api.unauthenticated");
  if (error.code === "NOT_FOUND" && (NOT_FOUND_SUBJECTS as readonly string[]).includes(error.subject ?? "")) {
    return m(`errors.api.notFound.${error.subject as NotFoundSubject}`);
  }
  return userText(error);
}

/** What a route handler answers for an error: status, people's words, field messages, headers. */
export interface ErrorAnswer {
  status: number;
  message: string;
  fieldErrors: Record<string, string[]>;
  headers: Record<string, string>;
}

/**
 * The one mapping of an error to an answer, for every route handler (JSON or not): an outage
 * is 503 with Retry-After, a typed error its status and words, anything else is logged with
 * the request id and answered 500 with that id. `wording` overrides the message of some codes
 * with a handler's own, more precise words.
 */
export function errorAnswer(error: unknown, where: string, wording: Partial<Record<AppErrorCode, string>> = {}): ErrorAnswer {
  if (isDatabaseUnavailable(error) || (error instanceof AppError && error.code === "DATABASE_UNAVAILABLE")) {
    return { status: 503, message: outageMessage(error, `${where}: database unavailable, answered 503`), fieldErrors: {}, headers: { "retry-after": "5" } };
  }
  if (error instanceof AppError) return { status: STATUS[error.code], message: wording[error.code] ?? apiMessage(error), fieldErrors: error.fieldErrors, headers: {} };
  logError(error, where);
  const requestId = currentRequestContext()?.requestId;
  return { status: 500, message: requestId ? m("errors.api.serverWithId", { requestId }) : m("errors.api.server"), fieldErrors: {}, headers: {} };
}

/** An error as the API answers it: `{ error: { message, fieldErrors } }` (errorAnswer). */
export function apiErrorResponse(error: unknown, where: string, wording: Partial<Record<AppErrorCode, string>> = {}): Response {
  const answer = errorAnswer(error, where, wording);
  return apiError(answer.status, answer.message, answer.fieldErrors, answer.headers);
}

/** 401 for a request without a valid session or token. */
export function unauthenticated(): Response {
  return apiError(401, m("errors.api.unauthenticated"));
}
