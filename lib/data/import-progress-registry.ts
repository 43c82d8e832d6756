import "server-only";
// Where a web import's progress waits for the page that asks about it: the import page's
// server action registers the id the browser made, the engine's reports update it, and
// GET /api/import-progress reads it for the same user only. In this process's memory: one
// server process serves an upload and the polls that follow it, and progress is worth
// nothing once the import has ended, so nothing is stored. Bounded: an entry expires
// 10 minutes after its last report (an import still running comes back with its next one),
// a user keeps at most 10, the whole map at most 1,000 (the least recently reported go
// first). The map sits on globalThis, as the request locale does (lib/i18n/message.ts), so
// the action's and the route's bundles share one.
import type { Actor } from "@/lib/auth/permissions";
import { addSample, snapshotOf, type ImportPhase, type ImportProgress, type OnImportProgress, type ProgressTrack } from "@/lib/domain/import-progress";

export const PROGRESS_TTL_MS = 10 * 60_000;
export const PROGRESS_MAX_ENTRIES = 1_000;
export const PROGRESS_MAX_PER_USER = 10;

interface Entry {
  ownerId: number;
  /** registered or last reported; the phase's own start is in the track */
  touchedAt: number;
  /** null until the engine's first report */
  track: ProgressTrack | null;
}

/** What the owner is shown: `phase` null while the engine has not reported yet. */
export interface ImportProgressDTO {
  phase: ImportPhase | null;
  rows: number;
  fraction: number;
  rowsPerSecond: number | null;
  secondsLeft: number | null;
}

export interface ImportProgressTracker {
  onProgress: OnImportProgress;
  /** The import has ended: its entry goes. */
  finish(): void;
}

const STORE_KEY = Symbol.for("vneid.importProgress");
const globals = globalThis as Record<symbol, Map<string, Entry> | undefined>;
/** Ordered by last report, oldest first: an entry is moved to the end when touched. */
const entries: Map<string, Entry> = (globals[STORE_KEY] ??= new Map());

const expired = (entry: Entry, now: number) => now - entry.touchedAt >= PROGRESS_TTL_MS;

/** Frees the expired entries at the front; `live` checks each entry it returns itself, whatever the clock did. */
function dropExpired(now: number): void {
  for (const [id, entry] of entries) {
    if (!expired(entry, now)) break;
    entries.delete(id);
  }
}

/** The entry under `id`, unless it has expired (then it goes). */
function live(id: string, now: number): Entry | undefined {
  const entry = entries.get(id);
  if (entry && expired(entry, now)) {
    entries.delete(id);
    return undefined;
  }
  return entry;
}

function makeRoom(ownerId: number): void {
  const own = [...entries].filter(([, entry]) => entry.ownerId === ownerId);
  for (const [id] of own.slice(0, Math.max(0, own.length - PROGRESS_MAX_PER_USER + 1))) entries.delete(id);
  while (entries.size >= PROGRESS_MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/**
 * Registers an import's progress under `id` for the actor, or null when it cannot be
 * followed: an operator without a user (the command line has its own reporter) or an id
 * already someone else's (never taken over). The same user's id starts afresh.
 */
export function trackImportProgress(actor: Actor, id: string): ImportProgressTracker | null {
  const now = Date.now();
  dropExpired(now);
  if (actor.id === null) return null;
  const existing = live(id, now);
  if (existing && existing.ownerId !== actor.id) return null;
  entries.delete(id);
  makeRoom(actor.id);
  const ownerId = actor.id;
  const entry: Entry = { ownerId, touchedAt: now, track: null };
  entries.set(id, entry);
  let finished = false;
  return {
    onProgress: (progress: ImportProgress) => {
      if (finished) return;
      const at = Date.now();
      const current = live(id, at);
      // expired or evicted while the import ran on (one long step): it comes back, unless the id is now another's
      if (current !== undefined && current !== entry) return;
      entry.track = addSample(entry.track, { at, progress });
      entry.touchedAt = at;
      entries.delete(id);
      if (current === undefined) makeRoom(ownerId);
      entries.set(id, entry);
    },
    finish: () => {
      finished = true;
      if (entries.get(id) === entry) entries.delete(id);
    },
  };
}

/** The progress of the actor's own import `id`; null for any other id, expired or unknown. */
export function getImportProgress(actor: Actor, id: string): ImportProgressDTO | null {
  const now = Date.now();
  dropExpired(now);
  const entry = live(id, now);
  if (!entry || actor.id === null || entry.ownerId !== actor.id) return null;
  if (entry.track === null) return { phase: null, rows: 0, fraction: 0, rowsPerSecond: null, secondsLeft: null };
  return snapshotOf(entry.track, now);
}
