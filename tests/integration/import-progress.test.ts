// A web import's progress: the registry (lib/data/import-progress-registry.ts) and
// GET /api/import-progress, on the real session check. The owner sees their import's
// progress; anyone else gets 404, nobody signed out gets 401; entries end with the import,
// expire 10 minutes after their last report (back with the next one while it runs) and are
// bounded. And the import page's action: the id the page sends is registered, the import's
// reports reach the route while it runs.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/import-progress/route";
import { importDailyAction } from "@/app/import/actions";
import type { ImportProgress } from "@/lib/domain/import-progress";
import {
  getImportProgress, PROGRESS_MAX_ENTRIES, PROGRESS_MAX_PER_USER, PROGRESS_TTL_MS, trackImportProgress, type ImportProgressDTO, type ImportProgressTracker,
} from "@/lib/data/import-progress-registry";
import { addUser } from "../support/users";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const session = vi.hoisted(() => ({ current: null as null | { uid: number; sv: number } }));
vi.mock("next-auth", async (importOriginal) => ({ ...(await importOriginal<Record<string, unknown>>()), getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

/**
 * importCsv as it is, but watched. Before the real import starts, a first report is sent
 * through the action's onProgress and the route is asked, as the page's poll would: the
 * wiring is checked whatever the engine reports. Then each of the engine's own reports is
 * followed by what the registry would answer the owner at that moment (that report, or a
 * later one that came while the answer was read).
 */
const watch = vi.hoisted(() => ({ id: "", first: null as Response | null, seen: [] as { sent: ImportProgress; shown: Promise<unknown> }[] }));
vi.mock("@/lib/data/import", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/data/import")>();
  const registry = await import("@/lib/data/import-progress-registry");
  const watched: typeof real.importCsv = async (actor, kind, text, options = {}) => {
    const onProgress = options.onProgress;
    if (!onProgress) return real.importCsv(actor, kind, text, options);
    onProgress({ phase: "reading", rows: 0, fraction: 0 });
    watch.first = await GET(new Request(`http://test/api/import-progress?id=${watch.id}`));
    const report = (progress: ImportProgress) => {
      onProgress(progress);
      watch.seen.push({ sent: progress, shown: registry.getImportProgress(actor, watch.id) });
    };
    return real.importCsv(actor, kind, text, { ...options, onProgress: report });
  };
  return { ...real, importCsv: watched };
});

type User = Awaited<ReturnType<typeof addUser>>;
let owner: User;
let other: User;
let id: string;

const signIn = (user: User | null) => {
  session.current = user && { uid: user.id, sv: user.sessionVersion };
};
const ask = (progressId: string) => GET(new Request(`http://test/api/import-progress?id=${encodeURIComponent(progressId)}`));
const answerOf = async (response: Response) => ({ status: response.status, body: (await response.json()) as ImportProgressDTO & { error?: { message: string } } });

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  owner = await addUser(db, "bac", "district", "901");
  other = await addUser(db, "nam", "district", "902");
});

beforeEach(() => {
  id = crypto.randomUUID();
});

afterEach(() => {
  vi.useRealTimers();
  signIn(null);
});

