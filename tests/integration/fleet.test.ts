// Several app servers behind a load balancer share nothing but PostgreSQL: what one server
// did, the next request sees wherever it lands. Each "server" here is a process of its own
// (tests/support/app-process.ts: its own Prisma pool, its own modules, its own memory),
// started two at a time and released together on the same call.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { updateBoardSettings } from "@/lib/data/public-board";
import { boardSettingsSchema } from "@/lib/validation/public-board";
import { addUser } from "../support/users";
import { createCampaign, smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";

interface Answer { result?: unknown; error?: string }

/** Starts one app process per call, waits until each has connected, then releases them all at once. */
async function onServers(calls: object[]): Promise<unknown[]> {
  const children = calls.map((call) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "tests/support/app-process.ts", JSON.stringify(call)], {
      env: { ...process.env, DATABASE_URL: databaseUrl() }, stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout });
    const ready = new Promise<void>((resolve, reject) => {
      lines.once("line", (line) => (line === "ready" ? resolve() : reject(new Error(line))));
      child.once("exit", () => reject(new Error("the app process ended before it was ready")));
    });
    const answer = new Promise<Answer>((resolve) => {
      const seen: string[] = [];
      lines.on("line", (line) => seen.push(line));
      child.once("exit", () => resolve(JSON.parse(seen.at(-1) ?? "{}") as Answer));
    });
    return { child, ready, answer };
  });
  await Promise.all(children.map((c) => c.ready));
  for (const { child } of children) child.stdin.end("go\n");
  const answers = await Promise.all(children.map((c) => c.answer));
  for (const answer of answers) expect(answer.error).toBeUndefined();
  return answers.map((answer) => answer.result);
}

let district: Actor;
let other: Actor;

beforeAll(async () => {
  const db = await resetDatabase();
  await smallTree(db);
  await createCampaign(db);
  district = await addUser(db, "bac", "district", "901", { password: "mat-khau-dung-123" });
  other = await addUser(db, "nam", "district", "902");
});

describe("two app servers", { timeout: 120_000 }, () => {
  it("share login throttling: failures counted on one server lock the account on the other", async () => {
    const wrong = (address: string) => ({ op: "sign-in", username: "bac", password: "sai-mat-khau", address, times: 3 });
    // three wrong passwords on each server (from two addresses): six for the username, over its limit of five
    expect(await onServers([wrong("10.0.0.1"), wrong("10.0.0.2")])).toEqual([[false, false, false], [false, false, false]]);
    // the right password, on either server, is now refused: the lock is in the database
    const right = (address: string) => ({ op: "sign-in", username: "bac", password: "mat-khau-dung-123", address, times: 1 });
    expect(await onServers([right("10.0.0.1"), right("10.0.0.3")])).toEqual([[false], [false]]);
    const row = await testDb().loginThrottle.findUniqueOrThrow({ where: { key: "user:bac" } });
    expect(row.failures).toBe(8);
    expect(row.lockedUntil).not.toBeNull();
  });

  it("share idempotency: the same submission sent to both servers at once is written once", async () => {
    const rows = [
      { ref: 0, date: "2023-06-01", unitCode: "90101", metric: "accounts", value: 40, kind: "daily" },
      { ref: 1, date: "2023-06-01", unitCode: "90102", metric: "accounts", value: 25, kind: "daily" },
    ];
    const save = { op: "save", actor: district, rows, key: "cung-mot-lan-gui", now: "2023-06-01T09:00:00Z" };
    const answers = (await onServers([save, save])) as { ok: boolean; written: number; repeated: boolean }[];
    expect(answers.map((a) => a.ok)).toEqual([true, true]);
    expect(answers.map((a) => a.repeated).sort()).toEqual([false, true]);
    expect(answers.map((a) => a.written)).toEqual([2, 2]);
    const db = testDb();
    expect(await db.dailySubmission.count({ where: { key: `${district.id}:cung-mot-lan-gui` } })).toBe(1);
    expect((await db.figure.findMany({ select: { value: true }, orderBy: { value: "asc" } })).map((f) => f.value)).toEqual([25, 40]);
  });

  it("share import progress: an import reported on one server is shown to its owner on the other, to nobody else", async () => {
    const id = crypto.randomUUID();
    const progress = { phase: "checking", rows: 40, fraction: 0.4 };
    expect(await onServers([{ op: "track", actor: district, id, progress }])).toEqual([true]);
    const [mine, theirs] = await onServers([{ op: "progress", actor: district, id }, { op: "progress", actor: other, id }]);
    expect(mine).toMatchObject({ phase: "checking", rows: 40, fraction: 0.4 });
    expect(theirs).toBeNull();
  });

  it("publish a scheduled time once: both servers' timers tick at the same minute, one publication", async () => {
    const leader = { id: null, username: "lanhdao", role: "leader", unitPath: "90/", displayName: "Lãnh đạo" } as const;
    await updateBoardSettings(leader, boardSettingsSchema.parse({ unit: "90", enabled: "on", metrics: ["accounts"], rankingMetric: "accounts", showRanking: "on", times: "11:00", frameOrigins: "" }));
    const tick = { op: "publish-due", now: "2023-06-07T04:00:30Z" }; // 11:00:30 in Vietnam
    const published = (await onServers([tick, tick])) as { unit: string; stamp: string }[][];
    expect(published.flat()).toEqual([{ unit: "90", stamp: "2023-06-07T1100" }]);
    const db = testDb();
    expect(await db.boardPublication.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "board.publish" } })).toBe(1);
  });
});
