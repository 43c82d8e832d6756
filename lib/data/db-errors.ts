// Recognises the errors that mean "the database cannot answer right now" (down, restarting,
// connection cut, pool exhausted, statement timed out), as opposed to a bug or bad data, and
// classifies whatever a server action or route handler caught (classifyError): the one
// classifier behind both answer shapes (lib/auth/action-errors.ts, lib/api/errors.ts).
// The save paths turn them into AppError("DATABASE_UNAVAILABLE"): the transaction was rolled
// back by PostgreSQL, nothing was stored, and the user is told to try again.
import { m } from "@/lib/i18n/message";
import { logError } from "@/lib/observability/errors";
import { AppError } from "./errors";

/**
 * Prisma's codes for an unreachable server, a lost connection, a timeout or a full pool. Not
 * P2039, Prisma's "database error" for any SQLSTATE it has no code of its own for: an outage
 * (57P01, 08006…) or bad data (22021, a NUL byte in a text) alike; its driver cause decides.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** PostgreSQL SQLSTATEs: connection exceptions (08…), shutdown/restart (57P0…), query canceled (57014), too many connections (53300). */
const SQLSTATE = /^(08...|57P0[1-4]|57014|53300)$/;
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES = /ECONNREFUSED|ECONNRESET|EPIPE|Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery)|Transaction already closed|Transaction not found/i;

interface DriverCause {
  kind?: string;
  code?: string;
  originalCode?: string;
}

function driverCause(error: object): DriverCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: DriverCause } } }).meta;
  return meta?.driverAdapterError?.cause;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SQLSTATE.test(code))) return true;
  const cause = driverCause(error);
  if (cause) {
    if (cause.kind && DRIVER_KINDS.has(cause.kind)) return true;
    const sqlstate = cause.originalCode ?? cause.code;
    if (typeof sqlstate === "string" && SQLSTATE.test(sqlstate)) return true;
  }
  return MESSAGES.test(error.message) || (error.cause !== undefined && isDatabaseUnavailable(error.cause));
}

/** The error to throw on: an AppError the routes map to "try again", or the original error. */
export function asAppError(error: unknown): unknown {
  if (!isDatabaseUnavailable(error)) return error;
  // the original stays as the cause, for the server's log line
  return new AppError("DATABASE_UNAVAILABLE", { userMessage: { key: "errors.code.DATABASE_UNAVAILABLE" }, cause: error });
}

/** An outage already logged where it was caught: the id of its log line travels with it. */
export function withErrorId<E extends Error>(error: E, errorId: string): E & { errorId: string } {
  return Object.assign(error, { errorId });
}

/**
 * What the user is told of an outage, with the id of its log line: logged here unless it was
 * logged where it was first caught (withErrorId). Server actions and route handlers both
 * answer outages with it.
 */
export function outageMessage(error: unknown, where: string): string {
  const known = (error as { errorId?: unknown } | null)?.errorId;
  const errorId = typeof known === "string" ? known : logError(error, where, "database-unavailable");
  return m("errors.api.databaseUnavailableWithId", { errorId });
}

/**
 * What a caught error is, for an answer: an outage (logged, or already logged where it was
 * caught; the message carries the line's id), a typed refusal (an AppError: its code and words
 * are the answer, nothing is logged), or anything else: unexpected, a bug until shown
 * otherwise, logged with an id and answered without its own text.
 */
export type ErrorClass =
  | { kind: "outage"; message: string }
  | { kind: "refused"; error: AppError }
  | { kind: "unexpected"; errorId: string };

export function classifyError(error: unknown, where: string): ErrorClass {
  if (isDatabaseUnavailable(error) || (error instanceof AppError && error.code === "DATABASE_UNAVAILABLE")) {
    return { kind: "outage", message: outageMessage(error, where) };
  }
  if (error instanceof AppError) return { kind: "refused", error };
  return { kind: "unexpected", errorId: logError(error, where, "unexpected") };
}
