// V8 compiles a script's functions lazily: while the file downloads it only pre-parses them,
// and compiles each on the page's main thread the first time it is called. Every script a
// page runs as it starts (React, the router, the page's own components) is called at once,
// so that compilation landed in the page's longest task: 300–480 ms of main-thread
// `V8.CompileCode` per entry-page load at 4× CPU, measured in Chromium's trace. A file that
// begins with the magic comment below is compiled eagerly instead, on the background thread
// that streams it, while the network is still busy (V8's explicit compile hints, Chrome 136+;
// other browsers read a comment). Measured on the same build: main-thread compilation
// 300–480 → ~3 ms, the framework's start task 311 → 108 ms in Lighthouse (entry page).
//
// Only the startup scripts carry it (lib/build/startup-scripts.ts): chunks loaded later with
// `import()`, such as the charts, are used in part and compile better lazily.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { routeStartupScripts } from "./startup-scripts";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/** The startup scripts of a build, each once, relative to the build folder. */
export function startupScriptFiles(buildDir = ".next"): string[] {
  return [...new Set(routeStartupScripts(buildDir).flatMap((r) => r.files))].sort();
}

/** The startup scripts that do not begin with the hint (none after `npm run build`). */
export function missingCompileHints(buildDir = ".next"): string[] {
  return startupScriptFiles(buildDir).filter((file) => !readFileSync(path.join(buildDir, file), "utf8").startsWith(COMPILE_HINT));
}

/** Puts the hint at the top of every startup script without one; returns the files changed. */
export function addCompileHints(buildDir = ".next"): string[] {
  const missing = missingCompileHints(buildDir);
  for (const file of missing) {
    const full = path.join(buildDir, file);
    writeFileSync(full, COMPILE_HINT + readFileSync(full, "utf8"));
  }
  return missing;
}
