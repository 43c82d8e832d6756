import "server-only";
// How every route handler answers an error: classified once (classifyError, the same
// classifier as the server actions'), answered in the HTTP shape `{ error: { message,
// fieldErrors } }` with a status, in the request's language (lib/i18n/message), never the
// error's own text or stack. A database that cannot answer is a 503 with Retry-After (nothing
// was stored); unexpected errors are logged with the request id, which the answer also
// carries, and answered 500.
import { AppError, userText, type AppErrorCode } from "@/lib/data/errors";
import { classifyError } from "@/lib/data/db-errors";
import type { DailyIssueKind } from "@/lib/domain/daily-rules";
import { m } from "@/lib/i18n/message";
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

/** A refused row of a write, by the kind of its rule (lib/domain/daily-rules.ts). */
export interface RowIssue {
  ref: number;
  kind: DailyIssueKind;
  message: string;
}

/**
 * A write's refused rows as one typed error, each row's messages under `rows.<index>`: refused
 * for scope when every row is out of the caller's scope, a conflict when any row was changed
 * by someone else meanwhile, otherwise invalid input. Its status comes from STATUS, as every
 * other error's.
 */
export function rowIssuesError(issues: readonly RowIssue[]): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of issues) (fieldErrors[`rows.${issue.ref}`] ??= []).push(issue.message);
  const code: AppErrorCode = issues.every((i) => i.kind === "scope") ? "FORBIDDEN" : issues.some((i) => i.kind === "conflict") ? "CONFLICT" : "INVALID_INPUT";
  return new AppError(code, { subject: "rows", userMessage: { key: "validation.apiRows.invalid" }, fieldErrors });
}

/** What a route handler answers for an error: status, people's words, field messages, headers. */
export interface ErrorAnswer {
  status: number;
  message: string;
  fieldErrors: Record<string, string[]>;
  headers: Record<string, string>;
}

/**
 * An error as every route handler answers it (JSON or not), classified by classifyError as a
 * server action's is: an outage is 503 with Retry-After, a typed error its code's status and
 * its words, anything else (logged there) 500 with the request id. `wording` overrides the
 * message of some codes with a handler's own, more precise words.
 */
export function errorAnswer(error: unknown, where: string, wording: Partial<Record<AppErrorCode, string>> = {}): ErrorAnswer {
  const found = classifyError(error, where);
  if (found.kind === "outage") return { status: 503, message: found.message, fieldErrors: {}, headers: { "retry-after": "5" } };
  if (found.kind === "refused") {
    const { code, fieldErrors } = found.error;
    return { status: STATUS[code], message: wording[code] ?? apiMessage(found.error), fieldErrors, headers: {} };
  }
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
