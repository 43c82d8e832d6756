// What the entry page needs to keep and send figures offline (IndexedDB through idb, the sync,
// the worker's registration), loaded once the page is on screen rather than with it: the entry
// page's first JavaScript stays within its 150 kB (docs/for-every-user.md, "Weight").
export { addToQueue, dropLockedDrafts, offlineDb, readDraft, readQueue, writeDraft } from "./offline-store";
export { sendQueue } from "./offline-sync";
export { keepPageOffline } from "./offline-pages";
