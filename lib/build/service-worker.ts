// After `next build`: the service worker (lib/offline/service-worker.ts) bundled with Serwist
// into public/sw.js, with the build's id (its caches are named by build) and the words of the
// "needs a network" page from the Vietnamese catalogue. esbuild, as Next's Turbopack build has
// no hook for a worker; nothing is fetched.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import common from "@/lib/i18n/messages/vi/common.json";

export const SERVICE_WORKER_FILE = "public/sw.js";

export function buildServiceWorker(buildDir = ".next", out = SERVICE_WORKER_FILE): string {
  const buildId = readFileSync(path.join(buildDir, "BUILD_ID"), "utf8").trim();
  buildSync({
    entryPoints: ["lib/offline/service-worker.ts"],
    outfile: out,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2022",
    platform: "browser",
    legalComments: "none",
    define: {
      "process.env.NODE_ENV": JSON.stringify("production"),
      BUILD_ID: JSON.stringify(buildId),
      OFFLINE_TEXT: JSON.stringify(common.offline),
    },
  });
  return out;
}
