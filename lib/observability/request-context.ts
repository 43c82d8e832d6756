// What the request log line learns while the app handles a request: the request id (made
// by the production server, lib/observability/http-server.mjs) and which user it served.
// The server runs Next's handler inside an AsyncLocalStorage it puts on globalThis, so the
// bundled app code and the plain server share one store without importing each other.
import type { AsyncLocalStorage } from "node:async_hooks";

export const REQUEST_ID_HEADER = "x-request-id";
/** Readable by the error pages, which cannot see response headers. */
export const REQUEST_ID_COOKIE = "vneid_rid";

export interface RequestContext {
  requestId: string;
  userId?: number;
  /**
   * This request writes (any method but GET and HEAD) or its browser wrote a moment ago
   * (PRIMARY_COOKIE): its reads stay on the primary, never on a lagging replica.
   */
  readsFromPrimary?: boolean;
}

/** Set on the answer to every write, for REPLICA_STICKY_SECONDS: the browser's next reads go to the primary. */
export const PRIMARY_COOKIE = "vneid_primary";

const STORE_KEY = Symbol.for("vneid.requestContext");

function store(): AsyncLocalStorage<RequestContext> | undefined {
  return (globalThis as Record<symbol, AsyncLocalStorage<RequestContext> | undefined>)[STORE_KEY];
}

export function currentRequestContext(): RequestContext | undefined {
  return store()?.getStore();
}

/** Records the signed-in (or token) user's id for this request's log line: the id only. */
export function noteRequestUser(userId: number): void {
  const context = currentRequestContext();
  if (context) context.userId = userId;
}

/** A request id as the server accepts it from a client or proxy in front: short, plain. */
export function isRequestId(value: unknown): value is string {
  return typeof value === "string" && /^[A-Za-z0-9-]{8,64}$/.test(value);
}
