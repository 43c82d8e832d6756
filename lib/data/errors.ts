// Typed domain errors, mapped once to an answer (lib/auth/action-errors.ts for server actions,
// lib/api/errors.ts for route handlers: one classifier, two shapes). Never send an Error's own
// message or stack to the browser.
import { m, type MessageKey, type MessageValues } from "@/lib/i18n/message";

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "INVALID_INPUT"
  | "CONFLICT"
  | "DATABASE_UNAVAILABLE";

/** People's words as a catalogue key and its values, worded when the answer is made. */
export interface UserMessage {
  key: MessageKey;
  params?: MessageValues;
}

export interface AppErrorDetails {
  /**
   * What the error is about, for the answer's choice of words and the log: the thing not found
   * ("unit", "metric", "campaign", "report", "user"), the field refused, the rule broken.
   */
  subject?: string;
  /** The people's words, when more precise than their code's (errors.code.*). */
  userMessage?: UserMessage;
  /** Each field's messages, already worded (a form shows them beside the field). */
  fieldErrors?: Record<string, string[]>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly subject: string | null;
  readonly userMessage: UserMessage | null;
  readonly fieldErrors: Record<string, string[]>;

  constructor(readonly code: AppErrorCode, details: AppErrorDetails = {}) {
    // Error's own message is for the log line: the people's words when given, else code and subject
    super(
      details.userMessage ? m(details.userMessage.key, details.userMessage.params) : details.subject ? `${code}: ${details.subject}` : code,
      details.cause === undefined ? undefined : { cause: details.cause },
    );
    this.name = "AppError";
    this.subject = details.subject ?? null;
    this.userMessage = details.userMessage ?? null;
    this.fieldErrors = details.fieldErrors ?? {};
  }
}

/** A refused field: its message beside the field and as the form's message. */
export function invalidField(field: string, key: MessageKey, params?: MessageValues): AppError {
  const message = m(key, params);
  return new AppError("INVALID_INPUT", { subject: field, userMessage: { key, params }, fieldErrors: { [field]: [message] } });
}

/** The people's words for `error`, in the current language: its own message, else its code's. */
export function userText(error: AppError): string {
  return error.userMessage ? m(error.userMessage.key, error.userMessage.params) : m(`errors.code.${error.code}`);
}

/** The refusal of a role that may never write figures (province, leader), saying what it may do instead. */
export function roleCannotWriteFigures(role: string): AppError {
  return new AppError("FORBIDDEN", { subject: "role", userMessage: { key: role === "leader" ? "validation.apiRows.roleCannotWrite.leader" : "validation.apiRows.roleCannotWrite.province" } });
}
