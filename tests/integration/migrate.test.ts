import { cpSync, mkdtempSync, appendFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, MigrationError, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { databaseUrl } from "./helpers";

// A scratch database beside the shared test database.
const scratchUrl = () => withDatabase(databaseUrl(), `${new URL(databaseUrl()).pathname.slice(1)}_migrate`);

async function appliedMigrations(url: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    return rows;
  } finally {
    await client.end();
  }
}

describe("migration runner", () => {
  let tempDir: string;
  beforeAll(async () => {
    await recreateDatabase(databaseUrl(), new URL(scratchUrl()).pathname.slice(1));
    tempDir = mkdtempSync(path.join(tmpdir(), "migrations-"));
  });
  afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

  it("applies every migration once, even when two runners start together", async () => {
    const [first, second] = await Promise.all([migrate(scratchUrl()), migrate(scratchUrl())]);
    const expected = readMigrations().map((m) => m.name);
    expect([...first, ...second].sort()).toEqual(expected);
    const rows = await appliedMigrations(scratchUrl());
    expect(rows.map((r) => r.migration_name)).toEqual(expected);
    // Prisma's own record: SHA-256 of the file, finished, one step.
    expect(rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
    expect(await migrate(scratchUrl())).toEqual([]);
  });

  it("refuses to run when an applied migration's file has changed", async () => {
    const copy = path.join(tempDir, "changed");
    cpSync(MIGRATIONS_DIR, copy, { recursive: true });
    const first = readMigrations(copy)[0].name;
    appendFileSync(path.join(copy, first, "migration.sql"), "\n-- edited after it was applied\n");
    await expect(migrate(scratchUrl(), copy)).rejects.toThrow(MigrationError);
    await expect(migrate(scratchUrl(), copy)).rejects.toThrow(/changed after it was applied/);
  });

  it("rolls back a failing migration and records nothing", async () => {
    const copy = path.join(tempDir, "failing");
    cpSync(MIGRATIONS_DIR, copy, { recursive: true });
    const broken = path.join(copy, "29991231000000_broken");
    cpSync(path.join(copy, readMigrations(copy)[0].name), broken, { recursive: true });
    const { writeFileSync } = await import("node:fs");
    writeFileSync(path.join(broken, "migration.sql"), `CREATE TABLE "half_done" (id int);\nSELECT * FROM "no_such_table";`);
    await expect(migrate(scratchUrl(), copy)).rejects.toThrow(/29991231000000_broken failed/);
    const rows = await appliedMigrations(scratchUrl());
    expect(rows.map((r) => r.migration_name)).not.toContain("29991231000000_broken");
    const client = new Client({ connectionString: scratchUrl() });
    await client.connect();
    const table = await client.query(`SELECT to_regclass('public.half_done') AS t`);
    await client.end();
    expect(table.rows[0].t).toBeNull();
  });
});
