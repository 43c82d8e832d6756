// Errors become answers one way: one classifier (classifyError) for server actions and route
// handlers alike, two shapes of answer. The same error is classified the same way by both;
// a write's refused rows take their status from the same mapping as every other error.
import { afterEach, describe, expect, it, vi } from "vitest";
import { errorAnswer, rowIssuesError, type RowIssue } from "@/lib/api/errors";
import { refusalFor } from "@/lib/auth/action-errors";
import { AppError } from "@/lib/data/errors";
import { errorMessage } from "@/lib/i18n/error-messages";
import { m } from "@/lib/i18n/message";
import { logged } from "../support/log-capture";

vi.mock("@/lib/observability/log", async (original) => (await import("../support/log-capture")).capturingLog(original));

afterEach(() => {
  logged.length = 0;
});

const outage = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "P1001" });

describe("one classifier, two shapes", () => {
  it.each([
    { label: "an outage", error: outage, kinds: ["database-unavailable"], status: 503 },
    { label: "an outage already typed", error: () => new AppError("DATABASE_UNAVAILABLE"), kinds: ["database-unavailable"], status: 503 },
    { label: "a typed refusal", error: () => new AppError("FORBIDDEN"), kinds: [], status: 403 },
    { label: "a typed refusal with its own words", error: () => new AppError("CONFLICT", { userMessage: { key: "users.errors.lastAdmin" } }), kinds: [], status: 409 },
    { label: "a bug", error: () => new TypeError("Cannot read properties of undefined (reading 'path')"), kinds: ["unexpected"], status: 500 },
    { label: "a Prisma error that is not an outage", error: () => Object.assign(new Error("Unique constraint failed on the fields: (`code`)"), { code: "P2002" }), kinds: ["unexpected"], status: 500 },
  ])("classifies $label the same way for an action and a route handler", ({ error, kinds, status }) => {
    const action = refusalFor(error(), "testAction", "errors.form.failed");
    const actionKinds = logged.map((l) => l.fields.kind);
    logged.length = 0;
    const route = errorAnswer(error(), "GET /test");
    expect(logged.map((l) => l.fields.kind)).toEqual(actionKinds);
    expect(actionKinds).toEqual(kinds);
    expect(route.status).toBe(status);
    expect(JSON.stringify([action, route])).not.toMatch(/ECONNREFUSED|TypeError|Cannot read|Unique constraint|P2002/);
    // a typed refusal has the same words in both shapes
    if (status < 500) expect(route.message).toBe(action.message);
  });

  it("answers a typed error with its own words, else its code's", () => {
    expect(refusalFor(new AppError("CONFLICT", { userMessage: { key: "users.errors.lastAdmin" } }), "testAction", "errors.form.failed").message).toBe(m("users.errors.lastAdmin"));
    expect(errorAnswer(new AppError("FORBIDDEN"), "GET /test").message).toBe(errorMessage("FORBIDDEN"));
    expect(errorAnswer(new AppError("NOT_FOUND", { subject: "unit" }), "GET /test").message).toBe(m("errors.api.notFound.unit"));
  });
});

describe("a write's refused rows", () => {
  const issue = (ref: number, kind: RowIssue["kind"]): RowIssue => ({ ref, kind, message: `row ${ref}: ${kind}` });
  it.each([
    { label: "every row out of scope", issues: [issue(0, "scope"), issue(1, "scope")], status: 403 },
    { label: "a row changed meanwhile", issues: [issue(0, "invalid"), issue(1, "conflict")], status: 409 },
    { label: "rows against the rules", issues: [issue(0, "scope"), issue(1, "invalid")], status: 400 },
    { label: "a missing reason", issues: [issue(0, "reason")], status: 400 },
  ])("are answered with the status of their kind: $label", ({ issues, status }) => {
    const answer = errorAnswer(rowIssuesError(issues), "POST /api/v1/daily");
    expect(answer).toMatchObject({ status, message: m("validation.apiRows.invalid") });
    expect(answer.fieldErrors).toEqual(Object.fromEntries(issues.map((i) => [`rows.${i.ref}`, [i.message]])));
    expect(logged).toEqual([]);
  });
});
