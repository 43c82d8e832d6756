export function safePath(url: string): string;
export function scrubMessage(message: string): string;
export function formatLogLine(level: "info" | "warn" | "error", event: string, fields: Record<string, unknown>): string;
