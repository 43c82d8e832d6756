// The scripts a page runs while it starts, read from the production build's own manifests:
// the framework chunks every page loads (`rootMainFiles` in build-manifest.json) and each
// route's client chunks (`entryJSFiles` in its page_client-reference-manifest.js). Chunks a
// page loads later with `import()` (the charts) are in neither list.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";

export type RouteScripts = { route: string; files: string[] };

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function pageManifests(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return pageManifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

function readClientManifest(file: string): Record<string, ClientManifest> {
  const sandbox: { globalThis?: unknown; __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
  sandbox.globalThis = sandbox;
  runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST ?? {};
}

export function hasBuild(buildDir = ".next"): boolean {
  return existsSync(path.join(buildDir, "build-manifest.json"));
}

/** Each route with the JavaScript files (relative to the build folder) it loads as it starts, each once. */
export function routeStartupScripts(buildDir = ".next"): RouteScripts[] {
  const buildManifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return pageManifests(path.join(buildDir, "server", "app"))
    .flatMap((file) => Object.entries(readClientManifest(file)))
    .map(([page, manifest]) => {
      const files = new Set(buildManifest.rootMainFiles);
      for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) if (f.endsWith(".js")) files.add(f);
      return { route: page.replace(/\/page$/, "") || "/", files: [...files] };
    })
    .filter((r) => !r.route.startsWith("/_"))
    .sort((a, b) => a.route.localeCompare(b.route));
}
