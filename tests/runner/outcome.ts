// What a test runner's run amounts to, for `npm test`'s count. A runner's per-test counts
// alone can read "0 failed" after a crash: vitest reports the tests under a throwing
// `beforeAll` as skipped and a file that fails to import as no test at all (only
// `numFailedTestSuites` and the exit code say so); Playwright puts a spec that fails to load,
// or a web server that never starts, in the report's top-level `errors`. So a run is judged
// on all of it: the exit code, failed suites, errors, and every test file having run at
// least one test. Each such problem counts as one failure, with a line saying what it was.
import path from "node:path";

export interface RunOutcome {
  passed: number;
  failed: number;
  /** skipped tests per file (relative path), only files with any */
  skipped: Record<string, number>;
  /** why the run failed beyond failed tests, one line each */
  problems: string[];
}

/** The parts of vitest's JSON report (`--reporter=json`) read here. */
export interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numFailedTestSuites: number;
  testResults: {
    name: string;
    status: string;
    message?: string;
    assertionResults: { status: string }[];
  }[];
}

/** The parts of Playwright's JSON report read here. */
export interface PlaywrightReport {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
  suites?: PlaywrightSuite[];
}

interface PlaywrightSuite {
  file?: string;
  specs?: { file?: string; tests?: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

const firstLine = (text: string | undefined): string => (text ?? "").trim().split("\n")[0].slice(0, 300);

function emptyOutcome(): RunOutcome {
  return { passed: 0, failed: 0, skipped: {}, problems: [] };
}

function fail(outcome: RunOutcome, problem: string): void {
  outcome.failed++;
  outcome.problems.push(problem);
}

/**
 * Vitest's run: its counts, plus one failure for each file that failed as a whole (an import
 * error, a throwing hook), each file that ran no test, and a non-zero exit the counts do not
 * explain (an unhandled rejection between tests). `testFiles` are the test files on disk the
 * run should have taken, relative to `root`: one missing from the report fails too.
 */
export function vitestOutcome(exitCode: number | null, report: VitestReport | null, root: string, testFiles: string[]): RunOutcome {
  const outcome = emptyOutcome();
  if (!report) {
    fail(outcome, `vitest wrote no report (exit code ${exitCode})`);
    return outcome;
  }
  const reported = new Set(report.testResults.map((file) => path.relative(root, file.name)));
  for (const file of testFiles) if (!reported.has(file)) fail(outcome, `${file}: not run`);
  outcome.passed = report.numPassedTests;
  outcome.failed = report.numFailedTests;
  for (const file of report.testResults) {
    const name = path.relative(root, file.name);
    const ran = file.assertionResults.filter((t) => t.status === "passed" || t.status === "failed").length;
    const skipped = file.assertionResults.length - ran;
    if (skipped > 0) outcome.skipped[name] = skipped;
    const testsFailed = file.assertionResults.some((t) => t.status === "failed");
    if (file.status === "failed" && !testsFailed) fail(outcome, `${name}: the file failed outside its tests: ${firstLine(file.message) || "a hook (beforeAll, afterAll…) failed: see vitest's output above"}`);
    else if (ran === 0) fail(outcome, `${name}: ran no test`);
  }
  if (report.numFailedTestSuites > 0 && outcome.problems.length === 0 && outcome.failed === 0) {
    fail(outcome, `vitest reports ${report.numFailedTestSuites} failed suite(s)`);
  }
  if (exitCode !== 0 && outcome.failed === 0) fail(outcome, `vitest exited with code ${exitCode} although no test failed (an error outside the tests: see its output)`);
  return outcome;
}

function playwrightFiles(suites: PlaywrightSuite[] | undefined, into: Map<string, { ran: number; skipped: number }>): void {
  for (const suite of suites ?? []) {
    for (const spec of suite.specs ?? []) {
      const file = spec.file ?? suite.file ?? "(unknown file)";
      const entry = into.get(file) ?? { ran: 0, skipped: 0 };
      for (const test of spec.tests ?? []) {
        if (test.status === "skipped") entry.skipped++;
        else entry.ran++;
      }
      into.set(file, entry);
    }
    playwrightFiles(suite.suites, into);
  }
}

/**
 * Playwright's run: its counts, plus one failure for each top-level error (a spec that fails
 * to load, a web server that never starts), each expected spec file that ran no test, and a
 * non-zero exit the counts do not explain. `specFiles` are the spec files on disk, relative
 * to Playwright's test directory.
 */
export function playwrightOutcome(exitCode: number | null, report: PlaywrightReport | null, specFiles: string[]): RunOutcome {
  const outcome = emptyOutcome();
  if (!report) {
    fail(outcome, `Playwright wrote no report (exit code ${exitCode})`);
    return outcome;
  }
  outcome.passed = report.stats.expected + report.stats.flaky;
  outcome.failed = report.stats.unexpected;
  for (const error of report.errors ?? []) fail(outcome, `Playwright: ${firstLine(error.message) || "(an error without a message)"}`);
  const files = new Map<string, { ran: number; skipped: number }>();
  playwrightFiles(report.suites, files);
  for (const [file, { skipped }] of files) if (skipped > 0) outcome.skipped[file] = skipped;
  for (const file of specFiles) {
    if ((files.get(file)?.ran ?? 0) === 0) fail(outcome, `${file}: ran no test`);
  }
  if (exitCode !== 0 && outcome.failed === 0) fail(outcome, `Playwright exited with code ${exitCode} although no test failed (see its output)`);
  return outcome;
}

/** The line before the count: how many tests were skipped, and where. */
export function skippedLine(skipped: Record<string, number>): string {
  const entries = Object.entries(skipped).sort(([a], [b]) => a.localeCompare(b));
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return "Skipped: none";
  return `Skipped: ${total} (${entries.map(([file, n]) => `${file}: ${n}`).join(", ")})`;
}
