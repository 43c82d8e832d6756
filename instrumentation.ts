// Next.js calls onRequestError for every error our code did not catch (pages, route
// handlers, server actions): one JSON log line with the request id and digest.
import type { Instrumentation } from "next";

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("./lib/observability/errors");
  logRequestError(error, request, context);
};
