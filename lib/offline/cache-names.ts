/** Every cache the service worker fills starts with this: signing out deletes them all. */
export const CACHE_PREFIX = "vneid-";
/** The entry grids' pages: deleted on every sign-in, so nobody opens another user's grid offline. */
export const ENTRY_CACHE = `${CACHE_PREFIX}entry-pages`;
/** The entry page's drafts and queue (components/entry/offline-store.ts). */
export const OFFLINE_DB = "vneid-offline";
/** Where the built service worker is served from; its scope is the whole site. */
export const SERVICE_WORKER_URL = "/sw.js";
