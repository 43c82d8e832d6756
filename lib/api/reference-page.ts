import "server-only";
// The API's human reference at /api/docs: Redoc (the `redoc` package's standalone bundle, served
// from node_modules by this server, nothing from a CDN) rendering /api/v1/openapi.json. Its own
// strict CSP (proxy.ts leaves /api/docs alone): scripts from this origin only, inline styles
// (Redoc's styled-components), a blob: worker (its search index), no framing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { OPENAPI_PATH } from "@/lib/api/openapi";

export const REFERENCE_PATH = "/api/docs";

export const REFERENCE_HEADERS = {
  "Content-Security-Policy": [
    "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
    "connect-src 'self'", "worker-src blob:", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "strict-origin-when-cross-origin",
} as const;

export function referencePage(): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VNeID activation progress API (Project 06): reference</title>
<link rel="icon" href="/icons/icon.svg">
<style>body { margin: 0; }</style>
</head>
<body>
<div id="reference" data-spec="${OPENAPI_PATH}"></div>
<script src="${REFERENCE_PATH}/redoc.standalone.js"></script>
<script src="${REFERENCE_PATH}/start.js"></script>
</body>
</html>
`;
}

/** Starts Redoc on the document (a file, so that the CSP needs no inline script). */
const START = `(function () {
  var element = document.getElementById("reference");
  Redoc.init(element.getAttribute("data-spec"), { hideDownloadButton: false, expandResponses: "200", jsonSampleExpandLevel: 3, pathInMiddlePanel: true }, element);
})();
`;

/**
 * The one address outside this server the bundle would load: the "API docs by Redocly" logo,
 * from Redocly's CDN (no option turns it off). Replaced by an empty picture, so that the page
 * asks nothing of any other host (tests/e2e/api-contract.spec.ts watches its requests).
 */
const REDOC_CDN_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg";
const EMPTY_PICTURE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

let bundle: Promise<string> | null = null;

/** The page's scripts by file name; null for any other name. */
export async function referenceAsset(name: string): Promise<{ body: string; type: string } | null> {
  if (name === "start.js") return { body: START, type: "text/javascript; charset=utf-8" };
  if (name !== "redoc.standalone.js") return null;
  bundle ??= readFile(path.join(process.cwd(), "node_modules/redoc/bundles/redoc.standalone.js"), "utf8").then((text) => text.replaceAll(REDOC_CDN_LOGO, EMPTY_PICTURE));
  return { body: await bundle, type: "text/javascript; charset=utf-8" };
}
