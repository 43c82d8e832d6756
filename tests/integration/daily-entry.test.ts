import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/daily/route";
import type { Actor } from "@/lib/auth/permissions";
import { AppError, userText } from "@/lib/data/errors";
import { gridCellsToRows } from "@/lib/data/daily-grid-rows";
import { getDailyGrid } from "@/lib/data/daily-grid";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { importCsv } from "@/lib/data/import";
import { createPeriodLock } from "@/lib/data/period-locks";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { withLocale } from "@/lib/i18n/message";
import { importFailure } from "@/lib/validation/uploaded-table";
import { ADMIN, smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { Client } from "pg";
import { cookieJar } from "./request-cookies";
import { addApiToken } from "../support/users";

// The route handler reads the request's language from its cookie, else from the session
// (none here: the API is called with a token).
vi.mock("next/headers", async () => (await import("./request-cookies")).nextHeaders);
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => null }));

const NOW = new Date("2023-06-30T05:00:00Z");
let district: Actor & { id: number };
let token: string;

async function createDistrictUser() {
  const db = testDb();
  const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
  const user = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc", passwordHash: "x", role: "district", unitId: unit.id } });
  token = await addApiToken(db, user.id);
  district = { id: user.id, username: "bac", role: "district", unitPath: "90/901/" };
}

const post = (body: unknown, headers: Record<string, string> = {}) =>
  POST(new Request("http://test/api/v1/daily", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers }, body: JSON.stringify(body) }));

const figureCount = () => testDb().figure.count();
const auditCount = () => testDb().auditEvent.count({ where: { entity: "figure" } });

