// Structured logs from the app: one JSON line per event on standard output (see
// log-format.mjs for what is kept out). Callers pass user ids, never usernames or names.
import { formatLogLine } from "./log-format.mjs";

export { safePath, scrubMessage } from "./log-format.mjs";

export type LogLevel = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logLine(level: LogLevel, event: string, fields: LogFields): void {
  process.stdout.write(formatLogLine(level, event, fields));
}
