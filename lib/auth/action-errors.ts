import "server-only";
// How every server action answers an error its work threw. Expected refusals are typed: an
// AppError (validation, permission, not found, conflict) or a database that cannot answer
// right now (an outage: nothing was stored, the user tries again later); each gets its own
// message from the catalogue. Anything else is a bug until shown otherwise: it is logged as
// "unexpected" with an error id (lib/observability/errors.ts) and answered with the action's
// generic message carrying that id, never the error's own text. Tests (the hostile-input
// harness) fail on any "unexpected" line, so a crash cannot hide behind a polite answer.
import { unstable_rethrow } from "next/navigation";
import { AppError, userText } from "@/lib/data/errors";
import { isDatabaseUnavailable, outageMessage } from "@/lib/data/db-errors";
import { m } from "@/lib/i18n/message";
import { logError } from "@/lib/observability/errors";

export interface Refusal {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[]>;
}

/** An action's generic "could not do it" message: each takes the `{errorId}` of the log line. */
export type FailedMessageKey = "errors.form.failed" | "entry.save.failed" | "entry.import.failed";

/** A typed refusal as an action answers it: its words (its own, else its code's), and each field's messages. */
export function errorState(error: AppError): Refusal {
  return { ok: false, message: userText(error), fieldErrors: error.fieldErrors };
}

/** The answer to `error`, thrown by the work of the action named `where`. */
export function refusalFor(error: unknown, where: string, failed: FailedMessageKey): Refusal {
  // Next's own signals (redirect, notFound) are answers, not errors
  unstable_rethrow(error);
  if (isDatabaseUnavailable(error) || (error instanceof AppError && error.code === "DATABASE_UNAVAILABLE")) {
    return { ok: false, message: outageMessage(error, where), fieldErrors: {} };
  }
  if (error instanceof AppError) return errorState(error);
  const errorId = logError(error, where, "unexpected");
  return { ok: false, message: m(failed, { errorId }), fieldErrors: {} };
}

/** Runs an action's work; whatever it throws is answered by `refusalFor`. */
export async function guardAction<T>(where: string, failed: FailedMessageKey, work: () => Promise<T>): Promise<T | Refusal> {
  try {
    return await work();
  } catch (error) {
    return refusalFor(error, where, failed);
  }
}