describe("daily entry", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    await createDistrictUser();
    cookieJar.clear();
  });

  it("rejects the same invalid rows identically through the grid, the CSV import and the API", async () => {
    // today is 2023-06-30 in NOW; the API uses the real clock, so keep every date in the past.
    await saveDailyFigures(district, [
      { ref: 0, date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 10, kind: "daily" },
    ], { now: NOW });
    const bad = [
      { date: "2023-06-02", unitCode: "90201", metric: "activated", value: 5, kind: "daily" as const }, // another district
      { date: "2023-06-02", unitCode: "901", metric: "activated", value: 5, kind: "daily" as const }, // a parent
      { date: "2023-06-02", unitCode: "90101", metric: "activated", value: 11, kind: "cumulative" as const }, // activated > accounts
      { date: "2023-06-02", unitCode: "90102", metric: "nothing", value: 1, kind: "daily" as const },
    ];
    const csv = ["date,unit_code,metric,value,kind", ...bad.map((r) => `${r.date},${r.unitCode},${r.metric},${r.value},${r.kind}`)].join("\n");
    const fromCsv = await importCsv(district, "daily", csv, { now: NOW });
    const fromGridPath = await saveDailyFigures(district, gridCellsToRows({
      date: "2023-06-02", submissionKey: "grid-key-1", confirmSpikes: false,
      cells: bad.map((r) => ({ unitCode: r.unitCode, metric: r.metric, value: String(r.value), kind: r.kind, expectedVersion: null })),
    }).rows, { now: NOW });
    const fromApi = await post({ rows: bad });

    const csvMessages = fromCsv.errors.map((e) => e.message);
    expect(csvMessages).toHaveLength(4);
    expect(csvMessages[0]).toMatch(/ngoài phạm vi/);
    expect(csvMessages[1]).toMatch(/có đơn vị trực thuộc/);
    expect(csvMessages[2]).toMatch(/Lũy kế tài khoản đã kích hoạt \(11\) không được lớn hơn lũy kế tài khoản định danh điện tử \(10\)/);
    expect(fromGridPath.ok).toBe(false);
    if (!fromGridPath.ok) expect(fromGridPath.issues.map((i) => i.message)).toEqual(csvMessages);
    expect(fromApi.status).toBe(400);
    const apiBody = (await fromApi.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.values(apiBody.error.fieldErrors).flat()).toEqual(csvMessages);

    // A negative number is refused by all three with the same message.
    const negativeCsv = await importCsv(district, "daily", "date,unit_code,metric,value\n2023-06-02,90101,activated,-5", { now: NOW });
    const negativeGrid = gridCellsToRows({ date: "2023-06-02", submissionKey: "grid-key-2", confirmSpikes: false, cells: [{ unitCode: "90101", metric: "activated", value: "-5", kind: "daily", expectedVersion: null }] });
    const negativeApi = (await (await post({ rows: [{ date: "2023-06-02", unitCode: "90101", metric: "activated", value: -5 }] })).json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(negativeCsv.errors[0].message).toBe("value: Phải là số nguyên không âm.");
    expect(negativeApi.error.fieldErrors["rows.0"]).toEqual(["value: Phải là số nguyên không âm."]);
    expect(negativeGrid.fieldErrors["90101.activated"]).toEqual(["Phải là số nguyên không âm."]);
    expect(await figureCount()).toBe(1);
  });

  it("gives the same refusals in English when English is asked for", async () => {
    await saveDailyFigures(district, [
      { ref: 0, date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 10, kind: "daily" },
    ], { now: NOW });
    const bad = [
      { date: "2023-06-02", unitCode: "90201", metric: "activated", value: 5, kind: "daily" as const },
      { date: "2023-06-02", unitCode: "90101", metric: "activated", value: 11200, kind: "cumulative" as const },
    ];
    const csv = ["date,unit_code,metric,value,kind", ...bad.map((r) => `${r.date},${r.unitCode},${r.metric},${r.value},${r.kind}`)].join("\n");
    const english = [
      "Unit 90201 is outside your scope.",
      "Cumulative accounts activated (11,200) cannot exceed cumulative eID accounts registered (10).",
    ];

    const fromCsv = await withLocale("en", () => importCsv(district, "daily", csv, { now: NOW }));
    expect(fromCsv.errors.map((e) => e.message)).toEqual(english);
    const badHeader = await withLocale("en", () => importCsv(district, "daily", "date,unit_code,metric,value,colour\n", { now: NOW }));
    expect(badHeader.errors).toEqual([{ line: 1, message: "Unknown columns: colour." }]);
    const failure = withLocale("en", () => importFailure({ errors: [{ line: 3, message: "Unknown columns: colour." }] }));
    expect(failure.fieldErrors).toEqual({ line0: ["Line 3: Unknown columns: colour."] });
    expect(withLocale("en", () => userText(failure))).toBe("The file has 1 error; nothing was written.");

    const grid = (value: string) => gridCellsToRows({
      date: "2023-06-02", submissionKey: "grid-key-en", confirmSpikes: false,
      cells: [{ unitCode: "90101", metric: "activated", value, kind: "daily", expectedVersion: null }],
    });
    expect(withLocale("en", () => grid("-5")).fieldErrors).toEqual({ "90101.activated": ["Must be a whole number, zero or more."] });
    const fromGrid = await withLocale("en", () => saveDailyFigures(district, gridCellsToRows({
      date: "2023-06-02", submissionKey: "grid-key-en", confirmSpikes: false,
      cells: bad.map((r) => ({ unitCode: r.unitCode, metric: r.metric, value: String(r.value), kind: r.kind, expectedVersion: null })),
    }).rows, { now: NOW }));
    expect(fromGrid.ok ? [] : fromGrid.issues.map((i) => i.message)).toEqual(english);

    cookieJar.set(LOCALE_COOKIE, "en");
    const fromApi = await post({ rows: bad });
    expect(fromApi.status).toBe(400);
    expect(await fromApi.json()).toEqual({ error: { message: "Some rows are invalid; no rows were written.", fieldErrors: { "rows.0": [english[0]], "rows.1": [english[1]] } } });
    const negative = await post({ rows: [{ date: "2023-06-02", unitCode: "90101", metric: "activated", value: -5 }] });
    expect(((await negative.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toEqual({ "rows.0": ["value: Must be a whole number, zero or more."] });
    cookieJar.clear();
    const inVietnamese = (await (await post({ rows: bad })).json()) as { error: { message: string } };
    expect(inVietnamese.error.message).toBe("Có dòng không hợp lệ; không dòng nào được ghi.");
    expect(await figureCount()).toBe(1);
  });

  it("writes a double submission once, with one audit event", async () => {
    const rows = [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 7, kind: "daily" as const, expectedVersion: null }];
    const [first, second] = await Promise.all([
      saveDailyFigures(district, rows, { submissionKey: "same-key-123", now: NOW }),
      saveDailyFigures(district, rows, { submissionKey: "same-key-123", now: NOW }),
    ]);
    const third = await saveDailyFigures(district, rows, { submissionKey: "same-key-123", now: NOW });
    expect([first.ok, second.ok, third.ok]).toEqual([true, true, true]);
    expect([first, second].filter((r) => r.ok && r.repeated)).toHaveLength(1);
    expect(await auditCount()).toBe(1);

    const api = async () => post({ rows: [{ date: "2023-06-03", unitCode: "90101", metric: "activated", value: 4 }] }, { "idempotency-key": "api-retry-0001" });
    expect((await api()).status).toBe(200);
    expect(await (await api()).json()).toEqual({ written: 1 });
    expect(await auditCount()).toBe(2);
  });

  it("refuses a stale cell with a conflict showing the other person's value", async () => {
    await saveDailyFigures(district, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 7, kind: "daily", expectedVersion: null }], { now: NOW });
    const grid = await getDailyGrid(district, "2023-06-02");
    const cell = grid.rows.find((r) => r.unitCode === "90101")!.cells.find((c) => c.metric === "activated")!;
    expect(cell).toMatchObject({ value: 7, version: 1 });
    await saveDailyFigures(ADMIN, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 9, kind: "daily", reason: "Xã báo lại" }], { now: NOW });
    const stale = await saveDailyFigures(district, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 8, kind: "daily", expectedVersion: 1, reason: "Sửa" }], { now: NOW });
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.issues[0]).toMatchObject({ kind: "conflict", current: { value: 9, version: 2 } });
  });

  it("asks a reason for a correction and for a running total lower than the day before", async () => {
    const save = (value: number, kind: "daily" | "cumulative", date: string, reason?: string) =>
      saveDailyFigures(district, [{ ref: 0, date, unitCode: "90101", metric: "activated", value, kind, ...(reason ? { reason } : {}) }], { now: NOW });
    expect((await save(20, "daily", "2023-06-01")).ok).toBe(true);
    const lower = await save(15, "cumulative", "2023-06-02");
    expect(lower.ok).toBe(false);
    if (!lower.ok) expect(lower.issues[0].message).toMatch(/thấp hơn ngày trước.*cần ghi lý do/);
    expect((await save(15, "cumulative", "2023-06-02", "Trùng hồ sơ")).ok).toBe(true);
    const changed = await save(25, "daily", "2023-06-01");
    expect(changed.ok).toBe(false);
    if (!changed.ok) expect(changed.issues[0].message).toBe("Sửa số đã lưu cần ghi lý do.");
    expect((await save(25, "daily", "2023-06-01", "Nhập nhầm")).ok).toBe(true);
    const events = await testDb().auditEvent.findMany({ where: { entity: "figure" }, orderBy: { id: "asc" }, select: { reason: true, oldValue: true, newValue: true } });
    expect(events.at(-1)).toEqual({ reason: "Nhập nhầm", oldValue: { daily: 20, cumulative: 20 }, newValue: { daily: 25, cumulative: 25 } });
  });

  it("tells every problem of a cell in one answer: a missing reason, a spike and the funnel together", async () => {
    // fourteen quiet days of accounts and activated, then a correction of one day's activated
    const quiet = ["accounts", "activated"].flatMap((metric, m) => Array.from({ length: 14 }, (_, i) => ({
      ref: m * 14 + i, date: `2023-06-${String(i + 1).padStart(2, "0")}`, unitCode: "90101", metric, value: metric === "accounts" ? 12 : 10, kind: "daily" as const,
    })));
    expect((await saveDailyFigures(district, quiet, { now: NOW })).ok).toBe(true);
    // 2023-06-14's activated raised from 10 to 400: a correction (reason), ten times the usual
    // (spike) and more activated than accounts (funnel), all in the first answer
    const refused = await saveDailyFigures(district, [{ ref: 0, date: "2023-06-14", unitCode: "90101", metric: "activated", value: 400, kind: "daily" }], { now: NOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues.map((i) => i.kind).sort()).toEqual(["funnel", "reason", "spike"]);
  });

  it("flags a spike above five times the recent average until it is confirmed", async () => {
    const rows = Array.from({ length: 14 }, (_, i) => ({ ref: i, date: `2023-06-${String(i + 1).padStart(2, "0")}`, unitCode: "90101", metric: "activated", value: 10, kind: "daily" as const }));
    expect((await saveDailyFigures(district, rows, { now: NOW })).ok).toBe(true);
    const spike = [{ ref: 0, date: "2023-06-15", unitCode: "90101", metric: "activated", value: 60, kind: "daily" as const }];
    const refused = await saveDailyFigures(district, spike, { now: NOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0]).toMatchObject({ kind: "spike" });
    expect((await saveDailyFigures(district, spike, { now: NOW, confirmSpikes: true })).ok).toBe(true);
  });

  it("refuses edits of a locked day from a non-administrator, and audits an administrator's", async () => {
    await saveDailyFigures(district, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 7, kind: "daily" }], { now: NOW });
    await createPeriodLock(ADMIN, { unitCode: "90", untilDate: "2023-06-04", reason: "Đã gửi báo cáo tuần 22" });
    await expect(createPeriodLock(district, { unitCode: "901", untilDate: "2023-06-10", reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const refused = await saveDailyFigures(district, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 8, kind: "daily", reason: "Sửa" }], { now: NOW });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues[0].message).toBe("Ngày 02/06/2023 đã khóa sổ (đến 04/06/2023): Đã gửi báo cáo tuần 22");
    const csv = await importCsv(district, "daily", "date,unit_code,metric,value,reason\n2023-06-03,90102,activated,1,", { now: NOW });
    expect(csv.errors[0].message).toMatch(/đã khóa sổ/);
    expect((await saveDailyFigures(district, [{ ref: 0, date: "2023-06-05", unitCode: "90101", metric: "activated", value: 1, kind: "daily" }], { now: NOW })).ok).toBe(true);
    expect((await saveDailyFigures(ADMIN, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 8, kind: "daily", reason: "Quản trị sửa sau khóa sổ" }], { now: NOW })).ok).toBe(true);
    expect(await testDb().auditEvent.count({ where: { reason: "Quản trị sửa sau khóa sổ" } })).toBe(1);
    const grid = await getDailyGrid(district, "2023-06-02");
    expect(grid.rows[0].lock).toEqual({ until: "2023-06-04", reason: "Đã gửi báo cáo tuần 22" });
    // a later day is open, and still says up to which day the whole scope is locked (the page drops drafts kept for those days)
    const later = await getDailyGrid(district, "2023-06-10");
    expect(later.rows[0].lock).toBeNull();
    expect(later.scopeLockedUntil).toBe("2023-06-04");
  });

  it("leaves neither the change nor its audit event when the save's connection is killed midway", async () => {
    const db = testDb();
    // The save pauses right after writing its audit events: a trigger (this test's only) reads,
    // inside the save's transaction, what it has written so far, publishes that through
    // application_name (other sessions see it at once, though not the uncommitted rows), then
    // waits on an advisory lock held here. Then the save's connection is killed.
    await db.$executeRawUnsafe(`CREATE FUNCTION test_pause_after_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM set_config('application_name', format('paused figures=%s audits=%s',
          (SELECT count(*) FROM figure), (SELECT count(*) FROM audit_event WHERE entity = 'figure')), false);
        PERFORM pg_advisory_xact_lock(${PAUSE_LOCK});
        RETURN NULL;
      END $$`);
    await db.$executeRawUnsafe("CREATE TRIGGER test_pause_after_audit AFTER INSERT ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION test_pause_after_audit()");
    const killer = new Client({ connectionString: databaseUrl() });
    await killer.connect();
    try {
      await killer.query("SELECT pg_advisory_lock($1)", [PAUSE_LOCK]);
      const saving = saveDailyFigures(district, [
        { ref: 0, date: "2023-06-02", unitCode: "90101", metric: "activated", value: 5, kind: "daily", expectedVersion: null },
      ], { submissionKey: "killed-midway", now: NOW });
      let ended = false;
      const outcome = saving.then((result) => ({ savedWith: result }), (error: unknown) => error).finally(() => {
        ended = true;
      });
      const paused = await waitForPausedSave(killer, () => ended);
      expect(paused ?? { endedBeforePausing: await outcome }).toMatchObject({ written: "paused figures=1 audits=1" });
      const { rows: [terminated] } = await killer.query<{ done: boolean }>("SELECT pg_terminate_backend($1) AS done", [paused!.pid]);
      expect(terminated.done).toBe(true);

      const error = await outcome;
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "DATABASE_UNAVAILABLE" });
      // 57P01: "terminating connection due to administrator command", the kill above.
      expect(sqlStates(error)).toContain("57P01");
    } finally {
      await killer.end();
      await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS test_pause_after_audit ON audit_event");
      await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS test_pause_after_audit()");
    }
    expect(await db.figure.count()).toBe(0);
    expect(await db.auditEvent.count()).toBe(0);
    expect(await db.dailyTotal.count()).toBe(0);
    expect(await db.dailySubmission.count()).toBe(0);
  });
});

const PAUSE_LOCK = 2_800_028;

/** The save's backend once it waits on PAUSE_LOCK, with what it had written by then; none if the save ended first. */
async function waitForPausedSave(killer: Client, ended: () => boolean): Promise<{ pid: number; written: string } | undefined> {
  while (!ended()) {
    const { rows } = await killer.query<{ pid: number; written: string }>(
      `SELECT a.pid, a.application_name AS written FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid
       WHERE l.locktype = 'advisory' AND NOT l.granted AND a.datname = current_database()
         AND a.application_name LIKE 'paused %'`, // the save's own pause, not a wait for a lock before it
    );
    if (rows.length) return rows[0];
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return undefined;
}

/** Every SQLSTATE along an error's chain of causes and driver errors. */
function sqlStates(error: unknown, found: string[] = []): string[] {
  if (typeof error !== "object" || error === null) return found;
  const e = error as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: unknown } } };
  for (const code of [e.code, e.originalCode]) if (typeof code === "string") found.push(code);
  sqlStates(e.meta?.driverAdapterError?.cause, found);
  return sqlStates(e.cause, found);
}
