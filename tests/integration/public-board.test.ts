// The public board's publications: a scheduled time published at its time with a frozen
// clock, frozen afterwards (a correction appears only in the next one), the same figures as
// the API's reads at the cutoff, the paragraph's figures the snapshot's, turning the board
// off hides every publication, audit and permissions.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { importCsv } from "@/lib/data/import";
import { getProgress } from "@/lib/data/progress";
import { findPublicBoard, getBoardSettings, listBoardPublications, publishBoard, publishDue, readPublicPublication, updateBoardSettings } from "@/lib/data/public-board";
import { getRankings } from "@/lib/data/rankings";
import { dayToDate } from "@/lib/domain/dates";
import { formatNumber, formatPercent } from "@/lib/domain/format";
import { parseCutoff } from "@/lib/domain/public-board";
import { pressParagraph } from "@/lib/reports/board-text";
import { boardSettingsSchema } from "@/lib/validation/public-board";
import { ADMIN, createCampaign, createUnits } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { spawnSync } from "node:child_process";

const LEADER: Actor & { displayName: string } = { id: null, username: "lanhdao", role: "leader", unitPath: "90/", displayName: "Nguyễn Văn Lãnh" };
const PROVINCE: Actor = { id: null, username: "tinh", role: "province", unitPath: "90/" };
const OTHER_LEADER: Actor = { id: null, username: "khac", role: "leader", unitPath: "80/" };

async function target(unitCode: string, metric: string, due: string, value: number) {
  const db = testDb();
  const [campaign, m, unit] = await Promise.all([
    db.campaign.findUniqueOrThrow({ where: { code: "dot-1" } }),
    db.metric.findUniqueOrThrow({ where: { code: metric } }),
    db.unit.findFirstOrThrow({ where: { code: unitCode } }),
  ]);
  await db.target.create({ data: { campaignId: campaign.id, unitId: unit.id, metricId: m.id, dueDate: dayToDate(due), value } });
}

async function daily(rows: string[], now: Date) {
  const result = await importCsv(ADMIN, "daily", ["date,unit_code,metric,value", ...rows].join("\n"), { now });
  expect(result.errors).toEqual([]);
}

const settings = (overrides: Record<string, unknown> = {}) => boardSettingsSchema.parse({
  unit: "90", enabled: "on", metrics: ["dossiers", "activated"], rankingMetric: "activated", showRanking: "on", showPraise: "on", times: "11:00, 17:00", frameOrigins: "https://baotinh.vn", ...overrides,
});

beforeAll(async () => {
  const db = await resetDatabase();
  await createUnits(db, [
    ["90", "Tỉnh Thử Nghiệm", null],
    ["901", "Huyện Núi Thành", "90"],
    ["902", "Thành phố Hội An", "90"],
    ["90101", "Xã Tam Nghĩa", "901"],
    ["90201", "Phường Minh An", "902"],
    ["80", "Tỉnh Khác", null],
  ]);
  await createCampaign(db, "dot-1", "2023-05-01", "2023-06-30");
  await target("901", "activated", "2023-06-30", 1_000);
  await target("902", "activated", "2023-06-30", 700);
  await target("90", "dossiers", "2023-06-30", 10_000);
  await daily(["2023-06-06,90101,activated,300", "2023-06-06,90201,activated,200", "2023-06-06,90101,dossiers,900", "2023-06-07,90101,activated,50"], new Date("2023-06-07T02:00:00Z"));
});

afterEach(() => vi.useRealTimers());

