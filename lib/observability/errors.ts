// One JSON line per server error, with the request id the user sees on the error page and
// the digest Next.js shows in production, so support finds the line from either.
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

/** An error caught by the app's own code (it answered the user with a message). */
export function logError(error: unknown, where: string): void {
  const context = currentRequestContext();
  logLine("error", "error", { where, requestId: context?.requestId, userId: context?.userId, ...describe(error) });
}

/** Next.js's `onRequestError` (instrumentation.ts): an error no code of ours caught. */
export function logRequestError(error: unknown, request: ErrorRequest, context: { routerKind: string; routePath: string; routeType: string }): void {
  const header = request.headers[REQUEST_ID_HEADER];
  const requestId = currentRequestContext()?.requestId ?? (isRequestId(header) ? header : undefined);
  logLine("error", "error", {
    where: `${context.routeType} ${context.routePath}`,
    requestId,
    userId: currentRequestContext()?.userId,
    method: request.method,
    path: safePath(request.path),
    ...describe(error),
  });
}
