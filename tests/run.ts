// `npm test`: type-check, lint, unit and integration tests (vitest, real PostgreSQL), then
// the production build and the end-to-end tests (Playwright, Chromium). Ends with one line
// `N passed, N failed` counting every test that ran; type-check and lint count as one each.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { missingCompileHints } from "@/lib/build/compile-hints";
import { ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { checkBudgets } from "./budget/js-budget";
import { ensureDatabase, freshDatabase, testDatabaseUrl } from "./support/test-databases";

let passed = 0;
let failed = 0;

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return result.status === 0;
}

function countCheck(ok: boolean): void {
  if (ok) passed++;
  else failed++;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
}

async function main(): Promise<number> {
  rmSync("test-results", { recursive: true, force: true });
  mkdirSync("test-results/screenshots", { recursive: true });
  const node = process.execPath;
  const bin = (name: string) => `node_modules/${name}`;

  countCheck(step("prisma generate", node, ["lib/db/prisma-generate.mjs"]));
  countCheck(step("type-check", node, [bin("typescript/bin/tsc"), "--noEmit"]));
  countCheck(step("lint", node, [bin("eslint/bin/eslint.js"), "--max-warnings", "0", "."]));

  // One PostgreSQL for the whole run: the embedded one (owned, and stopped, by this process)
  // unless DATABASE_URL names a server.
  if (!process.env.DATABASE_URL) await ensureEmbeddedPostgres();
  const testUrl = await testDatabaseUrl("test");
  await ensureDatabase(testUrl);

  step("unit and integration tests", node, [bin("vitest/vitest.mjs"), "run", "--reporter=default", "--reporter=json", "--outputFile=test-results/vitest.json"], { TEST_DATABASE_URL: testUrl });
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>("test-results/vitest.json");
  if (vitest) {
    passed += vitest.numPassedTests;
    failed += vitest.numFailedTests;
  } else failed++;

  const built = step("production build", node, [bin("tsx/dist/cli.mjs"), "lib/cli/build.ts"]);
  countCheck(built);
  if (built) {
    console.log("\n=== JavaScript budget per route (gzip) ===");
    countCheck(checkBudgets());
    console.log("\n=== Compile hint on every startup script ===");
    const unhinted = missingCompileHints();
    if (unhinted.length > 0) console.error(`Without the compile hint: ${unhinted.join(", ")}`);
    else console.log("All startup scripts carry it.");
    countCheck(unhinted.length === 0);
    const e2eUrl = await testDatabaseUrl("e2e");
    await freshDatabase(e2eUrl);
    step("end-to-end tests", node, [bin("@playwright/test/cli.js"), "test"], { E2E_DATABASE_URL: e2eUrl });
    const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>("test-results/playwright.json");
    if (report) {
      passed += report.stats.expected + report.stats.flaky;
      failed += report.stats.unexpected;
    } else failed++;
  }
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log(`\n${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  },
);
