// figure's references are checked by statement-level triggers rather than foreign keys
// (migration 20261206000000_figure_reference_triggers, issue 19's write speed): the database
// must refuse exactly what the keys refused, with the same SQLSTATE, on every way a row can
// be written (one row, many rows, an update), and the referenced side must behave as the keys
// did (a unit or metric with figures cannot be deleted or renumbered; deleting a user clears
// `updated_by_id`). A second session shows the referenced unit is locked like a key locks it.
import { Client } from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { databaseUrl, resetDatabase, testDb } from "./helpers";
import { smallTree } from "./fixtures";
import { addUser } from "../support/users";

let units: Awaited<ReturnType<typeof smallTree>>;
let metricId: number;

async function session(): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  return client;
}

/** The SQLSTATE a statement fails with, or null when it succeeds. */
async function sqlState(client: Client, sql: string, params: unknown[] = []): Promise<string | null> {
  try {
    await client.query(sql, params);
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? "no code";
  }
}

const INSERT = `INSERT INTO figure (unit_id, metric_id, date, value, cumulative, updated_by_id) VALUES ($1, $2, $3::date, 1, 1, $4)`;

beforeEach(async () => {
  const db = await resetDatabase();
  units = await smallTree(db);
  metricId = (await db.metric.findUniqueOrThrow({ where: { code: "dossiers" } })).id;
});

describe("figure references (statement triggers in place of foreign keys)", () => {
  it("has no foreign keys on figure, and the triggers are there", async () => {
    const client = await session();
    try {
      const keys = await client.query(`SELECT conname FROM pg_constraint WHERE conrelid = 'figure'::regclass AND contype = 'f'`);
      expect(keys.rows).toEqual([]);
      const triggers = await client.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgrelid = 'figure'::regclass AND NOT tgisinternal ORDER BY tgname`);
      expect(triggers.rows.map((t) => t.tgname)).toEqual(["figure_references_insert", "figure_references_update"]);
    } finally {
      await client.end();
    }
  });

  it("refuses a figure for a unit, a metric or a user that does not exist, with a foreign key's SQLSTATE, and stores nothing", async () => {
    const client = await session();
    try {
      const unitId = units.get("90101")!.id;
      expect(await sqlState(client, INSERT, [999_999, metricId, "2023-05-01", null])).toBe("23503");
      expect(await sqlState(client, INSERT, [unitId, 999_999, "2023-05-01", null])).toBe("23503");
      expect(await sqlState(client, INSERT, [unitId, metricId, "2023-05-01", 999_999])).toBe("23503");
      // one bad row among many good ones refuses the statement
      expect(await sqlState(client, `
        INSERT INTO figure (unit_id, metric_id, date, value, cumulative)
        SELECT CASE WHEN d = 500 THEN 999999 ELSE $1 END, $2, date '2023-01-01' + d, 1, d FROM generate_series(1, 1000) d`, [unitId, metricId])).toBe("23503");
      expect(await testDb().figure.count()).toBe(0);
      // an update that points a figure at a missing unit is refused too
      expect(await sqlState(client, INSERT, [unitId, metricId, "2023-05-01", null])).toBeNull();
      expect(await sqlState(client, `UPDATE figure SET unit_id = 999999`)).toBe("23503");
      expect(await sqlState(client, `UPDATE figure SET value = 2`)).toBeNull();
      expect((await testDb().figure.findMany({ select: { unitId: true, value: true } }))).toEqual([{ unitId, value: 2 }]);
    } finally {
      await client.end();
    }
  });

  it("refuses to delete or renumber a unit or a metric that has figures (RESTRICT), allows it without figures", async () => {
    const client = await session();
    try {
      const unitId = units.get("90101")!.id;
      await client.query(INSERT, [unitId, metricId, "2023-05-01", null]);
      expect(await sqlState(client, `DELETE FROM unit WHERE id = $1`, [unitId])).toBe("23503");
      expect(await sqlState(client, `UPDATE unit SET id = 999999 WHERE id = $1`, [unitId])).toBe("23503");
      expect(await sqlState(client, `DELETE FROM metric WHERE id = $1`, [metricId])).toBe("23503");
      expect(await sqlState(client, `UPDATE unit SET name = 'Xã Một mới' WHERE id = $1`, [unitId])).toBeNull();
      expect(await sqlState(client, `DELETE FROM unit WHERE id = $1`, [units.get("90301")!.id])).toBeNull();
    } finally {
      await client.end();
    }
  });

  it("clears updated_by_id when the user who changed a figure last is deleted (SET NULL)", async () => {
    const user = await addUser(testDb(), "canbo", "district", "901");
    const client = await session();
    try {
      await client.query(INSERT, [units.get("90101")!.id, metricId, "2023-05-01", user.id]);
      await client.query(`DELETE FROM app_user WHERE id = $1`, [user.id]);
      expect((await testDb().figure.findFirstOrThrow()).updatedById).toBeNull();
    } finally {
      await client.end();
    }
  });

  it("locks the referenced unit like a foreign key: a concurrent delete waits for the writer, then is refused", async () => {
    const writer = await session();
    const deleter = await session();
    try {
      const unitId = units.get("90102")!.id;
      await writer.query("BEGIN");
      await writer.query(INSERT, [unitId, metricId, "2023-05-01", null]);
      await deleter.query("SET lock_timeout = '300ms'");
      // while the writer's transaction is open, the unit's row is locked: the delete cannot go ahead
      expect(await sqlState(deleter, `DELETE FROM unit WHERE id = $1`, [unitId])).toBe("55P03");
      await writer.query("COMMIT");
      expect(await sqlState(deleter, `DELETE FROM unit WHERE id = $1`, [unitId])).toBe("23503");
      expect(await testDb().figure.count()).toBe(1);
    } finally {
      await writer.end();
      await deleter.end();
    }
  });
});
