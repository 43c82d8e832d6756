// Faults while people save: the database restarts, a connection is cut, a client goes away
// mid-upload or mid-save. Runs on a PostgreSQL of its own (started, stopped and restarted
// here), never the shared test server. Saves are held "in flight" deterministically: a
// second session locks the submissions table, so every save waits inside its transaction
// until the fault is applied.
import { Client } from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import type { Actor } from "@/lib/auth/permissions";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { isDatabaseUnavailable } from "@/lib/data/db-errors";
import { AppError } from "@/lib/data/errors";
import { createPrismaClient, setDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedReference } from "@/lib/db/seed/reference";
import { createDatabaseIfMissing } from "@/lib/db/url";
import { ThrowawayPostgres } from "../support/throwaway-postgres";
import { smallTree } from "./fixtures";
import { addApiToken } from "../support/users";
import { NOTHING_STORED, storedCounts } from "../support/stored-counts";

// POST /api/v1/daily answers in the request's language: its cookie (none here), else the
// session's (none: the API is called with a token); outside a request Next's own cookies() throws.
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

let server: ThrowawayPostgres;
let db: Db;
let district: Actor & { id: number };
let token: string;

const COMMUNES = ["90101", "90102"];
const day = (n: number) => `2023-06-${String(n).padStart(2, "0")}`;

function observer(): Promise<Client> {
  const client = new Client({ connectionString: server.url("vneid") });
  client.on("error", () => undefined);
  return client.connect().then(() => client);
}

/** A session holding the submissions table: every save blocks on its first write. */
async function holdSaves(): Promise<Client> {
  const locker = await observer();
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE daily_submission IN ACCESS EXCLUSIVE MODE");
  return locker;
}

