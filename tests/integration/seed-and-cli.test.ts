import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo, DEMO_USERS } from "@/lib/db/seed/demo";
import { getRankings } from "@/lib/data/rankings";
import { todayInVietnam } from "@/lib/domain/dates";
import { MESSAGES } from "@/lib/i18n/messages";
import { ADMIN } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";

// The demo is generated for the 90 days ending on a fixed day, not on the real today, so
// what these tests find in it is the same on every run (npm test also runs them with the
// clock a year ahead: tests/support/clock.mjs).
const DEMO_NOW = new Date("2026-11-24T03:00:00Z");
const DEMO_TODAY = todayInVietnam(DEMO_NOW);

/** Runs one of the package's command line tools against the test database. */
function cli(script: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", `lib/cli/${script}.ts`, ...args], {
    encoding: "utf8",
    input,
    env: { ...process.env, DATABASE_URL: databaseUrl() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("demo seed", () => {
  beforeAll(async () => {
    await resetDatabase();
  });

  it("loads Quảng Nam with 18 districts and 241 communes, once", async () => {
    // pg 8 warns, and pg 9 will refuse, when one connection is sent a query while another is
    // running: Prisma does that with an insert too big for one statement (lib/db/slices.ts).
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const first = await seedDemo(testDb(), DEMO_NOW);
    await new Promise((resolve) => setImmediate(resolve));
    process.off("warning", onWarning);
    expect(warnings.filter((w) => w.includes("already executing a query"))).toEqual([]);
    expect(first.seeded).toBe(true);
    const db = testDb();
    expect(await db.unit.count({ where: { parent: { code: "49" } } })).toBe(18);
    expect(await db.unit.count({ where: { level: 3, path: { startsWith: "49/" } } })).toBe(241);
    expect(await db.user.count()).toBe(DEMO_USERS.length);
    const counts = { units: await db.unit.count(), figures: await db.figure.count(), targets: await db.target.count() };

    const second = await seedDemo(testDb(), DEMO_NOW);
    expect(second).toEqual({ seeded: false, units: 0, figures: 0 });
    expect({ units: await db.unit.count(), figures: await db.figure.count(), targets: await db.target.count() }).toEqual(counts);
  });

  it("has districts at visibly different paces and a few communes missing today", async () => {
    const ranking = await getRankings(ADMIN, { parentCode: "49", metricCode: "activated", asOf: DEMO_TODAY });
    const percents = ranking.rows.map((r) => r.percent ?? 0);
    expect(Math.max(...percents) - Math.min(...percents)).toBeGreaterThan(30);
    expect(ranking.rows.filter((r) => r.reportedOn !== DEMO_TODAY).length).toBeGreaterThan(0);
  });
});

describe("command line", () => {
  it("has districts whose paces cross near the end: ranks changed over the last week, up and down", async () => {
    const ranking = await getRankings(ADMIN, { parentCode: "49", metricCode: "activated", asOf: DEMO_TODAY });
    const changed = (sign: 1 | -1) => ranking.rows.filter((r) => (r.change.rank ?? 0) * sign > 0).map((r) => r.code);
    expect(changed(1).length).toBeGreaterThan(0);
    expect(changed(-1).length).toBeGreaterThan(0);
  });

  it("creates a user with the password from standard input, and refuses a short one", () => {
    const ok = cli("user", ["create", "--username", "canbo.moi", "--role", "district", "--unit", "517"], "mat-khau-du-dai\n");
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    const short = cli("user", ["create", "--username", "canbo.hai", "--role", "district", "--unit", "517"], "ngan\n");
    expect(short.status).not.toBe(0);
    expect(short.stderr).toMatch(/at least 10 characters/);
    expect(short.stderr).not.toMatch(/    at /); // no stack trace
  });

  it("creates users under the same rules as the admin page: a district officer belongs to a district", async () => {
    const wrongLevel = cli("user", ["create", "--username", "canbo.xa", "--role", "district", "--unit", "20965"], "mat-khau-du-dai\n");
    expect(wrongLevel.status).not.toBe(0);
    expect(wrongLevel.stderr).toContain(MESSAGES.vi.users.errors.districtLevel);
    expect(await testDb().user.count({ where: { username: "canbo.xa" } })).toBe(0);
    const commune = cli("user", ["create", "--username", "canbo.xa", "--role", "commune", "--unit", "20965"], "mat-khau-du-dai\n");
    expect(commune.status, commune.stderr).toBe(0);
    expect(await testDb().auditEvent.count({ where: { action: "user.create", entityKey: "canbo.xa" } })).toBe(1);
  });

  it("issues an API token, printed once, stored hashed", async () => {
    const result = cli("token", ["--user", "canbo.moi"]);
    expect(result.status).toBe(0);
    const token = result.stdout.trim();
    expect(token).toMatch(/^vneid_[A-Za-z0-9_-]{43}$/);
    const stored = await testDb().apiToken.findFirstOrThrow({ where: { user: { username: "canbo.moi" } } });
    expect(stored.tokenHash).not.toContain(token);
  });

  it("import exits non-zero naming the bad line, and --dry-run writes nothing", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "import-"));
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "date,unit_code,metric,value\n2023-06-01,20965,activated,5\n2023-06-01,20965,activated,abc\n");
    const refused = cli("import", ["--kind", "daily", "--file", bad]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/line 3: value: Phải là số nguyên không âm/);

    const before = await testDb().figure.count();
    // Dossiers collected years before the demo's days: the top of the funnel (activated ≤
    // accounts ≤ dossiers), so raising every later running total keeps every later day valid,
    // whatever the demo holds.
    const good = path.join(dir, "good.csv");
    writeFileSync(good, "date,unit_code,metric,value\n2023-06-01,20965,dossiers,5\n");
    const dry = cli("import", ["--kind", "daily", "--file", good, "--dry-run"]);
    expect(dry.status).toBe(0);
    expect(await testDb().figure.count()).toBe(before);
    expect(cli("import", ["--kind", "daily", "--file", good]).status).toBe(0);
    expect(await testDb().figure.count()).toBe(before + 1);
  });

  it("import refused for spikes only names --confirm-spikes, and lists errors by reason; confirmed, it writes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "import-"));
    const file = path.join(dir, "spike.csv");
    // CCCD applications (outside the funnel) years before the demo's days: twelve quiet days, then one ten times as many
    const days = Array.from({ length: 13 }, (_, i) => `2022-01-${String(10 + i)}`);
    writeFileSync(file, ["date,unit_code,metric,value", ...days.map((day, i) => `${day},20965,cccd,${i === 12 ? 600 : 20}`)].join("\n"));
    const before = await testDb().figure.count();
    const refused = cli("import", ["--kind", "daily", "--file", file]);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/line 14: Số trong ngày 600 cao hơn 5 lần/);
    expect(refused.stderr).toMatch(/1 dòng: số tăng đột biến cần xác nhận/);
    expect(refused.stderr).toMatch(/--confirm-spikes/);
    expect(await testDb().figure.count()).toBe(before);
    const confirmed = cli("import", ["--kind", "daily", "--file", file, "--confirm-spikes"]);
    expect(confirmed.status).toBe(0);
    expect(await testDb().figure.count()).toBe(before + 13);
  });

  it("db:migrate reports an up-to-date database", () => {
    const result = cli("migrate", []);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/up to date/);
  });
});
