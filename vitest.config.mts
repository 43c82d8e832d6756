import path from "node:path";
import { defineConfig } from "vitest/config";
// TEST_TODAY (YYYY-MM-DD) sets the tests' clock to that day, the same in every worker.
import "./tests/support/clock.mjs";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` guards against client bundles; tests run on the server side.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts"),
};

const clock = path.resolve(import.meta.dirname, "tests/support/clock.mjs");

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      // A generous limit: some unit tests read the whole tree or start a runner, slow on a loaded CI host.
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: [clock], testTimeout: 60_000 } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: [clock],
          // One real database shared by the files: run them one at a time.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