/** Waits until `n` of the application's sessions wait on that lock. */
async function waitForBlockedSaves(n: number): Promise<number[]> {
  const probe = await observer();
  try {
    for (let attempt = 0; attempt < 600; attempt++) {
      const { rows } = await probe.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'vneid' AND wait_event_type = 'Lock'`,
      );
      if (rows.length >= n) return rows.map((r) => r.pid);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`only some saves reached the database`);
  } finally {
    await probe.end();
  }
}

const stored = () => storedCounts(server.url("vneid"));

const apiRequest = (body: unknown, key: string, init: RequestInit = {}) =>
  new Request("http://test/api/v1/daily", {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
    ...init,
  });

const row = (unitCode: string, date: string, value: number) => ({ ref: 0, date, unitCode, metric: "accounts", value, kind: "daily" as const });

describe("faults", () => {
  beforeAll(async () => {
    server = await ThrowawayPostgres.create();
    await createDatabaseIfMissing(server.url(), "vneid");
    await migrate(server.url("vneid"));
    db = createPrismaClient(server.url("vneid"), { connectTimeoutMs: 3_000 });
    setDb(db);
    await seedReference(db);
    await smallTree(db);
    const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
    const user = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc", passwordHash: "x", role: "district", unitId: unit.id } });
    token = await addApiToken(db, user.id, "faults");
    district = { id: user.id, username: "bac", role: "district", unitPath: "90/901/" };
  });

  afterAll(async () => {
    await db?.$disconnect().catch(() => undefined);
    server?.destroy();
  });

  beforeEach(async () => {
    await db.$executeRawUnsafe(`TRUNCATE figure, daily_total, unit_report, daily_submission, audit_event RESTART IDENTITY`);
  });

  it("fails saves in flight cleanly when the database restarts, stores nothing partial, and recovers without an app restart", async () => {
    const locker = await holdSaves();
    const direct = COMMUNES.flatMap((unitCode, u) =>
      [1, 2, 3, 4].map((d) => saveDailyFigures(district, [row(unitCode, day(d), 10 + d)], { submissionKey: `restart-${u}-${d}` }).then(
        (result) => ({ result, error: null as unknown }),
        (error: unknown) => ({ result: null, error }),
      )),
    );
    const viaApi = [5, 6].map((d) => POST(apiRequest({ rows: COMMUNES.map((c) => row(c, day(d), 20)) }, `restart-api-${d}`)));
    await waitForBlockedSaves(direct.length + viaApi.length);

    server.stop("fast");
    server.start();
    await locker.end().catch(() => undefined);

    for (const { result, error } of await Promise.all(direct)) {
      expect(result).toBeNull();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("DATABASE_UNAVAILABLE");
      expect((error as AppError).message).toMatch(/thử lại/);
    }
    for (const response of await Promise.all(viaApi)) {
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/chưa có số nào được lưu.*thử lại/);
      expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|Error:|stack/i);
    }
    expect(await stored()).toEqual(NOTHING_STORED);

    // the same process, the same pool: the retried saves go through, once each
    for (const [u, unitCode] of COMMUNES.entries()) {
      for (const d of [1, 2, 3, 4]) {
        expect(await saveDailyFigures(district, [row(unitCode, day(d), 10 + d)], { submissionKey: `restart-${u}-${d}` })).toMatchObject({ ok: true, written: 1 });
      }
    }
    for (const d of [5, 6]) {
      const retried = await POST(apiRequest({ rows: COMMUNES.map((c) => row(c, day(d), 20)) }, `restart-api-${d}`));
      expect(retried.status).toBe(200);
      expect(await retried.json()).toEqual({ written: 2 });
    }
    const again = await POST(apiRequest({ rows: COMMUNES.map((c) => row(c, day(5), 20)) }, "restart-api-5"));
    expect(await again.json()).toEqual({ written: 2 });
    expect(await stored()).toMatchObject({ figures: 12, audits: 12, submissions: 10 });
  });

  it("stores nothing when a save's connection is cut mid-transaction, and the next save works", async () => {
    const locker = await holdSaves();
    const pending = saveDailyFigures(district, COMMUNES.map((c) => row(c, day(10), 7)), { submissionKey: "cut-1" }).catch((error: unknown) => error);
    const [pid] = await waitForBlockedSaves(1);
    await locker.query("SELECT pg_terminate_backend($1)", [pid]);
    await locker.query("ROLLBACK");
    await locker.end();
    const error = await pending;
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("DATABASE_UNAVAILABLE");
    expect(await stored()).toEqual(NOTHING_STORED);
    expect(await saveDailyFigures(district, COMMUNES.map((c) => row(c, day(10), 7)), { submissionKey: "cut-1" })).toMatchObject({ ok: true, written: 2 });
  });

  it("answers an upload cut off mid-body with a message, and stores nothing", async () => {
    const body = JSON.stringify({ rows: COMMUNES.map((c) => row(c, day(11), 3)) });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(body.slice(0, body.length / 2)));
        setTimeout(() => controller.error(new Error("client went away")), 10);
      },
    });
    const response = await POST(apiRequest(null, "cut-upload-1", { body: stream, duplex: "half" } as RequestInit));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/ngắt giữa chừng/);
    expect(await stored()).toEqual(NOTHING_STORED);
  });

  it("completes a save whose client went away while it waited: all rows with their audit events, never some", async () => {
    const locker = await holdSaves();
    const controller = new AbortController();
    const rows = COMMUNES.flatMap((c) => [12, 13, 14].map((d) => row(c, day(d), 4)));
    const pending = POST(apiRequest({ rows }, "abort-request-1", { signal: controller.signal }));
    await waitForBlockedSaves(1);
    controller.abort();
    await locker.query("COMMIT");
    await locker.end();
    const response = await pending;
    expect(response.status).toBe(200);
    const after = await stored();
    expect(after.figures).toBe(rows.length);
    expect(after.audits).toBe(after.figures);
    // a retry by the client (which never saw the answer) writes nothing twice
    const retried = await POST(apiRequest({ rows }, "abort-request-1"));
    expect(await retried.json()).toEqual({ written: rows.length });
    expect(await stored()).toEqual(after);
  });

  it("cancels a statement that runs past the statement timeout, with an error the app answers 'try again'", async () => {
    const slow = createPrismaClient(server.url("vneid"), { statementTimeoutMs: 200 });
    try {
      const error = await slow.$queryRaw`SELECT pg_sleep(30)`.then(() => null, (e: unknown) => e);
      expect(error).not.toBeNull();
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(JSON.stringify(error)).toContain("57014");
      expect(await slow.$queryRaw<{ ok: number }[]>`SELECT 1 AS ok`).toEqual([{ ok: 1 }]);
    } finally {
      await slow.$disconnect();
    }
  });

  it("never opens more connections than the pool's bound, however many queries wait", async () => {
    const bounded = createPrismaClient(server.url("vneid"), { max: 2 });
    const probe = await observer();
    try {
      let most = 0;
      const queries = Array.from({ length: 8 }, () => bounded.$queryRaw`SELECT pg_sleep(0.2)::text AS slept, 'pool-bound-probe' AS marker`);
      const done = Promise.all(queries);
      let finished = false;
      const stop = () => {
        finished = true;
      };
      done.then(stop, stop);
      while (!finished) {
        const { rows } = await probe.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE query LIKE '%pool-bound-probe%' AND pid <> pg_backend_pid()`);
        most = Math.max(most, Number(rows[0].n));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect((await done).length).toBe(8);
      expect(most).toBeGreaterThan(0);
      expect(most).toBeLessThanOrEqual(2);
    } finally {
      await probe.end();
      await bounded.$disconnect();
    }
  });
});
