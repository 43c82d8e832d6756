// Sends the queue of saves (issue 23): the signed-in user's, oldest first, one at a time, each
// with its own key (so a save the server already wrote is answered "written" again, not
// written twice). Runs when the page opens, on Save, and when the network returns (`online`,
// focus); one tab at a time (Web Locks where the browser has them).
import { cellsAfterWrite, draftsOf, type CellState } from "@/lib/domain/entry-drafts";
import { beginSend, cellId, nextToSend, settle, type QueuedSave } from "@/lib/domain/offline-queue";
import type { SaveGridResult } from "@/app/entry/actions";
import { readDraft, readQueue, updateQueue, writeDraft } from "./offline-store";

export type SendSave = (save: QueuedSave) => Promise<SaveGridResult>;
/** How a run ended: all sent, or stopped at a save that got no answer or found the session ended. */
export type SyncEnd = "done" | "unreachable" | "signedOut";

let running: Promise<SyncEnd> | null = null;

/** Sends `owner`'s queue; `onAnswer` hears every answer (written or refused) as it comes. */
export function sendQueue(owner: string, send: SendSave, onAnswer: (save: QueuedSave, answer: SaveGridResult) => void): Promise<SyncEnd> {
  running ??= withLock(() => sendAll(owner, send, onAnswer)).finally(() => { running = null; });
  return running;
}

async function withLock<T>(work: () => Promise<T>): Promise<T> {
  return typeof navigator !== "undefined" && navigator.locks ? navigator.locks.request("vneid-offline-sync", work) as Promise<T> : work();
}

async function sendAll(owner: string, send: SendSave, onAnswer: (save: QueuedSave, answer: SaveGridResult) => void): Promise<SyncEnd> {
  for (;;) {
    // offline, nothing is sent: a save that never left the device can still be replaced by the next one
    if (!navigator.onLine) return (await readQueue()).some((q) => q.owner === owner) ? "unreachable" : "done";
    const save = nextToSend(await readQueue(), owner);
    if (!save) return "done";
    await updateQueue((queue) => beginSend(queue, save.key));
    let answer: SaveGridResult;
    try {
      answer = await send(save);
    } catch {
      return "unreachable";
    }
    if (!answer.ok && answer.signedOut) return "signedOut";
    if (answer.ok) {
      const versions = Object.fromEntries(answer.grid.rows.flatMap((row) => row.cells.map((c) => [cellId({ unitCode: row.unitCode, metric: c.metric }), c.version])));
      await updateQueue((queue) => settle(queue, save.key, { kind: "written", versions }));
      const draft = await readDraft(owner, save.grid);
      if (draft) await writeDraft(owner, save.grid, draftsOf(cellsAfterWrite(draft.cells, answer.grid, save.payload.cells)));
    } else {
      await updateQueue((queue) => settle(queue, save.key, { kind: "answered" }));
      const draft = await readDraft(owner, save.grid);
      await writeDraft(owner, save.grid, draft?.cells ?? cellsOf(save), { message: answer.message, fieldErrors: answer.fieldErrors, ...(answer.conflicts ? { conflicts: answer.conflicts } : {}), ...(answer.needsConfirmation ? { needsConfirmation: true } : {}) });
    }
    onAnswer(save, answer);
  }
}

/** A refused save's cells as drafts, should its grid's draft be gone. */
function cellsOf(save: QueuedSave): Record<string, CellState> {
  return Object.fromEntries(save.payload.cells.map((c) => [cellId(c), { typed: c.value, kind: c.kind, dirty: true, reason: c.reason, expectedVersion: c.expectedVersion }]));
}
