// One JSON line per server error, with the request id the user sees on the error page and
// the digest Next.js shows in production, so support finds the line from either. Each line
// says what kind of error it was: "unexpected" (a bug until shown otherwise: no code expected
// it) or "database-unavailable" (an outage the user was told to wait out), so that a monitor,
// or a test, can tell the two apart.
import { logLine, safePath, scrubMessage } from "./log";
import { currentRequestContext, isRequestId, REQUEST_ID_HEADER } from "./request-context";

interface ErrorRequest {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

function describe(error: unknown): { name: string; code?: string; causeCode?: string; cause?: string; message: string; digest?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: scrubMessage(String(error)) };
  const { code, digest, cause } = error as Error & { code?: unknown; digest?: unknown; cause?: unknown };
  const causeCode = cause instanceof Error ? (cause as Error & { code?: unknown }).code : undefined;
  const frames = (error.stack ?? "").split("\n").slice(1, 8).map((line) => line.trim());
  return {
    name: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(typeof causeCode === "string" ? { causeCode } : {}),
    ...(cause instanceof Error ? { cause: scrubMessage(cause.message).slice(0, 300) } : {}),
    message: scrubMessage(error.message),
    ...(typeof digest === "string" ? { digest } : {}),
    ...(frames.length ? { stack: frames.join(" | ") } : {}),
  };
}

export type LoggedErrorKind = "unexpected" | "database-unavailable";

/**
 * An error caught by the app's own code (it answered the user with a message). Returns the
 * line's error id, for the answer to show: support finds the line from it.
 */
export function logError(error: unknown, where: string, kind: LoggedErrorKind = "unexpected"): string {
  const context = currentRequestContext();
  const errorId = globalThis.crypto.randomUUID().slice(0, 8);
  logLine("error", "error", { where, kind, errorId, requestId: context?.requestId, userId: context?.userId, ...describe(error) });
  return errorId;
}

/** Next.js's `onRequestError` (instrumentation.ts): an error no code of ours caught. */
export function logRequestError(error: unknown, request: ErrorRequest, context: { routerKind: string; routePath: string; routeType: string }): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = currentRequestContext()?.requestId ?? (isRequestId(header) ? header : undefined);
  logLine("error", "error", {
    where: `${context.routeType} ${context.routePath}`,
    kind: "unexpected",
    requestId,
    userId: currentRequestContext()?.userId,
    method: request.method,
    path: safePath(request.path),
    ...describe(error),
  });
}
