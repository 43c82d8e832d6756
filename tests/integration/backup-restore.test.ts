// A backup round trip: figures, running totals, audit events (with their JSON values and
// timestamps), users and tokens written through the real save path, backed up, restored into
// a fresh database, and compared row for row.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { backupDatabase, BackupError, restoreDatabase } from "@/lib/db/backup";
import { BUILT_IN_METRICS, UNIT_LEVELS } from "@/lib/db/seed/reference";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { smallTree } from "./fixtures";
import { databaseUrl, resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-30T05:00:00Z");
const dir = mkdtempSync(path.join(tmpdir(), "vneid-backup-"));
const file = path.join(dir, "backup.jsonl.gz");
const restoredUrl = () => withDatabase(databaseUrl(), "vneid_restore_test");
const adminUrl = () => withDatabase(databaseUrl(), "postgres");

/** Every row of every table (but the migrations' record), as PostgreSQL prints it. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ line: string }>(`SELECT row_to_json(t)::text AS line FROM "${name}" t ORDER BY 1`);
      result[name] = rows.map((r) => r.line);
    }
    return result;
  } finally {
    await client.end();
  }
}

describe("backup and restore", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    await smallTree(db);
    const unit = await db.unit.findFirstOrThrow({ where: { code: "901" } });
    const user = await db.user.create({ data: { username: "bac", displayName: "Công an huyện Bắc — “thử”", passwordHash: "x", role: "district", unitId: unit.id } });
    const actor: Actor = { id: user.id, username: "bac", role: "district", unitPath: "90/901/" };
    for (const [day, value] of [["2023-06-01", 120], ["2023-06-02", 80], ["2023-06-03", 95]] as const) {
      const saved = await saveDailyFigures(actor, [
        { ref: 0, date: day, unitCode: "90101", metric: "accounts", value, kind: "daily" },
        { ref: 1, date: day, unitCode: "90101", metric: "activated", value: Math.floor(value / 2), kind: "daily" },
        { ref: 2, date: day, unitCode: "90102", metric: "accounts", value: value + 7, kind: "daily" },
      ], { now: NOW, submissionKey: `backup-${day}`, confirmSpikes: true });
      expect(saved).toMatchObject({ ok: true });
    }
    // a correction, with its reason, so an audit event carries old and new values
    const corrected = await saveDailyFigures(actor, [{ ref: 0, date: "2023-06-02", unitCode: "90101", metric: "accounts", value: 81, kind: "daily", reason: "Gõ nhầm 80 → 81" }], { now: NOW, confirmSpikes: true });
    expect(corrected).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "vneid_restore_test" WITH (FORCE)`);
    await client.end();
  });

  it("restores every figure, total and audit event into a fresh database", async () => {
    const figures = await testDb().figure.count();
    const audits = await testDb().auditEvent.count();
    expect(figures).toBe(9);
    expect(audits).toBeGreaterThanOrEqual(10);

    const header = await backupDatabase(databaseUrl(), file);
    expect(header.tables.find((t) => t.name === "figure")?.rows).toBe(figures);
    expect(header.tables.find((t) => t.name === "audit_event")?.rows).toBe(audits);

    await recreateDatabase(adminUrl(), "vneid_restore_test");
    const summary = await restoreDatabase(restoredUrl(), file);
    expect(summary.tables.find((t) => t.name === "figure")?.rows).toBe(figures);

    const before = await snapshot(databaseUrl());
    const after = await snapshot(restoredUrl());
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(after.audit_event.some((line) => line.includes("Gõ nhầm 80 → 81"))).toBe(true);

    // ids continue after the restored rows: the next save works in the restored database
    const client = new Client({ connectionString: restoredUrl() });
    await client.connect();
    const { rows } = await client.query<{ id: string }>(`INSERT INTO audit_event (action, entity, entity_key) VALUES ('test', 'test', 'x') RETURNING id::text`);
    await client.end();
    expect(BigInt(rows[0].id)).toBeGreaterThan(BigInt(audits));
  });

  it("refuses a truncated file and a non-empty target, restoring nothing", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const truncated = path.join(dir, "truncated.jsonl.gz");
    writeFileSync(truncated, gzipSync(lines.slice(0, -3).join("\n")));
    await recreateDatabase(adminUrl(), "vneid_restore_test");
    await expect(restoreDatabase(restoredUrl(), truncated)).rejects.toBeInstanceOf(BackupError);
    // What is left is what the migrations put there (the reference data), nothing of the file.
    const { unit_level: levels, metric: metrics, ...rest } = await snapshot(restoredUrl());
    expect(Object.values(rest).every((rows) => rows.length === 0)).toBe(true);
    expect([levels.length, metrics.length]).toEqual([UNIT_LEVELS.length, BUILT_IN_METRICS.length]);

    // A migrated database holding only that reference data is still empty for a restore.
    await restoreDatabase(restoredUrl(), file);
    await expect(restoreDatabase(restoredUrl(), file)).rejects.toThrow(/not empty/);
  });
});
