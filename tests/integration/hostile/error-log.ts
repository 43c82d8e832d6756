// The error lines the app writes (lib/observability/errors.ts), kept for the hostile harness
// instead of going to standard output: hostile-inputs.test.ts routes the log module's
// `logLine` here. An action answers an unexpected error politely (`{ ok: false, message }`
// with an error id), so the answer alone cannot tell a crash from a refusal; its log line can.
import type { LogFields, LogLevel } from "@/lib/observability/log";

export interface LoggedLine {
  level: LogLevel;
  event: string;
  fields: LogFields;
}

const lines: LoggedLine[] = [];

export function recordLogLine(level: LogLevel, event: string, fields: LogFields): void {
  lines.push({ level, event, fields });
}

/** The error lines written since the last call. */
export function takeErrorLines(): LoggedLine[] {
  return lines.splice(0).filter((line) => line.level === "error");
}
