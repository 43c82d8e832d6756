import { describe, expect, test } from "vitest";
import { beginSend, enqueue, nextToSend, pendingByDay, queueOf, QueueKeyReused, settle, type GridRef, type QueuedSave, type SubmittedCell } from "@/lib/domain/offline-queue";
import { cellsAfterWrite, loadedCells, lockedDrafts, restoreDrafts, type GridCells } from "@/lib/domain/entry-drafts";

const DAY = "2026-12-04";
const grid = (patch: Partial<GridRef> = {}): GridRef => ({ date: DAY, scopeCode: null, page: 1, ...patch });
const cell = (unitCode: string, value: string, expectedVersion: number | null = null, metric = "activated"): SubmittedCell =>
  ({ unitCode, metric, value, kind: "daily", expectedVersion, reason: "" });
const save = (key: string, cells: SubmittedCell[], patch: { owner?: string; grid?: GridRef } = {}) => {
  const g = patch.grid ?? grid();
  return { key, owner: patch.owner ?? "u1", grid: g, payload: { date: g.date, submissionKey: key, confirmSpikes: false, cells } };
};
const keys = (queue: QueuedSave[]) => queue.map((q) => q.key);

describe("enqueue", () => {
  test("saves are sent in the order they were made, across days", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5")], { grid: grid({ date: "2026-12-03" }) }));
    queue = enqueue(queue, save("k2", [cell("20410", "7")]));
    queue = enqueue(queue, save("k3", [cell("20410", "1")], { grid: grid({ date: "2026-12-02" }) }));
    expect(keys(queueOf(queue, "u1"))).toEqual(["k1", "k2", "k3"]);
    expect(nextToSend(queue, "u1")?.key).toBe("k1");
  });

  test("the same submission saved twice (a second click, a retry) is queued once", () => {
    const queue = enqueue(enqueue([], save("k1", [cell("20410", "5")])), save("k1", [cell("20410", "5")]));
    expect(keys(queue)).toEqual(["k1"]);
  });

  test("a key is one submission: the same key with other cells is refused, never queued", () => {
    const queue = enqueue([], save("k1", [cell("20410", "5")]));
    expect(() => enqueue(queue, save("k1", [cell("20410", "6")]))).toThrow(QueueKeyReused);
    expect(() => enqueue(queue, save("k1", [cell("20410", "5")], { owner: "u2" }))).toThrow(QueueKeyReused);
  });

  test("a new save of a grid replaces its saves that never left the device (it carries every unsaved cell)", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5")]));
    queue = enqueue(queue, save("other-day", [cell("20410", "1")], { grid: grid({ date: "2026-12-03" }) }));
    queue = enqueue(queue, save("k2", [cell("20410", "5"), cell("20411", "3")]));
    expect(keys(queueOf(queue, "u1"))).toEqual(["other-day", "k2"]);
  });

  test("a save that may have reached the server is never replaced: it stays in front, unchanged", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5")]));
    queue = beginSend(queue, "k1");
    queue = settle(queue, "k1", { kind: "unreachable" });
    queue = enqueue(queue, save("k2", [cell("20410", "6")]));
    expect(keys(queueOf(queue, "u1"))).toEqual(["k1", "k2"]);
    expect(queue[0].payload.cells[0].value).toBe("5");
  });
});

describe("settle", () => {
  test("no answer: the save stays, is sent again first, and with the same body", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5")]));
    queue = enqueue(queue, save("k2", [cell("20410", "1")], { grid: grid({ page: 2 }) }));
    const before = JSON.stringify(queue[0].payload);
    queue = settle(beginSend(queue, "k1"), "k1", { kind: "unreachable" });
    expect(nextToSend(queue, "u1")?.key).toBe("k1");
    expect(JSON.stringify(queue.find((q) => q.key === "k1")!.payload)).toBe(before);
    expect(queue.find((q) => q.key === "k1")!.attempts).toBe(1);
  });

  test("signed out: the save waits unchanged for the same user", () => {
    const queue = enqueue([], save("k1", [cell("20410", "5")]));
    expect(settle(queue, "k1", { kind: "signedOut" })).toEqual(queue);
  });

  test("written: it leaves the queue and the next one of its grid expects the versions it wrote", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5", null), cell("20411", "2", 4)]));
    queue = beginSend(queue, "k1");
    queue = enqueue(queue, save("k2", [cell("20410", "6", null), cell("20412", "9", 3)]));
    queue = settle(queue, "k1", { kind: "written", versions: { "20410.activated": 1, "20411.activated": 5, "20412.activated": 7 } });
    expect(keys(queue)).toEqual(["k2"]);
    // 20410 was written by k1 (version 1 is the user's own); 20412 was not, so its expected version stays and a change by someone else still conflicts
    expect(queue[0].payload.cells.map((c) => c.expectedVersion)).toEqual([1, 3]);
  });

  test("written: a later save that may have been sent already is not touched", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5", null)]));
    queue = beginSend(queue, "k1");
    queue = enqueue(queue, save("k2", [cell("20410", "6", null)]));
    queue = beginSend(queue, "k2");
    queue = settle(queue, "k1", { kind: "written", versions: { "20410.activated": 1 } });
    expect(queue[0].payload.cells[0].expectedVersion).toBeNull();
  });

  test("answered (refused, conflict): it leaves the queue, the rest go on in order", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5")]));
    queue = enqueue(queue, save("k2", [cell("20410", "1")], { grid: grid({ page: 2 }) }));
    queue = settle(beginSend(queue, "k1"), "k1", { kind: "answered" });
    expect(keys(queue)).toEqual(["k2"]);
  });
});

