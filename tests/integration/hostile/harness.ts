// The hostile-input harness: each attack surface (a route handler, a server action, a search
// parameter parser, an import) is one entry with an input arbitrary and a `run` that
// returns what a client would see. For every input the harness checks the promises the
// product makes to clients: never a 500 (an unhandled throw counts as one), never a stack
// trace or internal detail in the answer, every refusal with a message; and that no error
// was hidden behind a polite answer: no error line in the app's log (error-log.ts: an
// action answers an unexpected error with `{ ok: false, message }` and logs it; the database
// is up throughout, so an "unavailable" answer is no excuse either), nothing on
// console.error. After each surface the stored figures are checked (tests/support/stored-figures.ts):
// never an invalid value.
import fc from "fast-check";
import { expect, vi } from "vitest";
import { takeErrorLines } from "./error-log";

/** What a client sees: an HTTP status and the body's text. */
export interface Outcome {
  status: number;
  text: string;
}

/**
 * What a surface's inputs reach: the database (route handlers, actions, imports: where
 * most inputs go) or only a pure parser (search parameters, the CSV reader: fewer inputs).
 */
export type Reach = "database" | "parser";

export interface AttackSurface<T> {
  name: string;
  reaches: Reach;
  input: fc.Arbitrary<T>;
  run(input: T): Promise<Outcome>;
  /** further promises for this surface, checked on every input */
  check?(input: T, outcome: Outcome): void | Promise<void>;
  numRuns?: number;
}

/** Builds an entry with its input type inferred. */
export const surface = <T>(entry: AttackSurface<T>): AttackSurface<T> => entry;

/** A server action's result as an HTTP-like outcome: `{ ok: false, message }` is a refusal. */
export function actionOutcome(result: unknown): Outcome {
  const ok = typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === true;
  return { status: ok ? 200 : 400, text: JSON.stringify(result) };
}

export async function responseOutcome(response: Response): Promise<Outcome> {
  return { status: response.status, text: await response.text() };
}

const LEAKS = [
  /\bat [\w$.<>]+ \(/, // a stack frame
  /\.tsx?:\d+/, // a source position
  /node_modules/,
  /\b(TypeError|ReferenceError|SyntaxError|RangeError|PrismaClient\w*Error)\b/,
  /\bInvalid `[^`]+` invocation/,
  /postgres(ql)?:\/\//,
  /\bSQLSTATE|\bP20\d\d\b/,
  /Invalid input|expected [a-z]+, received|Too (big|small)|Unrecognized key/, // zod's English defaults: users read Vietnamese
];

function refusalMessage(outcome: Outcome): string | undefined {
  try {
    const body = JSON.parse(outcome.text) as { message?: unknown; error?: { message?: unknown } };
    const message = body.error?.message ?? body.message;
    return typeof message === "string" ? message : undefined;
  } catch {
    return outcome.text;
  }
}

export function expectWellBehaved(outcome: Outcome): void {
  expect(outcome.status, outcome.text.slice(0, 500)).toBeLessThan(500);
  for (const leak of LEAKS) expect(outcome.text, "leaks internals").not.toMatch(leak);
  if (outcome.status >= 400) {
    const message = refusalMessage(outcome);
    expect(message, `refusal without a message: ${outcome.text.slice(0, 200)}`).toBeTruthy();
    expect((message ?? "").trim().length).toBeGreaterThan(3);
  }
}

export interface AttackReport {
  name: string;
  reaches: Reach;
  tried: number;
  accepted: number;
  refused: number;
}

/** Throws the surface's inputs at it; returns how many were tried and how they ended. */
export async function attack<T>(entry: AttackSurface<T>, seed: number): Promise<AttackReport> {
  const report: AttackReport = { name: entry.name, reaches: entry.reaches, tried: 0, accepted: 0, refused: 0 };
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    await fc.assert(
      fc.asyncProperty(entry.input, async (input) => {
        report.tried++;
        takeErrorLines();
        consoleError.mockClear();
        let outcome: Outcome;
        try {
          outcome = await entry.run(input);
        } catch (error) {
          // an exception escaping a route or action is a 500 for the client
          outcome = { status: 500, text: error instanceof Error ? `${error.name}: ${error.message}\n${error.stack}` : String(error) };
        }
        expect(takeErrorLines(), `an error was logged (answered: ${outcome.text.slice(0, 300)})`).toEqual([]);
        expect(consoleError.mock.calls.map((args) => args.map(String).join(" ")), "console.error was called").toEqual([]);
        expectWellBehaved(outcome);
        if (outcome.status < 400) report.accepted++;
        else report.refused++;
        await entry.check?.(input, outcome);
      }),
      { numRuns: Math.max(1, Math.round((entry.numRuns ?? 100) * Number(process.env.HOSTILE_RUNS_FACTOR ?? 1))), seed, endOnFailure: true },
    );
  } finally {
    consoleError.mockRestore();
  }
  return report;
}
