// Bad input everywhere: property-based tests (fast-check) throw random and hostile values at
// every route handler, server action, search parameter parser and import that exists (the
// list: hostile/surfaces.ts, one entry each). See hostile/harness.ts for what must hold.
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { saveDailyGridAction } from "@/app/entry/actions";
import { errorMessage } from "@/lib/i18n/error-messages";
import { m } from "@/lib/i18n/message";
import { expectStoredFiguresValid } from "../support/stored-figures";
import { takeErrorLines } from "./hostile/error-log";
import { signInAs, useCookie } from "./hostile/signed-in";
import { SURFACES } from "./hostile/surfaces";
import { buildWorld, DISTRICT_USER, restoreWorldUsers } from "./hostile/world";
import type { AttackReport } from "./hostile/harness";
import { resetDatabase, testDb } from "./helpers";

// The app's log lines go to the harness, which fails an input that made the app log an error.
vi.mock("@/lib/observability/log", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  logLine: (await import("./hostile/error-log")).recordLogLine,
}));
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
// The session module (lib/auth/session.ts) is the product's own, database re-check included:
// only next-auth's reading of the cookie, which needs a real request, is replaced.
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  getServerSession: async () => (await import("./hostile/signed-in")).currentSession(),
}));

const reports: AttackReport[] = [];

describe("hostile input, property-based", () => {
  beforeAll(async () => {
    await buildWorld(await resetDatabase());
  });

  afterAll(() => {
    const tried = reports.reduce((sum, r) => sum + r.tried, 0);
    const reachingDatabase = reports.filter((r) => r.reaches === "database").reduce((sum, r) => sum + r.tried, 0);
    console.log(`Hostile inputs tried: ${tried} (${reachingDatabase} on targets that reach the database, ${tried - reachingDatabase} on pure parsers)`);
    for (const r of reports) console.log(`  ${String(r.tried).padStart(6)} ${r.name} [${r.reaches}] (${r.accepted} accepted, ${r.refused} refused)`);
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/hostile-inputs.json", JSON.stringify({ tried, reachingDatabase, targets: reports }, null, 2));
  });

  it("uses the product's session module: a stale or deactivated session is refused by its database re-check", async () => {
    const grid = { date: "2023-06-01", submissionKey: "hostile-session-check", cells: [] };
    await signInAs(DISTRICT_USER());
    expect(await saveDailyGridAction(grid)).toMatchObject({ ok: true });
    useCookie({ uid: DISTRICT_USER().id, sv: -1, sat: Math.floor(Date.now() / 1000) });
    expect(await saveDailyGridAction(grid)).toEqual({ ok: false, message: errorMessage("UNAUTHENTICATED"), fieldErrors: {}, signedOut: true });
    await testDb().user.update({ where: { id: DISTRICT_USER().id }, data: { active: false } });
    await signInAs(DISTRICT_USER());
    expect(await saveDailyGridAction(grid)).toEqual({ ok: false, message: errorMessage("UNAUTHENTICATED"), fieldErrors: {}, signedOut: true });
    await restoreWorldUsers(testDb());
    expect(takeErrorLines()).toEqual([]);
  });

  it("refuses a NUL character in a correction's reason as invalid, not as a database outage", async () => {
    await signInAs(DISTRICT_USER());
    const cell = { unitCode: "90101", metric: "dossiers", kind: "daily" as const };
    const saved = await saveDailyGridAction({ date: "2023-06-01", submissionKey: "hostile-nul-1", cells: [{ ...cell, value: "5", expectedVersion: null }] });
    expect(saved).toMatchObject({ ok: true, written: 1 });
    const version = await storedFigure("90101", "dossiers");
    const corrected = await saveDailyGridAction({ date: "2023-06-01", submissionKey: "hostile-nul-2", cells: [{ ...cell, value: "6", expectedVersion: version.version, reason: "Sửa\u0000theo xã" }] });
    expect(corrected).toMatchObject({ ok: false, fieldErrors: { "90101.dossiers": [m("validation.reason.invalidCharacter")] } });
    expect(takeErrorLines()).toEqual([]);
  });

  it("refuses a back-dated lowering that would take a later day's running total below zero", async () => {
    await signInAs(DISTRICT_USER());
    const cell = { unitCode: "90102", metric: "dossiers", reason: "Sửa theo báo cáo của xã" };
    const save = (date: string, key: string, value: string, kind: "daily" | "cumulative", expectedVersion: number | null) =>
      saveDailyGridAction({ date, submissionKey: key, confirmSpikes: true, cells: [{ ...cell, value, kind, expectedVersion }] });
    expect(await save("2023-05-10", "hostile-negative-1", "10", "daily", null)).toMatchObject({ ok: true });
    // the next day's running total lowered to 2 (a correction of the count, with its reason)
    expect(await save("2023-05-11", "hostile-negative-2", "2", "cumulative", null)).toMatchObject({ ok: true });
    const first = await storedFigure("90102", "dossiers", new Date("2023-05-10"));
    // 10 → 5 on the first day would leave 2 − 5 = −3 on the second
    expect(await save("2023-05-10", "hostile-negative-3", "5", "daily", first.version)).toMatchObject({
      ok: false,
      fieldErrors: { "90102.dossiers": [expect.stringContaining("-3")] },
    });
    expect(takeErrorLines()).toEqual([]);
  });

  it.each(SURFACES.map((t, i) => ({ ...t, seed: 20261123 + i })))("$name: never a 500, an error logged, a stack trace or a refusal without a message", async ({ attack, seed }) => {
    await restoreWorldUsers(testDb());
    const report = await attack(seed);
    reports.push(report);
    expect(report.tried).toBeGreaterThan(0);
    await expectStoredFiguresValid(testDb());
  });

  it("stored some of what was valid, so the properties reached the database", async () => {
    expect(await expectStoredFiguresValid(testDb())).toBeGreaterThan(0);
  });
});

/** The stored figure of a unit and metric (on a day, when given). */
async function storedFigure(unitCode: string, metric: string, date?: Date) {
  const db = testDb();
  const [unit, metricRow] = await Promise.all([db.unit.findFirstOrThrow({ where: { code: unitCode } }), db.metric.findUniqueOrThrow({ where: { code: metric } })]);
  return db.figure.findFirstOrThrow({ where: { unitId: unit.id, metricId: metricRow.id, ...(date ? { date } : {}) } });
}
