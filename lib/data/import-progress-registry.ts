import "server-only";
// Where a web import's progress waits for the page that asks about it: the import page's
// server action registers the id the browser made, the engine's reports update it, and
// GET /api/import-progress reads it for the same user only. In PostgreSQL (import_progress),
// because behind a load balancer the page's polls reach any app server, not the one running
// the import. The track is kept by the server running the import and written at most every
// WRITE_EVERY_MS (a new phase at once, the latest report last), so a poll elsewhere is at
// most that far behind; a read in the same module instance first writes what it holds.
// Bounded: an entry expires 10 minutes after its last report (an import still running comes
// back with its next one), a user keeps at most 10, the table at most 1,000 (the least
// recently reported go first).
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { addSample, snapshotOf, type ImportPhase, type ImportProgress, type OnImportProgress, type ProgressTrack } from "@/lib/domain/import-progress";

export const PROGRESS_TTL_MS = 10 * 60_000;
export const PROGRESS_MAX_ENTRIES = 1_000;
export const PROGRESS_MAX_PER_USER = 10;
/** How often at most an import's progress is written while it runs. */
export const WRITE_EVERY_MS = 500;

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
  finish(): Promise<void>;
  /** Writes the latest report now, if it is not written yet. */
  flush(): Promise<void>;
}

/** This module instance's trackers with a report not yet written or being written: a read here waits for them. */
const unwritten = new Set<ImportProgressTracker>();

const ttl = (now: number) => new Date(now - PROGRESS_TTL_MS);
/** An id exactly as the browser makes it (PostgreSQL would also read other spellings of the same UUID). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Registers an import's progress under `id` for the actor, or null when it cannot be
 * followed: an operator without a user (the command line has its own reporter) or an id
 * already someone else's (never taken over). The same user's id starts afresh.
 */
export async function trackImportProgress(actor: Actor, id: string): Promise<ImportProgressTracker | null> {
  if (actor.id === null || !UUID.test(id)) return null;
  const ownerId = actor.id;
  const now = Date.now();
  const token = randomUUID();
  const client = db();
  await client.$executeRaw`DELETE FROM import_progress WHERE touched_at <= ${ttl(now)}`;
  const taken = await client.$queryRaw<{ id: string }[]>`
    INSERT INTO import_progress AS p (id, owner_id, token, touched_at, track)
    VALUES (${id}, ${ownerId}, ${token}, ${new Date(now)}, NULL)
    ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, token = excluded.token, touched_at = excluded.touched_at,
      track = NULL, seq = nextval(pg_get_serial_sequence('import_progress', 'seq'))
    WHERE p.owner_id = excluded.owner_id OR p.touched_at <= ${ttl(now)}
    RETURNING p.id`;
  if (!taken.length) return null;
  // the user's latest PROGRESS_MAX_PER_USER and the table's latest PROGRESS_MAX_ENTRIES stay
  await client.$executeRaw`
    DELETE FROM import_progress WHERE id IN (
      SELECT id FROM import_progress WHERE owner_id = ${ownerId} ORDER BY seq DESC OFFSET ${PROGRESS_MAX_PER_USER})`;
  await client.$executeRaw`
    DELETE FROM import_progress WHERE seq < (SELECT seq FROM import_progress ORDER BY seq DESC OFFSET ${PROGRESS_MAX_ENTRIES - 1} LIMIT 1)`;

  let track: ProgressTrack | null = null;
  let dirty = false;
  let finished = false;
  let writtenAt = now;
  let timer: NodeJS.Timeout | null = null;
  // one write at a time, in order: the latest report is the last written
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<unknown>) => {
    chain = chain.then(work).then(() => undefined, () => undefined);
    return chain;
  };

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty || finished) return chain;
    dirty = false;
    const at = track?.at ?? Date.now();
    writtenAt = at;
    const value = JSON.stringify(track);
    // expired or evicted while the import ran on (one long step): it comes back, unless the id is now another's
    return enqueue(() => client.$executeRaw`
      INSERT INTO import_progress AS p (id, owner_id, token, touched_at, track)
      VALUES (${id}, ${ownerId}, ${token}, ${new Date(at)}, ${value}::jsonb)
      ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, token = excluded.token, touched_at = excluded.touched_at,
        track = excluded.track, seq = nextval(pg_get_serial_sequence('import_progress', 'seq'))
      WHERE p.token = excluded.token OR p.touched_at <= ${ttl(at)}`).then(() => {
      if (!dirty) unwritten.delete(tracker);
    });
  };

  const tracker: ImportProgressTracker = {
    onProgress: (progress: ImportProgress) => {
      if (finished) return;
      const at = Date.now();
      const newPhase = track === null || track.phase !== progress.phase;
      track = addSample(track, { at, progress });
      dirty = true;
      unwritten.add(tracker);
      const wait = writtenAt + WRITE_EVERY_MS - at;
      if (newPhase || wait <= 0) void write();
      else if (!timer) (timer = setTimeout(() => void write(), wait)).unref();
    },
    flush: () => write(),
    finish: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      finished = true;
      unwritten.delete(tracker);
      return enqueue(() => client.$executeRaw`DELETE FROM import_progress WHERE id = ${id} AND token = ${token}`);
    },
  };
  return tracker;
}

/** The progress of the actor's own import `id`; null for any other id, expired or unknown. */
export async function getImportProgress(actor: Actor, id: string): Promise<ImportProgressDTO | null> {
  await Promise.all([...unwritten].map((tracker) => tracker.flush()));
  if (actor.id === null || !UUID.test(id)) return null;
  const now = Date.now();
  const [row] = await db().$queryRaw<{ track: Prisma.JsonValue }[]>`
    SELECT track FROM import_progress WHERE id = ${id} AND owner_id = ${actor.id} AND touched_at > ${ttl(now)}`;
  if (!row) return null;
  if (row.track === null) return { phase: null, rows: 0, fraction: 0, rowsPerSecond: null, secondsLeft: null };
  return snapshotOf(row.track as unknown as ProgressTrack, now);
}