describe("GET /api/import-progress", () => {
  it("shows the owner their import: registered, then each report with its rate and time left", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-01T03:00:00Z"));
    const tracker = (await trackImportProgress(owner, id))!;
    signIn(owner);
    expect(await answerOf(await ask(id))).toEqual({ status: 200, body: { phase: null, rows: 0, fraction: 0, rowsPerSecond: null, secondsLeft: null } });

    tracker.onProgress({ phase: "checking", rows: 0, fraction: 0 });
    vi.advanceTimersByTime(2_000);
    tracker.onProgress({ phase: "checking", rows: 40_000, fraction: 0.4 });
    const response = await ask(id);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await answerOf(response)).toEqual({ status: 200, body: { phase: "checking", rows: 40_000, fraction: 0.4, rowsPerSecond: 20_000, secondsLeft: 3 } });
    // between reports the time left keeps counting down
    vi.advanceTimersByTime(1_000);
    expect((await answerOf(await ask(id))).body.secondsLeft).toBe(2);
  });

  it("answers 404 to another user, to an unknown or malformed id, and 401 signed out", async () => {
    const tracker = (await trackImportProgress(owner, id))!;
    tracker.onProgress({ phase: "writing", rows: 10, fraction: 0.5 });
    signIn(other);
    const refused = await answerOf(await ask(id));
    expect(refused.status).toBe(404);
    expect(refused.body.error?.message).toMatch(/tiến độ/);
    expect(JSON.stringify(refused.body)).not.toMatch(/writing|"rows"/);
    signIn(owner);
    for (const wrong of [crypto.randomUUID(), "", "not-a-uuid", `${id}x`, id.toUpperCase().replace(/-/g, "")]) expect((await ask(wrong)).status, wrong).toBe(404);
    expect((await GET(new Request("http://test/api/import-progress"))).status).toBe(404);
    signIn(null);
    const signedOut = await ask(id);
    expect(signedOut.status).toBe(401);
    expect(JSON.stringify(await signedOut.json())).not.toMatch(/writing/);
  });

  it("refuses a stale session as signed out (the session is checked against the database)", async () => {
    await trackImportProgress(owner, id);
    session.current = { uid: owner.id, sv: owner.sessionVersion + 1 };
    expect((await ask(id)).status).toBe(401);
  });

  it("never lets another user take over an id, nor the command line's operator register one", async () => {
    const tracker = (await trackImportProgress(owner, id))!;
    tracker.onProgress({ phase: "checking", rows: 5, fraction: 0.1 });
    expect(await trackImportProgress(other, id)).toBeNull();
    expect(await trackImportProgress(ADMIN, crypto.randomUUID())).toBeNull();
    expect(await getImportProgress(other, id)).toBeNull();
    expect(await getImportProgress(owner, id)).toMatchObject({ phase: "checking", rows: 5 });
  });

  it("forgets an import once it has ended", async () => {
    const tracker = (await trackImportProgress(owner, id))!;
    tracker.onProgress({ phase: "writing", rows: 1, fraction: 1 });
    await tracker.finish();
    tracker.onProgress({ phase: "writing", rows: 2, fraction: 1 });
    signIn(owner);
    expect((await ask(id)).status).toBe(404);
  });

  it("expires an entry 10 minutes after its last report", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-01T03:00:00Z"));
    const tracker = (await trackImportProgress(owner, id))!;
    const quiet = crypto.randomUUID();
    await trackImportProgress(owner, quiet);
    vi.advanceTimersByTime(PROGRESS_TTL_MS - 1_000);
    tracker.onProgress({ phase: "checking", rows: 1, fraction: 0.01 });
    vi.advanceTimersByTime(1_000);
    signIn(owner);
    expect((await ask(quiet)).status).toBe(404);
    expect((await ask(id)).status).toBe(200);
    vi.advanceTimersByTime(PROGRESS_TTL_MS - 1_001);
    expect((await ask(id)).status).toBe(200);
    vi.advanceTimersByTime(1);
    expect((await ask(id)).status).toBe(404);
    // the import was still running (one long step): its next report brings it back
    tracker.onProgress({ phase: "checking", rows: 2, fraction: 0.02 });
    expect(await answerOf(await ask(id))).toMatchObject({ status: 200, body: { phase: "checking", rows: 2 } });
    // once it has ended, nothing does
    await tracker.finish();
    tracker.onProgress({ phase: "checking", rows: 3, fraction: 0.03 });
    expect((await ask(id)).status).toBe(404);
  });

  it("does not bring an expired import back under an id someone else has taken since", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-01T03:00:00Z"));
    const tracker = (await trackImportProgress(owner, id))!;
    vi.advanceTimersByTime(PROGRESS_TTL_MS);
    (await trackImportProgress(other, id))!.onProgress({ phase: "writing", rows: 9, fraction: 0.9 });
    tracker.onProgress({ phase: "checking", rows: 1, fraction: 0.1 });
    expect(await getImportProgress(owner, id)).toBeNull();
    expect(await getImportProgress(other, id)).toMatchObject({ phase: "writing", rows: 9 });
  });

  it("keeps a user's latest imports and the whole table bounded, the least recently reported going first", async () => {
    const mine = Array.from({ length: PROGRESS_MAX_PER_USER + 1 }, () => crypto.randomUUID());
    const trackers: ImportProgressTracker[] = [];
    for (const progressId of mine) trackers.push((await trackImportProgress(owner, progressId))!);
    trackers[1].onProgress({ phase: "reading", rows: 1, fraction: 0.1 });
    await trackers[1].flush();
    expect(await getImportProgress(owner, mine[0])).toBeNull();
    for (const progressId of mine.slice(1)) expect(await getImportProgress(owner, progressId)).not.toBeNull();

    // a crowd of users: the other user's active import (reported last) survives, the oldest go
    const users = Array.from({ length: PROGRESS_MAX_ENTRIES }, (_, i) => ({ ...other, id: 1_000_000 + i }));
    const theirs = (await trackImportProgress(other, id))!;
    for (const user of users.slice(0, PROGRESS_MAX_ENTRIES - 5)) await trackImportProgress(user, crypto.randomUUID());
    theirs.onProgress({ phase: "writing", rows: 1, fraction: 0.5 });
    await theirs.flush();
    for (const user of users.slice(PROGRESS_MAX_ENTRIES - 5)) await trackImportProgress(user, crypto.randomUUID());
    expect(await getImportProgress(other, id)).toMatchObject({ phase: "writing" });
    for (const progressId of mine) expect(await getImportProgress(owner, progressId)).toBeNull();
  });
});

