import "server-only";
// How every server action answers an error its work threw: classified once (classifyError,
// lib/data/db-errors.ts, the same classifier as the route handlers'), answered in the action's
// shape `{ ok: false, message, fieldErrors }`. An outage gets "try again" with the id of its
// log line; a typed refusal (AppError) its own words and field messages; anything else is
// logged as "unexpected" with an error id (lib/observability/errors.ts) and answered with the
// action's generic message carrying that id, never the error's own text. Tests (the
// hostile-input harness) fail on any "unexpected" line, so a crash cannot hide behind a polite
// answer.
import { unstable_rethrow } from "next/navigation";
import { userText, type AppError } from "@/lib/data/errors";
import { classifyError } from "@/lib/data/db-errors";
import { m } from "@/lib/i18n/message";

export interface Refusal {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** An action's generic "could not do it" message: each takes the `{errorId}` of the log line. */
export type FailedMessageKey = "errors.form.failed" | "entry.save.failed" | "entry.import.failed";

/** A typed refusal as an action answers it: its words, and each field's messages. */
export function errorState(error: AppError): Refusal {
  return { ok: false, message: userText(error), fieldErrors: error.fieldErrors };
}

/** The answer to `error`, thrown by the work of the action named `where`. */
export function refusalFor(error: unknown, where: string, failed: FailedMessageKey): Refusal {
  // Next's own signals (redirect, notFound) are answers, not errors
  unstable_rethrow(error);
  const found = classifyError(error, where);
  if (found.kind === "outage") return { ok: false, message: found.message, fieldErrors: {} };
  if (found.kind === "refused") return errorState(found.error);
  return { ok: false, message: m(failed, { errorId: found.errorId }), fieldErrors: {} };
}

/** Runs an action's work; whatever it throws is answered by `refusalFor`. */
export async function guardAction<T>(where: string, failed: FailedMessageKey, work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    return refusalFor(error, where, failed);
  }
}
