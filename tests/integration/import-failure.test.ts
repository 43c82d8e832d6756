// The database fails in the middle of a big daily import (issue 19): the user gets a clear
// message carrying the id of the logged error, never the database's or the driver's own text,
// and nothing is written. The import is caught mid-write deterministically: a second session
// holds a lock that every insert into audit_event waits on, so the import's transaction stops
// at its first audit row, after validation; that backend is then terminated, as a cut
// connection or a database restart would do.
import { Client } from "pg";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv } from "@/lib/data/import";
import { loadUnits, provinceUnits, readOfficialUnits } from "@/lib/db/seed/official-units";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import { IMPORT_SCALE, provinceDaysCsv, type ImportFile } from "../support/import-files";
import { addUser } from "../support/users";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { NOTHING_STORED, storedCounts } from "../support/stored-counts";

const GENEROUS = 20 * 60_000;
const NOW = new Date();

/** Internal text no user may see: the database's, the driver's and Prisma's words, source paths, stack frames. */
const INTERNAL = /prisma|postgres|sqlstate|terminating connection|administrator command|connection (terminated|closed)|invalid `|\bat \S+ \(|\/[\w./-]+\.(ts|tsx|js|mjs)\b|\.(ts|js|mjs):\d+|node_modules|\berror:|\bP\d{4}\b|\b57P0\d\b|\b08\d{3}\b/i;

let admin: Actor & { id: number };
let file: ImportFile;

async function session(): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl() });
  client.on("error", () => undefined);
  await client.connect();
  return client;
}

const stored = () => storedCounts(databaseUrl());

/** The error lines the app logged (one JSON object per line on standard output): their id and kind. */
function loggedErrors(written: readonly string[]): { errorId: string; kind: unknown }[] {
  return written.join("").split("\n").flatMap((line) => {
    try {
      const parsed = JSON.parse(line) as { level?: string; errorId?: unknown; kind?: unknown };
      return parsed.level === "error" && typeof parsed.errorId === "string" ? [{ errorId: parsed.errorId, kind: parsed.kind }] : [];
    } catch {
      return [];
    }
  });
}

beforeAll(async () => {
  const db = await resetDatabase();
  const official = readOfficialUnits();
  await loadUnits(db, provinceUnits(official, "49"));
  admin = await addUser(db, "quan-tri-nhap", "admin", null);
  file = provinceDaysCsv(official, "49", addDays(todayInVietnam(NOW), -(IMPORT_SCALE.days + 10)), IMPORT_SCALE.days);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a daily import when the database fails mid-import", () => {
  it("answers with a clear message carrying an error id, writes nothing, and the next import goes through", async () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (written.push(String(chunk)), true));
    const locker = await session();
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE audit_event IN SHARE MODE");

    let settled = false;
    const pending = importCsv(admin, "daily", file.text, { now: NOW }).then(
      (result) => ({ result, error: undefined as unknown }),
      (error: unknown) => ({ result: undefined, error }),
    ).finally(() => {
      settled = true;
    });

    let terminated = false;
    while (!settled && !terminated) {
      const { rows } = await locker.query<{ pid: number }>(
        `SELECT pid FROM pg_locks WHERE locktype = 'relation' AND relation = 'audit_event'::regclass AND NOT granted AND pid <> pg_backend_pid()`,
      );
      if (rows.length) {
        await locker.query("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [rows.map((r) => r.pid)]);
        terminated = true;
      } else {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    await locker.query("ROLLBACK");
    await locker.end();
    const { result, error } = await pending;
    vi.restoreAllMocks();

    // Judged on what the user is shown, whether the import threw it (an AppError) or answered it.
    const shown = error === undefined ? result?.errors.map((e) => e.message).join("\n") ?? "" : error instanceof Error ? error.message : String(error);
    expect(terminated, "the import never reached its first audit row").toBe(true);
    expect(result?.ok ?? false).toBe(false);
    if (error !== undefined) expect(error).toMatchObject({ name: "AppError", code: expect.any(String) });
    else expect(result).toMatchObject({ ok: false, written: 0 });
    expect(shown).not.toMatch(INTERNAL);
    // The id shown is the logged line's, and that line says it was an outage, not a bug.
    const logged = loggedErrors(written).find((line) => shown.includes(line.errorId));
    expect(logged, `no logged error id in the message shown: ${shown}`).toBeDefined();
    expect(logged?.kind).toBe("database-unavailable");
    expect(await stored()).toEqual(NOTHING_STORED);

    // The application's own pool recovers: the same file, imported again, is written whole.
    const again = await importCsv(admin, "daily", file.text, { now: NOW });
    expect(again).toMatchObject({ ok: true, written: file.rows });
    expect(await stored()).toMatchObject({ figures: file.rows, audits: file.rows });
    expect(await testDb().figure.count()).toBe(file.rows);
  }, GENEROUS);
});