describe("publishing", () => {
  it("only leaders and administrators in scope set the board; saved and audited", async () => {
    await expect(updateBoardSettings(PROVINCE, settings())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateBoardSettings(OTHER_LEADER, settings())).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateBoardSettings(LEADER, settings())).toMatchObject({ code: "90", enabled: true });
    const stored = await getBoardSettings(LEADER, "90", "2023-06-07");
    expect(stored).toMatchObject({ stored: true, enabled: true, metrics: ["dossiers", "activated"], times: ["11:00", "17:00"], frameOrigins: ["https://baotinh.vn"] });
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "board.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entity: "public_board", entityKey: "90" });
  });

  it("a scheduled time is published at its time with a frozen clock, once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-07T03:59:00Z")); // 10:59 in Vietnam
    expect(await publishDue()).toEqual([]);
    vi.setSystemTime(new Date("2023-06-07T04:00:30Z")); // 11:00:30
    expect(await publishDue()).toEqual([{ unit: "90", stamp: "2023-06-07T1100" }]);
    expect(await publishDue()).toEqual([]);
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { action: "board.publish" }, orderBy: { id: "desc" } });
    expect(audit.entityKey).toBe("90:2023-06-07T1100");
  });

  it("the snapshot holds the API's figures at the cutoff; the paragraph's figures are the snapshot's", async () => {
    const read = (await readPublicPublication("90", "2023-06-07T1100"))!;
    const { snapshot } = read;
    const progress = await getProgress(ADMIN, { unitCode: "90", metricCode: "activated", asOf: "2023-06-07" });
    const activated = snapshot.metrics.find((m) => m.metric === "activated")!;
    expect(activated).toMatchObject({ actual: progress.actual, target: progress.target, percent: progress.percent, dueDate: progress.dueDate });
    expect(activated).toMatchObject({ actual: 550, target: 1_700, percent: 32.35 });
    const ranking = await getRankings(ADMIN, { parentCode: "90", metricCode: "activated", asOf: "2023-06-07" });
    expect(snapshot.rows.map(({ code, name, actual, target, percent, rank, reportedOn }) => ({ code, name, actual, target, percent, rank, reportedOn })))
      .toEqual(ranking.rows.map(({ code, name, actual, target, percent, rank, reportedOn }) => ({ code, name, actual, target, percent, rank, reportedOn })));
    const text = pressParagraph(snapshot);
    for (const metric of snapshot.metrics) {
      expect(text).toContain(formatNumber(metric.actual));
      if (metric.percent !== null) expect(text).toContain(formatPercent(metric.percent));
      if (metric.target !== null) expect(text).toContain(formatNumber(metric.target));
    }
    for (const row of snapshot.rows) expect(text).toContain(formatPercent(row.percent));
    expect(text).toContain("đã kích hoạt 550 tài khoản, đạt 32,35% so với chỉ tiêu 1.700");
    expect(text).not.toContain(LEADER.displayName);
  });

  it("a correction after a publication does not change it and appears in the next", async () => {
    await daily(["2023-06-07,90201,activated,100"], new Date("2023-06-07T05:00:00Z"));
    const before = (await readPublicPublication("90", "2023-06-07T1100"))!.snapshot;
    expect(before.metrics.find((m) => m.metric === "activated")!.actual).toBe(550);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-07T10:00:00Z")); // 17:00
    expect(await publishDue()).toEqual([{ unit: "90", stamp: "2023-06-07T1700" }]);
    const after = (await readPublicPublication("90", "latest"))!.snapshot;
    expect(after.stamp).toBe("2023-06-07T1700");
    expect(after.metrics.find((m) => m.metric === "activated")!.actual).toBe(650);
    expect(after.previousStamp).toBe("2023-06-07T1100");
    expect(after.rows.find((r) => r.code === "902")).toMatchObject({ actual: 300, pointsChange: 14.29 });
    expect((await readPublicPublication("90", "2023-06-07T1100"))!.snapshot).toEqual(before);
  });

  it("publishes at a past cutoff from the figures of its day; the same cutoff twice is a conflict; never in the future", async () => {
    const now = new Date("2023-06-08T01:00:00Z");
    const made = await publishBoard(LEADER, { unit: "90", cutoff: parseCutoff("2023-06-06 17:00") }, now);
    expect(made).toMatchObject({ stamp: "2023-06-06T1700", publishedBy: LEADER.displayName });
    const past = (await readPublicPublication("90", "2023-06-06T1700"))!.snapshot;
    expect(past.metrics.find((m) => m.metric === "activated")!.actual).toBe(500);
    await expect(publishBoard(LEADER, { unit: "90", cutoff: parseCutoff("2023-06-06 17:00") }, now)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(publishBoard(LEADER, { unit: "90", cutoff: parseCutoff("2023-06-09 17:00") }, now)).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(publishBoard(OTHER_LEADER, { unit: "90" }, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await listBoardPublications(LEADER, "90", "2023-06-07")).map((p) => p.stamp)).toEqual(["2023-06-07T1700", "2023-06-07T1100", "2023-06-06T1700"]);
  });

  it("narrowed settings narrow every publication; off, nothing is readable", async () => {
    await updateBoardSettings(LEADER, settings({ metrics: ["dossiers"], rankingMetric: "dossiers", showPraise: undefined }));
    const narrowed = (await readPublicPublication("90", "2023-06-07T1100"))!.snapshot;
    expect(narrowed.metrics.map((m) => m.metric)).toEqual(["dossiers"]);
    expect(narrowed.rows).toEqual([]);
    expect(narrowed.praised).toEqual([]);
    await updateBoardSettings(LEADER, settings({ enabled: undefined }));
    expect(await findPublicBoard("90")).toBeNull();
    expect(await readPublicPublication("90", "latest")).toBeNull();
    expect(await readPublicPublication("90", "2023-06-07T1100")).toBeNull();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2023-06-08T10:00:00Z"));
    expect(await publishDue()).toEqual([]);
    await updateBoardSettings(LEADER, settings());
    expect(await findPublicBoard("90")).not.toBeNull();
  });
});

describe("npm run publish", () => {
  const cli = (args: string[]) => spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "lib/cli/publish.ts", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: databaseUrl() } });

  it("publishes at a past cutoff; refuses a bad cutoff and an unknown unit in words", async () => {
    const done = cli(["--unit", "90", "--cutoff", "2023-06-05 17:00"]);
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    expect(done.stdout).toContain("/cong-khai/90/2023-06-05T1700.json");
    expect((await readPublicPublication("90", "2023-06-05T1700"))?.snapshot.stamp).toBe("2023-06-05T1700");
    const bad = cli(["--unit", "90", "--cutoff", "07/06/2023"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("--cutoff");
    const unknown = cli(["--unit", "12345"]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
