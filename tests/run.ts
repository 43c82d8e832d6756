// `npm test`: type-check, lint, unit and integration tests (vitest, real PostgreSQL), the same
// again with the clock a year ahead, then the production build and the end-to-end tests
// (Playwright, Chromium). Ends with one line `N passed, N failed` counting every test that
// ran; the line before it gives the skipped tests by file. Type-check, lint, the build and
// its checks count as one each. A runner that crashes, a file that fails to load or runs no
// test, or an error outside the tests counts as a failure (tests/runner/outcome.ts says how).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { missingCompileHints } from "@/lib/build/compile-hints";
import { ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { addDays, todayInVietnam } from "@/lib/domain/dates";
import { checkBudgets } from "./budget/js-budget";
import { playwrightOutcome, skippedLine, vitestOutcome, type PlaywrightReport, type RunOutcome, type VitestReport } from "./runner/outcome";
import { ensureDatabase, freshDatabase, testDatabaseUrl } from "./support/test-databases";

let passed = 0;
let failed = 0;
const skipped: Record<string, number> = {};
const problems: string[] = [];

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): number | null {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status;
}

function countCheck(title: string, ok: boolean): void {
  if (ok) passed++;
  else {
    failed++;
    problems.push(`${title} failed`);
  }
}

function count(outcome: RunOutcome, label = ""): void {
  passed += outcome.passed;
  failed += outcome.failed;
  for (const [file, n] of Object.entries(outcome.skipped)) skipped[`${label}${file}`] = (skipped[`${label}${file}`] ?? 0) + n;
  problems.push(...outcome.problems.map((p) => `${label}${p}`));
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

/** Files under `dir` whose names end with `suffix`, as paths from the project's root. */
function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(suffix))
    .map((name) => `${dir}/${name}`)
    .sort();
}

async function main(): Promise<number> {
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results/screenshots", { recursive: true });
  const node = process.execPath;
  const bin = (name: string) => `node_modules/${name}`;
  const vitestFiles = [...filesUnder("tests/unit", ".test.ts"), ...filesUnder("tests/integration", ".test.ts")];

  countCheck("prisma generate", step("prisma generate", node, ["lib/db/prisma-generate.mjs"]) === 0);
  countCheck("type-check", step("type-check", node, [bin("typescript/bin/tsc"), "--noEmit"]) === 0);
  countCheck("lint", step("lint", node, [bin("eslint/bin/eslint.js"), "--max-warnings", "0", "."]) === 0);

  // One PostgreSQL for the whole run: the embedded one (owned, and stopped, by this process)
  // unless DATABASE_URL names a server.
  if (!process.env.DATABASE_URL) await ensureEmbeddedPostgres();
  const testUrl = await testDatabaseUrl("test");
  await ensureDatabase(testUrl);

  const vitest = (title: string, report: string, env: Record<string, string>, label: string) => {
    const code = step(title, node, [bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile=${report}`], { TEST_DATABASE_URL: testUrl, ...env });
    count(vitestOutcome(code, readJson<VitestReport>(report), process.cwd(), vitestFiles), label);
  };
  // The tests' clock stands on a day (tests/support/clock.mjs): today, then a year ahead, so
  // that no test may depend on the real date and no run crosses midnight.
  const today = todayInVietnam();
  vitest("unit and integration tests", "test-results/vitest.json", { TEST_TODAY: today }, "");
  const later = addDays(today, 365);
  vitest(`unit and integration tests, clock moved to ${later}`, "test-results/vitest-later.json", { TEST_TODAY: later }, `[${later}] `);

  const built = step("production build", node, [bin("tsx/dist/cli.mjs"), "lib/cli/build.ts"]) === 0;
  countCheck("production build", built);
  if (built) {
    console.log("\n=== JavaScript budget per route (gzip) ===");
    countCheck("JavaScript budget", checkBudgets());
    console.log("\n=== Compile hint on every startup script ===");
    const unhinted = missingCompileHints();
    if (unhinted.length > 0) console.error(`Without the compile hint: ${unhinted.join(", ")}`);
    else console.log("All startup scripts carry it.");
    countCheck("compile hints", unhinted.length === 0);
    const e2eUrl = await testDatabaseUrl("e2e");
    await freshDatabase(e2eUrl);
    const code = step("end-to-end tests", node, [bin("@playwright/test/cli.js"), "test"], { E2E_DATABASE_URL: e2eUrl });
    const specs = readdirSync("tests/e2e").filter((name) => name.endsWith(".spec.ts")).sort();
    count(playwrightOutcome(code, readJson<PlaywrightReport>("test-results/playwright.json"), specs), "");
  }
  if (problems.length > 0) console.log(`\nFailures outside single tests:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  console.log(`\n${skippedLine(skipped)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log(`\n${skippedLine(skipped)}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