describe("per user", () => {
  test("each user's saves are theirs alone: listed, sent and counted only for them", () => {
    let queue = enqueue([], save("a1", [cell("20410", "5")], { owner: "a" }));
    queue = enqueue(queue, save("b1", [cell("20410", "6")], { owner: "b" }));
    expect(keys(queueOf(queue, "b"))).toEqual(["b1"]);
    expect(nextToSend(queue, "b")?.key).toBe("b1");
    expect(nextToSend(queue, "c")).toBeNull();
    expect(pendingByDay(queue, "a")).toEqual([{ date: DAY, saves: 1, units: ["20410"] }]);
  });

  test("a user's save does not replace another user's save of the same grid", () => {
    let queue = enqueue([], save("a1", [cell("20410", "5")], { owner: "a" }));
    queue = enqueue(queue, save("b1", [cell("20410", "6")], { owner: "b" }));
    expect(keys(queue).sort()).toEqual(["a1", "b1"]);
  });
});

describe("pendingByDay", () => {
  test("counts each day's saves and the communes they touch", () => {
    let queue = enqueue([], save("k1", [cell("20410", "5"), cell("20410", "9", null, "accounts"), cell("20411", "2")]));
    queue = enqueue(queue, save("k2", [cell("20412", "1")], { grid: grid({ page: 2 }) }));
    expect(pendingByDay(queue, "u1")).toEqual([{ date: DAY, saves: 2, units: ["20410", "20411", "20412"] }]);
  });
});

const twoCommunes = (lock: unknown = null): GridCells => ({
  canOverrideLocks: false,
  scopeLockedUntil: null,
  rows: [
    { unitCode: "20410", lock: null, cells: [{ metric: "activated", value: 4, version: 2 }] },
    { unitCode: "20411", lock, cells: [{ metric: "activated", value: null, version: null }] },
  ],
});

describe("drafts", () => {
  test("drafts come back as unsaved cells; a draft of a locked commune or of a cell no longer shown is dropped", () => {
    const drafts = {
      "20410.activated": { typed: "9", kind: "daily" as const, dirty: true, reason: "sửa", expectedVersion: 2 },
      "20411.activated": { typed: "3", kind: "daily" as const, dirty: true, reason: "", expectedVersion: null },
      "99999.activated": { typed: "1", kind: "daily" as const, dirty: true, reason: "", expectedVersion: null },
    };
    const { cells, restored, dropped } = restoreDrafts(twoCommunes({ until: DAY, reason: "khóa" }), drafts);
    expect(cells["20410.activated"]).toEqual(drafts["20410.activated"]);
    expect(cells["20411.activated"]).toEqual({ typed: "", kind: "daily", dirty: false, reason: "", expectedVersion: null });
    expect({ restored, dropped }).toEqual({ restored: 1, dropped: 2 });
  });

  test("after a write: cells typed again since the save stay drafts, expecting the version written", () => {
    const current = loadedCells(twoCommunes());
    current["20410.activated"] = { typed: "8", kind: "daily", dirty: true, reason: "", expectedVersion: 2 };
    current["20411.activated"] = { typed: "3", kind: "daily", dirty: true, reason: "", expectedVersion: null };
    const written: GridCells = { canOverrideLocks: false, scopeLockedUntil: null, rows: [
      { unitCode: "20410", lock: null, cells: [{ metric: "activated", value: 7, version: 3 }] },
      { unitCode: "20411", lock: null, cells: [{ metric: "activated", value: 3, version: 1 }] },
    ] };
    const after = cellsAfterWrite(current, written, [cell("20410", "7", 2), cell("20411", "3", null)]);
    expect(after["20410.activated"]).toEqual({ typed: "8", kind: "daily", dirty: true, reason: "", expectedVersion: 3 });
    expect(after["20411.activated"]).toEqual({ typed: "3", kind: "daily", dirty: false, reason: "", expectedVersion: 1 });
  });
});

describe("lockedDrafts", () => {
  const draft = (date: string, scopeCode: string | null, cells: number) => ({ grid: grid({ date, scopeCode }), cells: Object.fromEntries(Array.from({ length: cells }, (_, i) => [`2041${i}.activated`, {}])) });
  test("drafts of the scope's days up to its lock go, counted by cell; later days and other scopes stay", () => {
    const drafts = [draft("2026-11-30", null, 2), draft("2026-12-01", null, 1), draft("2026-12-02", null, 4), draft("2026-11-01", "48", 3)];
    const { drop, cells } = lockedDrafts(drafts, null, "2026-12-01");
    expect(drop.map((d) => d.grid.date)).toEqual(["2026-11-30", "2026-12-01"]);
    expect(cells).toBe(3);
  });
  test("no lock, nothing dropped", () => {
    expect(lockedDrafts([draft("2020-01-01", null, 1)], null, null)).toEqual({ drop: [], cells: 0 });
  });
});
