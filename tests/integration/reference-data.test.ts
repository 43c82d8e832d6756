// The reference data (unit levels, built-in metrics) comes with the migrations, so the
// commands work in the order the documentation gives them: `npm run db:migrate`, then
// `npm run import -- --kind units` with no `db:seed` in between. The seed still runs after,
// and changes nothing.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_METRICS, UNIT_LEVELS } from "@/lib/db/seed/reference";
import { recreateDatabase, withDatabase } from "@/lib/db/url";
import { databaseUrl } from "./helpers";

const DATABASE = "vneid_reference_test";
const url = () => withDatabase(databaseUrl(), DATABASE);
const adminUrl = () => withDatabase(databaseUrl(), "postgres");

/** Runs one of the package's command line tools (as `npm run` does) against the fresh database. */
function cli(script: string, args: string[] = []) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", `lib/cli/${script}.ts`, ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url() },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function query<T>(sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url() });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const referenceRows = async () => ({
  levels: await query(`SELECT level, key, name_vi AS "nameVi", name_en AS "nameEn" FROM unit_level ORDER BY level`),
  metrics: await query(`SELECT code, name_vi AS "nameVi", name_en AS "nameEn", sort_order AS "sortOrder" FROM metric ORDER BY sort_order`),
});

describe("reference data with the schema", () => {
  beforeAll(async () => {
    await recreateDatabase(adminUrl(), DATABASE);
  });

  afterAll(async () => {
    const client = new Client({ connectionString: adminUrl() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
    await client.end();
  });

  it("gives a database migrated and nothing else the seed's levels and metrics", async () => {
    const migrated = cli("migrate");
    expect(migrated.stderr).toBe("");
    expect(migrated.status).toBe(0);
    expect(await referenceRows()).toEqual({ levels: UNIT_LEVELS, metrics: BUILT_IN_METRICS });
  });

  it("imports units through the command line right after the migrations", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "reference-"));
    const file = path.join(dir, "units.csv");
    writeFileSync(file, [
      "code,name,type,parent_code,level",
      "90,Tỉnh Thử Nghiệm,Tỉnh,,1",
      "901,Huyện Bắc,Huyện,90,2",
      "90101,Xã Một,Xã,901,3",
    ].join("\n"));
    const result = cli("import", ["--kind", "units", "--file", file]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Imported 3 rows/);
    expect(await query(`SELECT code, level, path FROM unit ORDER BY code`)).toEqual([
      { code: "90", level: 1, path: "90/" },
      { code: "901", level: 2, path: "90/901/" },
      { code: "90101", level: 3, path: "90/901/90101/" },
    ]);
  });

  it("leaves the seed nothing to add or change, and it still succeeds", async () => {
    const seeded = cli("seed");
    expect(seeded.stderr).toBe("");
    expect(seeded.status).toBe(0);
    expect(await referenceRows()).toEqual({ levels: UNIT_LEVELS, metrics: BUILT_IN_METRICS });
  });
});
