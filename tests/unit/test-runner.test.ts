// `npm test`'s count (tests/run.ts, tests/runner/outcome.ts) against real runs of vitest and
// Playwright on small suites that go wrong in the ways a count of failed tests cannot see
// (tests/runner/fixtures). Each of these runs reads "0 failed" in the runners' own counts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightOutcome, skippedLine, vitestOutcome, type PlaywrightReport, type VitestReport } from "../runner/outcome";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = "tests/runner/fixtures";
const scratch = mkdtempSync(path.join(tmpdir(), "runner-"));
// The fixtures' own runs must not inherit this run's clock or test filters.
const env = { ...process.env, TEST_TODAY: "", NODE_OPTIONS: "", VITEST: "", VITEST_POOL_ID: "", VITEST_WORKER_ID: "" };

function runVitest(fixture: string) {
  const report = path.join(scratch, `${fixture}.json`);
  const result = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", `${FIXTURES}/vitest.config.mts`, "--reporter=json", `--outputFile=${report}`, `${fixture}.fixture`], { cwd: ROOT, env, encoding: "utf8" });
  const json = JSON.parse(readFileSync(report, "utf8")) as VitestReport;
  return { json, outcome: vitestOutcome(result.status, json, path.join(ROOT, FIXTURES), [`${fixture}.fixture.ts`]) };
}

function runPlaywright(config: string) {
  const report = path.join(scratch, `${config}.json`);
  const result = spawnSync(process.execPath, ["node_modules/@playwright/test/cli.js", "test", "--config", `${FIXTURES}/playwright-${config}.config.ts`], {
    cwd: ROOT,
    env: { ...env, FIXTURE_REPORT: report, FIXTURE_OUTPUT: path.join(scratch, `${config}-output`) },
    encoding: "utf8",
  });
  const json = JSON.parse(readFileSync(report, "utf8")) as PlaywrightReport;
  return { json, outcome: playwrightOutcome(result.status, json, ["loads.pwfixture.ts"]) };
}

describe("the count of a vitest run", { timeout: 120_000 }, () => {
  it("counts passed tests and lists skipped ones by file", () => {
    const { outcome } = runVitest("passes");
    expect(outcome).toEqual({ passed: 1, failed: 0, skipped: { "passes.fixture.ts": 1 }, problems: [] });
    expect(skippedLine(outcome.skipped)).toBe("Skipped: 1 (passes.fixture.ts: 1)");
  });

  it("fails when a beforeAll throws, which vitest reports as skipped tests", () => {
    const { json, outcome } = runVitest("before-all-throws");
    expect(json.numFailedTests).toBe(0); // what the old count added up
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.problems.join("\n")).toMatch(/before-all-throws\.fixture\.ts: the file failed outside its tests/);
  });

  it("fails when a test file cannot be imported", () => {
    const { json, outcome } = runVitest("import-fails");
    expect(json.numFailedTests).toBe(0);
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.problems.join("\n")).toMatch(/import-fails\.fixture\.ts: .*planted: this module cannot be loaded/);
  });

  it("fails on an unhandled rejection, seen only in the exit code", () => {
    const { json, outcome } = runVitest("unhandled-rejection");
    expect(json.numFailedTests).toBe(0);
    expect(json.numFailedTestSuites).toBe(0);
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.problems.join("\n")).toMatch(/vitest exited with code 1 although no test failed/);
  });

  it("fails when a file runs no test", () => {
    const { outcome } = runVitest("all-skipped");
    expect(outcome.failed).toBe(1);
    expect(outcome.problems).toEqual(["all-skipped.fixture.ts: ran no test"]);
  });

  it("fails when a test file on disk is not in the report", () => {
    const report: VitestReport = { numPassedTests: 1, numFailedTests: 0, numFailedTestSuites: 0, testResults: [{ name: "/p/a.test.ts", status: "passed", assertionResults: [{ status: "passed" }] }] };
    expect(vitestOutcome(0, report, "/p", ["a.test.ts", "b.test.ts"]).problems).toEqual(["b.test.ts: not run"]);
    expect(vitestOutcome(1, null, "/p", []).problems).toEqual(["vitest wrote no report (exit code 1)"]);
  });
});

describe("the count of a Playwright run", { timeout: 120_000 }, () => {
  it("fails when the web server never starts", () => {
    const { json, outcome } = runPlaywright("no-server");
    expect(json.stats.unexpected).toBe(0); // what the old count added up
    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.problems.join("\n")).toMatch(/config\.webServer was not able to start/);
  });

  it("fails when a spec cannot be loaded", () => {
    const { json, outcome } = runPlaywright("load-error");
    expect(json.stats.unexpected).toBe(0);
    expect(outcome.problems.join("\n")).toMatch(/planted: this module cannot be loaded/);
  });

  it("lists skipped tests by file and fails a spec file that ran none", () => {
    const report: PlaywrightReport = {
      stats: { expected: 3, unexpected: 0, flaky: 0, skipped: 1 },
      suites: [
        { file: "a.spec.ts", specs: [{ file: "a.spec.ts", tests: [{ status: "expected" }, { status: "skipped" }] }] },
        { file: "b.spec.ts", suites: [{ specs: [{ file: "b.spec.ts", tests: [{ status: "expected" }, { status: "expected" }] }] }] },
      ],
    };
    const outcome = playwrightOutcome(0, report, ["a.spec.ts", "b.spec.ts", "c.spec.ts"]);
    expect(outcome).toEqual({ passed: 3, failed: 1, skipped: { "a.spec.ts": 1 }, problems: ["c.spec.ts: ran no test"] });
  });
});
