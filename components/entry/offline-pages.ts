// The entry page's part in working offline (issue 23): it registers the service worker
// (lib/offline/service-worker.ts) and hands it what the page loaded before the worker could
// see it (the page itself, its scripts and stylesheet), so the same page opens with no network.
import { ENTRY_CACHE, SERVICE_WORKER_URL } from "@/lib/offline/cache-names";

/** Files of this site the page loaded: the worker keeps the scripts, stylesheet and icons among them. */
function loadedFiles(): string[] {
  return performance.getEntriesByType("resource").map((e) => e.name)
    .filter((name) => name.startsWith(`${location.origin}/_next/static/`) || name.startsWith(`${location.origin}/icons/`));
}

/**
 * Registers the worker and has it keep this page and its files; true once they are kept. A page
 * the worker already served (and kept) is not fetched again unless `refresh` (after a save, so
 * that the page kept shows what was saved).
 */
export async function keepPageOffline(refresh = false): Promise<boolean> {
  if (!("serviceWorker" in navigator) || !navigator.onLine) return false;
  if (!refresh && navigator.serviceWorker.controller && await caches.match(location.href, { ignoreVary: true })) return true;
  try {
    await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
  } catch {
    // no worker in this build (`npm run dev`), or the browser refused it: the page works online as before
    return false;
  }
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return false;
  const urls = [location.href, ...loadedFiles()];
  return new Promise<boolean>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(true);
    worker.postMessage({ type: "CACHE_URLS", payload: { urlsToCache: urls } }, [channel.port2]);
  });
}

/** On every sign-in: the entry pages kept for offline use were another session's, perhaps another user's. */
export async function forgetCachedPages(): Promise<void> {
  if (typeof caches === "undefined") return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(ENTRY_CACHE)).map((n) => caches.delete(n)));
}
