// Signing out leaves nothing of the user on the device (issue 23): the drafts and the queue
// (IndexedDB), every cache the service worker filled, and the worker itself, which the entry
// page registers again for whoever signs in next.
import { deleteDB } from "idb";
import { OFFLINE_DB } from "@/lib/offline/cache-names";
import { closeOfflineDb } from "./offline-store";

/** Tells the worker controlling this page to keep nothing more: it serves the page until it is gone. */
function quietWorker(): Promise<unknown> | undefined {
  const worker = "serviceWorker" in navigator ? navigator.serviceWorker.controller : null;
  if (!worker) return undefined;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    worker.postMessage({ type: "FORGET" }, [channel.port2]);
    // a worker of an older build does not answer: signing out does not wait for it
    setTimeout(resolve, 1000);
  });
}

export async function clearOfflineData(): Promise<void> {
  await quietWorker();
  await closeOfflineDb();
  await Promise.all([
    typeof indexedDB === "undefined" ? undefined : deleteDB(OFFLINE_DB),
    typeof caches === "undefined" ? undefined : caches.keys().then((names) => Promise.all(names.map((n) => caches.delete(n)))),
    "serviceWorker" in navigator ? navigator.serviceWorker.getRegistrations().then((all) => Promise.all(all.map((r) => r.unregister()))) : undefined,
  ]);
}