describe("the import page's action", () => {
  const file = (lines: string[]) => new File([lines.join("\n")], "so-lieu.csv", { type: "text/csv" });
  const form = (fields: Record<string, string | Blob>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.append(key, value);
    return data;
  };

  beforeEach(() => {
    watch.id = id;
    watch.first = null;
    watch.seen = [];
  });

  it("registers the page's progress id: the owner's polls see the import's reports while it runs, then 404", async () => {
    signIn(owner);
    const csv = file(["date,unit_code,metric,value", "2023-06-01,90101,dossiers,5", "2023-06-01,90102,dossiers,7"]);
    const result = await importDailyAction(form({ file: csv, dryRun: "1", progressId: id }));
    expect(result).toMatchObject({ ok: true, result: { ok: true, rows: 2 } });
    expect(watch.first?.status).toBe(200);
    expect(await watch.first?.json()).toEqual({ phase: "reading", rows: 0, fraction: 0, rowsPerSecond: null, secondsLeft: null });
    // the engine's own reports, each as the owner would be shown it
    expect(watch.seen.length).toBeGreaterThan(0);
    const shownAs = (sent: ImportProgress) => ({ phase: sent.phase, rows: sent.rows, fraction: Math.min(1, Math.max(0, sent.fraction)) });
    // Each poll is answered from PostgreSQL after the reports before it are written; a poll
    // whose read ran after the import had ended (its row deleted) answers nothing, as the route's
    // 404 does: only at the end, and never before a report was shown.
    const answers = (await Promise.all(watch.seen.map(({ shown }) => shown))) as (ImportProgressDTO | null)[];
    expect(answers[0]).not.toBeNull();
    for (const [i, answer] of answers.entries()) {
      if (answer === null) {
        expect(answers.slice(i).every((later) => later === null), `the report ${i} read after the end, and every later one too`).toBe(true);
        continue;
      }
      expect(watch.seen.slice(i).map(({ sent }) => shownAs(sent))).toContainEqual({ phase: answer.phase, rows: answer.rows, fraction: answer.fraction });
    }
    expect((await ask(id)).status).toBe(404);
    expect(await testDb().figure.count()).toBe(0);
  });

  it("imports without progress when the id is missing or malformed, and never under another user's id", async () => {
    const theirs = (await trackImportProgress(other, id))!;
    theirs.onProgress({ phase: "checking", rows: 3, fraction: 0.3 });
    signIn(owner);
    for (const progressId of [undefined, "<script>", id]) {
      watch.first = null;
      const fields = { file: file(["date,unit_code,metric,value", "2023-06-01,90101,dossiers,5"]), dryRun: "1", ...(progressId === undefined ? {} : { progressId }) };
      expect(await importDailyAction(form(fields))).toMatchObject({ ok: true, result: { ok: true } });
      expect(watch.first, String(progressId)).toBeNull();
    }
    expect(await getImportProgress(other, id)).toMatchObject({ phase: "checking", rows: 3 });
  });
});
