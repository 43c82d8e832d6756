// Backups the operator can keep: `npm run db:backup` writes every row of every table, read in
// one consistent snapshot, to one gzip-compressed text file; `npm run db:restore` loads such
// a file into a fresh database. Why not pg_dump: the embedded server is PostgreSQL 18, and
// pg_dump refuses to dump a server newer than itself; the newest pg_dump on the registries a
// closed network reaches (Debian bookworm's postgresql-client) is 15. So the dump is logical:
// the schema is the project's migrations (recorded by name in the file), the data is one JSON
// line per row, written by PostgreSQL itself (row_to_json) and read back by PostgreSQL
// (json_populate_recordset), so every value (bigint, timestamp, JSON, text) round-trips
// exactly without passing through JavaScript numbers.
//
// File layout (after gunzip, UTF-8, one JSON value per line):
//   {"format":"vneid-backup","version":1,"createdAt":…,"migrations":[…],"tables":[{"name","rows","columns"}…],"sequences":[…]}
//   {"table":"unit_level","rows":4}      then exactly 4 lines, one row each
//   …                                    (tables in foreign-key order: parents first)
//   {"end":true,"rows":N}                the total, so a truncated file is refused
import { createReadStream, createWriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import { Client } from "pg";
import { migrate, MIGRATIONS_DIR, readMigrations } from "./migrate";

export const BACKUP_FORMAT = "vneid-backup";
const BATCH = 2_000;

export interface TableInfo {
  name: string;
  rows: number;
  columns: string[];
}

interface SequenceInfo {
  name: string;
  value: string | null;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
  tables: TableInfo[];
  sequences: SequenceInfo[];
}

export class BackupError extends Error {}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Tables the migrations themselves fill with reference data (the unit levels and built-in
 * metrics of prisma/migrations/20261204055908_reference_data): a migrated database with rows
 * there only is still empty for a restore, and the backup's own rows (as edited by then)
 * replace the migration's.
 */
const MIGRATION_DATA_TABLES = ["unit_level", "metric"];

/**
 * References that triggers check instead of foreign keys (migration
 * 20261206000000_figure_reference_triggers): a restore loads their parents first all the same.
 */
const TRIGGER_REFERENCES: readonly { child: string; parent: string }[] = [
  { child: "figure", parent: "unit" },
  { child: "figure", parent: "metric" },
  { child: "figure", parent: "app_user" },
];

/** The application's tables, parents before children (a table's own parent rows are one statement). */
async function tablesInDependencyOrder(client: Client): Promise<{ name: string; columns: string[]; selfReferencing: boolean; key: string[] }[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
       FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE f.contype = 'f' AND n.nspname = 'public'`,
  );
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
      WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  );
  const { rows: keys } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = 'public' ORDER BY c.relname, k.ord`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const edge of [...edges, ...TRIGGER_REFERENCES]) if (edge.child !== edge.parent) parents.get(edge.child)?.add(edge.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p) || !parents.has(p)));
    if (ready.length === 0) throw new BackupError("Foreign keys form a cycle between tables; cannot order the backup.");
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.column),
    selfReferencing: edges.some((e) => e.child === name && e.parent === name),
    key: keys.filter((k) => k.table === name).map((k) => k.column),
  }));
}

async function write(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) await once(out, "drain");
}

