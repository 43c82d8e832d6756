"use client";
// The entry grid's offline side (issue 23), as one hook: what was typed is kept on the device
// as it is typed and comes back when the grid opens; a save goes through the queue, sent at
// once when the server can be reached and otherwise when the network returns; the page is kept
// by the service worker for opening offline.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { draftsOf, restoreDrafts, type CellState, type GridCells } from "@/lib/domain/entry-drafts";
import { gridId, QueueKeyReused, queueOf, type GridRef, type GridSubmission, type QueuedSave } from "@/lib/domain/offline-queue";
import type { SaveGridResult } from "@/app/entry/actions";
import type { StoredAnswer } from "./offline-store";
import type { SendSave, SyncEnd } from "./offline-sync";

const runtime = () => import("./offline-runtime");

/** A save of another grid answered while this one was on screen. */
export interface OtherGridAnswer {
  key: string;
  grid: GridRef;
  written: number | null;
}

interface Options {
  owner: string;
  grid: GridRef;
  initial: GridCells;
  cells: Record<string, CellState>;
  /** puts the restored drafts (and the answer they last got) on screen */
  onRestore: (cells: Record<string, CellState>, answer: StoredAnswer | undefined) => void;
  /** an answer to a save of the grid on screen */
  onAnswer: (save: QueuedSave, answer: SaveGridResult) => void;
  send: SendSave;
}

function subscribeOnline(changed: () => void): () => void {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
}

export function useOfflineEntry({ owner, grid, initial, cells, onRestore, onAnswer, send }: Options) {
  const [restored, setRestored] = useState<{ restored: number; dropped: number } | null>(null);
  const [queue, setQueue] = useState<QueuedSave[]>([]);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
  const [kept, setKept] = useState(false);
  const [others, setOthers] = useState<OtherGridAnswer[]>([]);
  const id = gridId(grid);
  // the latest callbacks, for listeners registered once
  const latest = useRef({ onAnswer, send, owner, grid });
  useEffect(() => { latest.current = { onAnswer, send, owner, grid }; });

  const refreshQueue = useCallback(async () => setQueue(queueOf(await (await runtime()).readQueue(), latest.current.owner)), []);

  const sync = useCallback(async (): Promise<SyncEnd> => {
    const { owner: who, grid: here } = latest.current;
    const end = await (await runtime()).sendQueue(who, (save) => latest.current.send(save), (save, answer) => {
      if (gridId(save.grid) === gridId(here)) {
        latest.current.onAnswer(save, answer);
        // the drafts brought back are saved now: the note about them has done its work
        if (answer.ok) setRestored((r) => r && { ...r, restored: 0 });
      }
      else setOthers((list) => [...list, { key: save.key, grid: save.grid, written: answer.ok ? answer.written : null }]);
      void refreshQueue();
    }).catch((): SyncEnd => "unreachable");
    await refreshQueue();
    return end;
  }, [refreshQueue]);

  // once: the drafts and queue on the device, then whatever is waiting is sent, and the page kept for offline use
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const { readDraft, dropLockedDrafts, keepPageOffline } = await runtime();
      // drafts of days the whole scope is now locked up to can never be saved
      const locked = initial.canOverrideLocks ? 0 : await dropLockedDrafts(owner, grid.scopeCode, initial.scopeLockedUntil).catch(() => 0);
      const draft = await readDraft(owner, grid).catch(() => undefined);
      if (cancelled) return;
      const back = restoreDrafts(initial, draft?.cells ?? {});
      if (back.restored > 0 || draft?.answer) onRestore(back.cells, draft?.answer);
      setRestored({ restored: back.restored, dropped: back.dropped + locked });
      await refreshQueue();
      await sync();
      if (!cancelled) setKept(await keepPageOffline().catch(() => false));
    })();
    return () => { cancelled = true; };
    // the grid on screen is fixed for this component's life (the page keys it by grid)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // every change to what is typed is kept, once the drafts already kept are back on screen
  useEffect(() => {
    if (restored) void runtime().then(({ writeDraft }) => writeDraft(owner, grid, draftsOf(cells))).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cells, restored, owner, id]);

  useEffect(() => {
    const goOnline = () => { void sync(); };
    const onFocus = () => { if (navigator.onLine) void sync(); };
    const onVisible = () => { if (document.visibilityState === "visible") onFocus(); };
    window.addEventListener("online", goOnline);
    window.addEventListener("focus", onFocus);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [sync]);

  /** Saves the grid: into the queue, then the queue is sent if the server can be reached. */
  const save = useCallback(async (payload: GridSubmission, freshKey: () => string): Promise<SyncEnd> => {
    const { addToQueue, offlineDb, readQueue } = await runtime();
    if (!(await offlineDb())) {
      // no IndexedDB: sent straight away, as before the queue existed
      const direct: QueuedSave = { key: payload.submissionKey, owner, grid, seq: 0, attempts: 1, payload };
      try {
        const answer = await latest.current.send(direct);
        if (!answer.ok && answer.signedOut) return "signedOut";
        latest.current.onAnswer(direct, answer);
        return "done";
      } catch {
        return "unreachable";
      }
    }
    let key = payload.submissionKey;
    try {
      await addToQueue({ key, owner, grid, payload });
    } catch (error) {
      if (!(error instanceof QueueKeyReused)) throw error;
      key = freshKey();
      await addToQueue({ key, owner, grid, payload: { ...payload, submissionKey: key } });
    }
    await refreshQueue();
    const end = await sync();
    // a run already ending when this save was queued did not see it: one more
    return end === "done" && (await readQueue()).some((q) => q.key === key) ? sync() : end;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [owner, id, refreshQueue, sync]);

  /** The page as now saved is kept again for offline use. */
  const keepAgain = useCallback(() => { void runtime().then(({ keepPageOffline }) => keepPageOffline(true)).then(setKept, () => undefined); }, []);

  const here = queue.filter((q) => gridId(q.grid) === id);
  return { restored, queue, here, online, kept, others, save, keepAgain };
}
