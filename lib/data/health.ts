import "server-only";
// What monitoring asks: is the app up, does the database answer (and how fast), which
// migration is it at. No connection strings, user names, versions of the server software
// or anything else an attacker could use.
import { readdirSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";

export interface HealthDTO {
  status: "ok" | "unavailable";
  time: string;
  app: { status: "up"; uptimeSeconds: number };
  database: {
    status: "up" | "down";
    latencyMs: number | null;
    /** the latest applied migration's name */
    migration: string | null;
    /** migrations in this build the database has not applied (null when unknown) */
    pendingMigrations: number | null;
    /** why it is down, in a word: never the server's address or message */
    error?: "timeout" | "refused" | "failed";
  };
}

const TIMEOUT_MS = Number(process.env.HEALTH_TIMEOUT_MS ?? 3_000);

function knownMigrations(): string[] | null {
  try {
    return readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reason(error: unknown): "timeout" | "refused" | "failed" {
  const text = error instanceof Error ? `${error.message} ${String((error as Error & { code?: unknown }).code ?? "")}` : "";
  if (/within \d+ ms|timeout|timed out/i.test(text)) return "timeout";
  if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|connect|terminat|shutting down/i.test(text)) return "refused";
  return "failed";
}

export async function getHealth(): Promise<HealthDTO> {
  const started = performance.now();
  const base = { time: new Date().toISOString(), app: { status: "up" as const, uptimeSeconds: Math.round(process.uptime()) } };
  try {
    const rows = await withTimeout(
      db().$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      TIMEOUT_MS,
    );
    const latencyMs = Math.round((performance.now() - started) * 10) / 10;
    const applied = new Set(rows.map((row) => row.migration_name));
    const known = knownMigrations();
    return {
      status: "ok",
      ...base,
      database: {
        status: "up",
        latencyMs,
        migration: [...applied].sort().at(-1) ?? null,
        pendingMigrations: known ? known.filter((name) => !applied.has(name)).length : null,
      },
    };
  } catch (error) {
    return {
      status: "unavailable",
      ...base,
      database: { status: "down", latencyMs: null, migration: null, pendingMigrations: null, error: reason(error) },
    };
  }
}
