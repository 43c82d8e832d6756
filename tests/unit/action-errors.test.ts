// How a server action answers what its work threw (lib/auth/action-errors.ts): typed refusals
// with their message and no "unexpected" log line; anything else logged as unexpected and
// answered with a generic message carrying the line's error id, never the error's text.
import { redirect } from "next/navigation";
import { afterEach, describe, expect, it, vi } from "vitest";
import { guardAction } from "@/lib/auth/action-errors";
import { AppError, invalidField } from "@/lib/data/errors";
import { m } from "@/lib/i18n/message";
import { errorMessage } from "@/lib/i18n/error-messages";
import { logged } from "../support/log-capture";

vi.mock("@/lib/observability/log", async (original) => (await import("../support/log-capture")).capturingLog(original));

const failing = (error: unknown) => guardAction("testAction", "errors.form.failed", async () => {
  throw error;
});

const WEEK_NOT_OVER = "Tuần này chưa kết thúc; chỉ ban hành được báo cáo của tuần đã qua.";

afterEach(() => {
  logged.length = 0;
});

describe("guardAction", () => {
  it("passes the work's own answer through", async () => {
    expect(await guardAction("testAction", "errors.form.failed", async () => ({ ok: true as const }))).toEqual({ ok: true });
    expect(logged).toEqual([]);
  });

  it.each([
    { label: "permission", error: new AppError("FORBIDDEN"), message: errorMessage("FORBIDDEN"), fieldErrors: {} },
    { label: "conflict", error: new AppError("CONFLICT"), message: errorMessage("CONFLICT"), fieldErrors: {} },
    { label: "validation with its own words", error: invalidField("week", "reports.issue.weekNotOver"), message: WEEK_NOT_OVER, fieldErrors: { week: [WEEK_NOT_OVER] } },
    { label: "a conflict with its own words and no field", error: new AppError("CONFLICT", { subject: "last-admin", userMessage: { key: "users.errors.lastAdmin" } }), message: m("users.errors.lastAdmin"), fieldErrors: {} },
  ])("answers a typed refusal ($label) with its message and logs nothing", async ({ error, message, fieldErrors }) => {
    expect(await failing(error)).toEqual({ ok: false, message, fieldErrors });
    expect(logged).toEqual([]);
  });

  it("answers a database outage with 'try again' and the id of its log line, logged as an outage, not as unexpected", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "P1001" });
    const answer = await failing(refused);
    expect(logged.map((l) => l.fields.kind)).toEqual(["database-unavailable"]);
    const errorId = String(logged[0].fields.errorId);
    expect(answer).toEqual({ ok: false, message: `${errorMessage("DATABASE_UNAVAILABLE").replace(/\.$/, "")} (mã lỗi ${errorId}).`, fieldErrors: {} });
  });

  it.each([
    { label: "a restarting server (57P01)", sqlstate: "57P01", kind: "database-unavailable" },
    { label: "a NUL byte in a text (22021)", sqlstate: "22021", kind: "unexpected" },
  ])("tells Prisma's generic database error (P2039) by its SQLSTATE: $label", async ({ sqlstate, kind }) => {
    const error = Object.assign(new Error(`Database error. Code: \`${sqlstate}\``), { code: "P2039", meta: { driverAdapterError: { cause: { kind: "postgres", originalCode: sqlstate } } } });
    await failing(error);
    expect(logged.map((l) => l.fields.kind)).toEqual([kind]);
  });

  it("logs anything else as unexpected and answers with its error id, never its text", async () => {
    const answer = await failing(new TypeError("Cannot read properties of undefined (reading 'path')"));
    expect(logged).toHaveLength(1);
    const [line] = logged;
    expect(line).toMatchObject({ level: "error", event: "error", fields: { where: "testAction", kind: "unexpected", name: "TypeError" } });
    expect(line.fields.errorId).toMatch(/^[0-9a-f]{8}$/);
    expect(answer).toEqual({ ok: false, message: `Không thực hiện được. Vui lòng thử lại (mã lỗi ${line.fields.errorId}).`, fieldErrors: {} });
    expect(JSON.stringify(answer)).not.toMatch(/TypeError|Cannot read/);
  });

  it("lets Next's redirect through", async () => {
    await expect(guardAction("testAction", "errors.form.failed", async () => redirect("/login"))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
    expect(logged).toEqual([]);
  });
});
