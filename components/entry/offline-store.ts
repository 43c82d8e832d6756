// What the entry page keeps on the device (issue 23), in IndexedDB through `idb`: each grid's
// drafts (its unsaved cells, written as they are typed) and the queue of saves not yet sent
// (rules in lib/domain/offline-queue.ts). Every record carries its owner, the signed-in user's
// id; a page reads only its own user's. Signing out deletes the whole database
// (components/entry/offline-clear.ts).
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { SaveGridResult } from "@/app/entry/actions";
import { lockedDrafts, type CellState } from "@/lib/domain/entry-drafts";
import { enqueue, gridId, type GridRef, type QueuedSave } from "@/lib/domain/offline-queue";
import { OFFLINE_DB } from "@/lib/offline/cache-names";

/** The server's answer a save got while its grid was not on screen, shown when the grid opens. */
export type StoredAnswer = Omit<Extract<SaveGridResult, { ok: false }>, "ok" | "signedOut">;

export interface GridDraft {
  /** owner and grid: `${owner}|${gridId}` */
  id: string;
  owner: string;
  grid: GridRef;
  cells: Record<string, CellState>;
  answer?: StoredAnswer;
  updatedAt: number;
}

interface OfflineSchema extends DBSchema {
  queue: { key: string; value: QueuedSave };
  drafts: { key: string; value: GridDraft; indexes: { owner: string } };
}

let opened: Promise<IDBPDatabase<OfflineSchema> | null> | null = null;

/** The database, or null where the browser has no IndexedDB (private modes of some browsers): the page then works as before, online only. */
export function offlineDb(): Promise<IDBPDatabase<OfflineSchema> | null> {
  opened ??= typeof indexedDB === "undefined"
    ? Promise.resolve(null)
    : openDB<OfflineSchema>(OFFLINE_DB, 1, {
      upgrade(db) {
        db.createObjectStore("queue", { keyPath: "key" });
        db.createObjectStore("drafts", { keyPath: "id" }).createIndex("owner", "owner");
      },
      // signing out in another tab deletes the database: let it
      blocking() {
        void opened?.then((db) => db?.close());
        opened = null;
      },
    }).catch(() => null);
  return opened;
}

/** Forgets the open connection (the database is about to be deleted). */
export async function closeOfflineDb(): Promise<void> {
  const db = await opened;
  db?.close();
  opened = null;
}

const draftId = (owner: string, grid: GridRef) => `${owner}|${gridId(grid)}`;

export async function readQueue(): Promise<QueuedSave[]> {
  const db = await offlineDb();
  return db ? db.getAll("queue") : [];
}

/** Changes the queue in one transaction (another tab may be sending too). */
export async function updateQueue(change: (queue: QueuedSave[]) => QueuedSave[]): Promise<QueuedSave[]> {
  const db = await offlineDb();
  if (!db) return [];
  const tx = db.transaction("queue", "readwrite");
  const next = change(await tx.store.getAll());
  await tx.store.clear();
  await Promise.all(next.map((save) => tx.store.put(save)));
  await tx.done;
  return next;
}

export const addToQueue = (save: Omit<QueuedSave, "seq" | "attempts">) => updateQueue((queue) => enqueue(queue, save));

export async function readDraft(owner: string, grid: GridRef): Promise<GridDraft | undefined> {
  const db = await offlineDb();
  return db?.get("drafts", draftId(owner, grid));
}

/** Keeps a grid's unsaved cells (and the answer shown for them); none left, the draft goes. */
export async function writeDraft(owner: string, grid: GridRef, cells: Record<string, CellState>, answer?: StoredAnswer): Promise<void> {
  const db = await offlineDb();
  if (!db) return;
  if (Object.keys(cells).length === 0) await db.delete("drafts", draftId(owner, grid));
  else await db.put("drafts", { id: draftId(owner, grid), owner, grid, cells, ...(answer ? { answer } : {}), updatedAt: Date.now() });
}

/** Deletes `owner`'s drafts of the scope's days locked up to `until`; the number of cells they held. */
export async function dropLockedDrafts(owner: string, scopeCode: string | null, until: string | null): Promise<number> {
  const db = await offlineDb();
  if (!db || until === null) return 0;
  const { drop, cells } = lockedDrafts(await db.getAllFromIndex("drafts", "owner", owner), scopeCode, until);
  await Promise.all(drop.map((d) => db.delete("drafts", d.id)));
  return cells;
}

/** Saves waiting and grids with unsaved cells, every user's: what signing out would delete. */
export async function countUnsent(): Promise<number> {
  const db = await offlineDb();
  if (!db) return 0;
  const [queue, drafts] = await Promise.all([db.getAll("queue"), db.getAll("drafts")]);
  const queued = new Set(queue.map((q) => `${q.owner}|${gridId(q.grid)}`));
  return queue.length + drafts.filter((d) => !queued.has(d.id) && Object.keys(d.cells).length > 0).length;
}
