// `npm run build`: Next's production build, then the compile hint on the scripts every page
// runs as it starts (lib/build/compile-hints.ts) and the service worker (public/sw.js,
// lib/build/service-worker.ts). `npm test` builds through this file too.
import { spawnSync } from "node:child_process";
import { addCompileHints, startupScriptFiles } from "@/lib/build/compile-hints";
import { buildServiceWorker } from "@/lib/build/service-worker";
import { runCommand } from "./command";

runCommand(async () => {
  const built = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build", ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) return built.status ?? 1;
  const changed = addCompileHints();
  console.log(`Compile hints: ${changed.length} of ${startupScriptFiles().length} startup scripts marked for eager compilation.`);
  console.log(`Service worker: ${buildServiceWorker()}.`);
});
