// The service worker (issue 23), built by `npm run build` into public/sw.js
// (lib/build/service-worker.ts) and registered by the entry page only. It keeps what the entry
// page needs to open without a network: the page's scripts and stylesheet, and the entry grids
// the user opened (each /entry address, fresh from the network whenever there is one). Nothing
// else is served from a cache: every other page needs the network and says so when there is
// none. Server actions (saves) are never touched: the page queues them itself
// (components/entry/offline-sync.ts).
//
// Caches are named by build, so a new build's worker drops the last one's; signing out drops
// them all (components/entry/offline-clear.ts).
import { CacheFirst, NetworkFirst, NetworkOnly, Serwist, setCacheNameDetails, type SerwistPlugin } from "serwist";
import { CACHE_PREFIX, ENTRY_CACHE } from "./cache-names";

/** Set by the build: the build's id, and the "needs a network" page's words from the catalogue. */
declare const BUILD_ID: string;
declare const OFFLINE_TEXT: { title: string; needsNetwork: string; entryWorks: string; openEntry: string };

const staticCache = `${CACHE_PREFIX}static-${BUILD_ID}`;
const entryCache = `${ENTRY_CACHE}-${BUILD_ID}`;

/** Only a page as the server answered it to a signed-in user: not an error, not the login page a redirect led to. */
const pagesOnly: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) => (response.ok && !response.redirected && (response.headers.get("content-type") ?? "").startsWith("text/html") ? response : null),
};

const isEntryDocument = (url: URL, request: Request) =>
  url.origin === location.origin && url.pathname === "/entry" && !url.searchParams.has("_rsc") && !request.headers.has("RSC");

function offlinePage(): Response {
  const t = OFFLINE_TEXT;
  const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title></head>`
    + `<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5">`
    + `<h1 style="font-size:1.25rem">${t.title}</h1><p>${t.needsNetwork}</p><p>${t.entryWorks}</p><p><a href="/entry">${t.openEntry}</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Set when the user signs out (components/entry/offline-clear.ts): from then on this worker,
 * about to be unregistered, handles no request, so it opens no cache again (Serwist opens its
 * precache on every request it routes) while it still controls the page.
 */
let forgetting = false;
self.addEventListener("message", (event) => {
  const message = event as MessageEvent<{ type?: string }>;
  if (message.data?.type !== "FORGET") return;
  forgetting = true;
  message.ports[0]?.postMessage(true);
});
// registered before Serwist's own listener, which it keeps from running
self.addEventListener("fetch", (event) => {
  if (forgetting) event.stopImmediatePropagation();
});

// Serwist's own caches (its precache, empty here) start with "vneid-" too; set before the
// Serwist instance exists, which names its precache as it is made
setCacheNameDetails({ prefix: "vneid" });
const serwist = new Serwist({
  skipWaiting: true,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    // content-hashed files: a cached copy is the file
    { matcher: ({ url, sameOrigin }) => (sameOrigin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/"))), handler: new CacheFirst({ cacheName: staticCache }) },
    { matcher: ({ url, request }) => request.method === "GET" && isEntryDocument(url, request), handler: new NetworkFirst({ cacheName: entryCache, plugins: [pagesOnly], matchOptions: { ignoreVary: true } }) },
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
  ],
});
serwist.setCatchHandler(async ({ request }) => (request.mode === "navigate" ? offlinePage() : Response.error()));

type ExtendableEvent = Event & { waitUntil(work: Promise<unknown>): void };
self.addEventListener("activate", (event) => {
  (event as ExtendableEvent).waitUntil(caches.keys().then((names) => Promise.all(
    names.filter((name) => name.startsWith(CACHE_PREFIX) && !name.endsWith(`-${BUILD_ID}`)).map((name) => caches.delete(name)),
  )));
});
serwist.addEventListeners();
