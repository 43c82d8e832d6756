// The JSON log lines a unit test's code writes, kept instead of printed. In the test:
//   vi.mock("@/lib/observability/log", async (original) => (await import("../support/log-capture")).capturingLog(original));
// then read (and empty) `logged`.
import type { LogFields } from "@/lib/observability/log";

export const logged: { level: string; event: string; fields: LogFields }[] = [];

export async function capturingLog(importOriginal: () => Promise<unknown>): Promise<Record<string, unknown>> {
  return {
    ...((await importOriginal()) as Record<string, unknown>),
    logLine: (level: string, event: string, fields: LogFields) => void logged.push({ level, event, fields }),
  };
}
