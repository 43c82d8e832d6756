// The entry grid's queue of saves made while the server could not be reached (issue 23).
// Pure: the browser keeps the queue in IndexedDB (components/entry/offline-store.ts) and
// sends it (components/entry/offline-sync.ts); these rules decide what is sent, in which
// order, and what a submission may still become.
//
// A submission is the grid's one all-or-nothing save, with its idempotency key. The key is
// the promise the server keeps ("this key writes once"), so the rule everything else follows
// is: **once a submission may have reached the server, it never changes**. A submission is
// counted as possibly sent from the moment it is handed to the network (`beginSend`), before
// any answer: the answer may be lost, the tab may close mid-request. Until then it is a draft
// of a save and may still be replaced or brought up to date.

/** One cell of a grid submission, as the server action takes it. */
export interface SubmittedCell {
  unitCode: string;
  metric: string;
  value: string;
  kind: "daily" | "cumulative";
  expectedVersion: number | null;
  reason: string;
}

/** The body of one grid save (`saveDailyGridAction`'s first argument). */
export interface GridSubmission {
  date: string;
  submissionKey: string;
  confirmSpikes: boolean;
  cells: SubmittedCell[];
}

/** Which grid a save belongs to: one day, one scope (an administrator's chosen unit), one page. */
export interface GridRef {
  date: string;
  scopeCode: string | null;
  page: number;
}

export interface QueuedSave {
  /** the submission key: one key, one submission */
  key: string;
  /** the user who saved it; only they send it or see it */
  owner: string;
  grid: GridRef;
  /** order of saving, increasing per device */
  seq: number;
  /** times handed to the network: above 0 it may have been written, and is frozen */
  attempts: number;
  payload: GridSubmission;
}

export const gridId = (grid: GridRef) => `${grid.date}|${grid.scopeCode ?? ""}|${grid.page}`;
export const cellId = (cell: { unitCode: string; metric: string }) => `${cell.unitCode}.${cell.metric}`;

const sameGrid = (a: QueuedSave, b: { owner: string; grid: GridRef }) => a.owner === b.owner && gridId(a.grid) === gridId(b.grid);
const samePayload = (a: GridSubmission, b: GridSubmission) => JSON.stringify(a) === JSON.stringify(b);
const inOrder = (queue: readonly QueuedSave[]) => [...queue].sort((a, b) => a.seq - b.seq);

export class QueueKeyReused extends Error {
  constructor(readonly key: string) {
    super(`submission key ${key} already names another submission`);
  }
}

/**
 * Adds a save. Saving the same submission again (a second click, a retry) adds nothing. A
 * key already used for a different submission is refused: the server would answer the new one
 * with the old one's result. A save carries every unsaved cell of its grid, so it replaces the
 * grid's earlier saves that never left the device; one that may have left stays, in front.
 */
export function enqueue(queue: readonly QueuedSave[], save: Omit<QueuedSave, "seq" | "attempts">): QueuedSave[] {
  const existing = queue.find((q) => q.key === save.key);
  if (existing) {
    if (existing.owner === save.owner && samePayload(existing.payload, save.payload)) return [...queue];
    throw new QueueKeyReused(save.key);
  }
  const seq = queue.reduce((max, q) => Math.max(max, q.seq), 0) + 1;
  return [...queue.filter((q) => !(sameGrid(q, save) && q.attempts === 0)), { ...save, seq, attempts: 0 }];
}

/** The user's saves in the order they are sent (the order they were made); others' are never listed. */
export function queueOf(queue: readonly QueuedSave[], owner: string): QueuedSave[] {
  return inOrder(queue.filter((q) => q.owner === owner));
}

/** The next save to send for `owner`: the oldest. Sending is one at a time, in order. */
export function nextToSend(queue: readonly QueuedSave[], owner: string): QueuedSave | null {
  return queueOf(queue, owner)[0] ?? null;
}

/** The save is about to be handed to the network: from now on it is frozen. */
export function beginSend(queue: readonly QueuedSave[], key: string): QueuedSave[] {
  return queue.map((q) => (q.key === key ? { ...q, attempts: q.attempts + 1 } : q));
}

/** What became of one send. */
export type SendOutcome =
  /** the server wrote it (or had already, under this key); `versions`: each cell's version now, by `cellId` */
  | { kind: "written"; versions: Record<string, number | null> }
  /** the server answered and wrote nothing: refused cells, a conflict, a spike to confirm */
  | { kind: "answered" }
  /** no answer (offline, connection dropped): it stays, frozen, and is sent again as it is */
  | { kind: "unreachable" }
  /** the session has ended: it waits, unchanged, for the same user to sign in again */
  | { kind: "signedOut" };

/**
 * The queue after one send's outcome. A written save leaves the queue and the later saves of
 * its grid that never left the device expect the versions it wrote for the cells it wrote
 * (they were typed on top of it, not against it; a cell someone else changed still conflicts).
 * An answered save leaves the queue: the user sees the answer beside the cells and saves again.
 */
export function settle(queue: readonly QueuedSave[], key: string, outcome: SendOutcome): QueuedSave[] {
  const sent = queue.find((q) => q.key === key);
  if (!sent || outcome.kind === "unreachable" || outcome.kind === "signedOut") return [...queue];
  const rest = queue.filter((q) => q.key !== key);
  if (outcome.kind === "answered") return rest;
  const wrote = new Set(sent.payload.cells.map(cellId));
  return rest.map((q) => {
    if (!sameGrid(q, sent) || q.attempts > 0) return q;
    const cells = q.payload.cells.map((c) => {
      const id = cellId(c);
      return wrote.has(id) && id in outcome.versions ? { ...c, expectedVersion: outcome.versions[id] } : c;
    });
    return { ...q, payload: { ...q.payload, cells } };
  });
}

/** What is waiting, per day, for the page's line "Chờ gửi: N lượt lưu": each day's saves and the units they touch. */
export function pendingByDay(queue: readonly QueuedSave[], owner: string): { date: string; saves: number; units: string[] }[] {
  const days = new Map<string, { date: string; saves: number; units: Set<string> }>();
  for (const q of queueOf(queue, owner)) {
    const day = days.get(q.grid.date) ?? { date: q.grid.date, saves: 0, units: new Set<string>() };
    day.saves += 1;
    for (const c of q.payload.cells) day.units.add(c.unitCode);
    days.set(q.grid.date, day);
  }
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date)).map((d) => ({ date: d.date, saves: d.saves, units: [...d.units] }));
}
