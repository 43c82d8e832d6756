// Part of `npm test`, for working on one area: `npm run test:part -- vitest [files…]` runs
// vitest (unit and integration) on the test database; `npm run test:part -- e2e [specs…]`
// runs Playwright against the last `npm run build` on a fresh end-to-end database. Both
// start the embedded PostgreSQL when DATABASE_URL is not set, exactly as `npm test` does.
import { spawnSync } from "node:child_process";
import { ensureEmbeddedPostgres } from "@/lib/db/embedded";
import { ensureDatabase, freshDatabase, testDatabaseUrl } from "./support/test-databases";

async function main(): Promise<number> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode !== "vitest" && mode !== "e2e") {
    console.error("Usage: npm run test:part -- vitest [files…] | e2e [specs…]");
    return 2;
  }
  if (!process.env.DATABASE_URL) await ensureEmbeddedPostgres();
  const env: Record<string, string> = { NEXT_TELEMETRY_DISABLED: "1" };
  let command: string[];
  if (mode === "vitest") {
    env.TEST_DATABASE_URL = await testDatabaseUrl("test");
    await ensureDatabase(env.TEST_DATABASE_URL);
    command = ["node_modules/vitest/vitest.mjs", "run", ...args];
  } else {
    env.E2E_DATABASE_URL = await testDatabaseUrl("e2e");
    await freshDatabase(env.E2E_DATABASE_URL);
    command = ["node_modules/@playwright/test/cli.js", "test", ...args];
  }
  return spawnSync(process.execPath, command, { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