/** Writes a backup of the database behind `databaseUrl` to `file` (gzip). */
export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupHeader> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const sink = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(sink);
  try {
    // One snapshot for every table: the backup is consistent even while people save.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: applied } = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    const tables = await tablesInDependencyOrder(client);
    const infos: TableInfo[] = [];
    for (const table of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table.name)}`);
      infos.push({ name: table.name, rows: Number(rows[0].n), columns: table.columns });
    }
    const { rows: sequences } = await client.query<{ name: string; value: string | null }>(
      `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      migrations: applied.map((m) => m.migration_name),
      tables: infos,
      sequences,
    };
    await write(gzip, JSON.stringify(header));
    let total = 0;
    for (const [index, table] of tables.entries()) {
      await write(gzip, JSON.stringify({ table: table.name, rows: infos[index].rows }));
      const order = table.key.length ? ` ORDER BY ${table.key.map(ident).join(", ")}` : "";
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM ${ident(table.name)} t${order}`);
      for (;;) {
        const { rows } = await client.query<{ line: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const row of rows) await write(gzip, row.line);
        total += rows.length;
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
    }
    await write(gzip, JSON.stringify({ end: true, rows: total }));
    await client.query("COMMIT");
    gzip.end();
    await finished(sink);
    return header;
  } catch (error) {
    gzip.destroy();
    sink.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

/** Reads a backup file line by line (gzip or plain). */
async function* readLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const magic = await new Promise<Buffer>((resolve, reject) => {
    const probe = createReadStream(file, { start: 0, end: 1 });
    const chunks: Buffer[] = [];
    probe.on("data", (chunk) => chunks.push(chunk as Buffer));
    probe.on("end", () => resolve(Buffer.concat(chunks)));
    probe.on("error", reject);
  });
  const stream = magic[0] === 0x1f && magic[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
  raw.on("error", (error) => stream.destroy(error));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) if (line.length > 0) yield line;
}

function parseHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? "") as Partial<BackupHeader>;
  } catch {
    throw new BackupError("Not a backup file of this application (no header).");
  }
  if (header.format !== BACKUP_FORMAT || header.version !== 1 || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) {
    throw new BackupError("Not a backup file of this application, or of a newer format.");
  }
  return header as BackupHeader;
}

export interface RestoreSummary {
  tables: { name: string; rows: number }[];
  rows: number;
  migrationsApplied: string[];
}

/**
 * Loads `file` into the empty database behind `databaseUrl`: brings it to the backup's
 * migration level, loads every row in one transaction (all or nothing; counts checked
 * against the header), sets the id sequences, then applies this code's newer migrations.
 */
export async function restoreDatabase(databaseUrl: string, file: string, migrationsDir = MIGRATIONS_DIR): Promise<RestoreSummary> {
  const lines = readLines(file);
  const header = parseHeader((await lines.next()).value ?? undefined);
  const known = new Set(readMigrations(migrationsDir).map((m) => m.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) throw new BackupError(`The backup comes from a newer version of the application (migrations ${unknown.join(", ")}); restore it with that version.`);

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: existing } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    for (const table of existing) {
      if (MIGRATION_DATA_TABLES.includes(table.name)) continue;
      const { rows } = await client.query(`SELECT 1 FROM ${ident(table.name)} LIMIT 1`);
      if (rows.length) throw new BackupError(`The target database is not empty (table ${table.name} has rows). Restore into a new database, or pass --replace.`);
    }
  } finally {
    await client.end();
  }
  const last = header.migrations.at(-1);
  if (last) await migrate(databaseUrl, migrationsDir, { upTo: last });

  const loader = new Client({ connectionString: databaseUrl });
  await loader.connect();
  const loaded: { name: string; rows: number }[] = [];
  let total = 0;
  try {
    await loader.query("BEGIN");
    for (const name of MIGRATION_DATA_TABLES) {
      if (header.tables.some((t) => t.name === name)) await loader.query(`DELETE FROM ${ident(name)}`);
    }
    const order = await tablesInDependencyOrder(loader);
    const selfReferencing = new Set(order.filter((t) => t.selfReferencing).map((t) => t.name));
    let current: TableInfo | undefined;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const columns = current.columns.map(ident).join(", ");
      await loader.query(
        `INSERT INTO ${ident(current.name)} (${columns}) OVERRIDING SYSTEM VALUE
         SELECT ${columns} FROM json_populate_recordset(NULL::${ident(current.name)}, $1::json)`,
        [`[${batch.join(",")}]`],
      );
      batch = [];
    };
    let expected = 0;
    let seen = 0;
    let ended = false;
    for await (const line of lines) {
      if (line.startsWith('{"table":') || line.startsWith('{"end":')) {
        await flush();
        if (current) {
          if (seen !== expected) throw new BackupError(`Table ${current.name}: the file holds ${seen} rows, its header says ${expected}.`);
          loaded.push({ name: current.name, rows: seen });
        }
        const marker = JSON.parse(line) as { table?: string; rows: number; end?: boolean };
        if (marker.end) {
          if (marker.rows !== total) throw new BackupError(`The file ends after ${total} rows, it should hold ${marker.rows}.`);
          ended = true;
          break;
        }
        current = header.tables.find((t) => t.name === marker.table);
        if (!current) throw new BackupError(`Table ${marker.table} is not in the backup's header.`);
        expected = marker.rows;
        seen = 0;
        continue;
      }
      if (!current) throw new BackupError("Row data before any table marker.");
      batch.push(line);
      seen++;
      total++;
      if (batch.length >= BATCH && !selfReferencing.has(current.name)) await flush();
    }
    if (!ended) throw new BackupError("The backup file is truncated (no end marker): nothing was restored.");
    for (const sequence of header.sequences) {
      await loader.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(sequence.name), sequence.value ?? "1", sequence.value !== null]);
    }
    await loader.query("COMMIT");
  } catch (error) {
    await loader.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await loader.end();
  }
  const migrationsApplied = await migrate(databaseUrl, migrationsDir);
  return { tables: loaded, rows: total, migrationsApplied };
}
