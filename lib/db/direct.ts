// A plain node-postgres connection for the work Prisma cannot do: streaming rows in with
// COPY. The daily import runs its whole transaction here (lib/data/import.ts); everything else
// goes through Prisma. The pool follows the data layer's client (same database, same limits)
// and is small: imports are few at a time.
import { Pool, type PoolClient } from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { connectionStringOf, db, poolConfig } from "./client";

/** What the daily engine needs of a connection: Prisma's transaction client has the first two. */
export interface SqlConnection {
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
  /** COPY … FROM STDIN of `text` (PostgreSQL's text format), when the connection can. */
  copyIn?(sql: string, text: string): Promise<void>;
}

const pools = new Map<string, Pool>();

function poolFor(url: string): Pool {
  let pool = pools.get(url);
  if (!pool) {
    pool = new Pool(poolConfig(url, { max: 3 }));
    // an idle connection cut by the server is dropped from the pool, not thrown at the process
    pool.on("error", () => undefined);
    pools.set(url, pool);
  }
  return pool;
}

function connectionOf(client: PoolClient): SqlConnection {
  return {
    $executeRawUnsafe: async (sql, ...params) => (await client.query(sql, params)).rowCount ?? 0,
    $queryRawUnsafe: async <T>(sql: string, ...params: unknown[]) => (await client.query(sql, params)).rows as T,
    copyIn: (sql, text) => pipeline(Readable.from([text]), client.query(copyFrom(sql))),
  };
}

/**
 * Runs `work` in a transaction on a direct connection, with `statementTimeoutMs` for each
 * statement (0: none). Commits when `work` returns; rolls back and rethrows when it throws.
 */
export async function inDirectTransaction<T>(work: (sql: SqlConnection) => Promise<T>, { statementTimeoutMs }: { statementTimeoutMs: number }): Promise<T> {
  const url = connectionStringOf(db()) ?? process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  const client = await poolFor(url).connect();
  let broken: Error | undefined;
  // A connection cut while checked out (server restart, terminated backend) is reported here,
  // and the statement in flight fails with it; without a listener it would end the process.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    await client.query(`SET LOCAL statement_timeout = ${Math.max(0, Math.floor(statementTimeoutMs))}`);
    const result = await work(connectionOf(client));
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollback: unknown) => {
      broken = rollback instanceof Error ? rollback : new Error(String(rollback));
    });
    throw error;
  } finally {
    // a connection that broke or could not roll back is closed, never handed to the next import
    client.off("error", onError);
    client.release(broken);
  }
}

/** Text for COPY's text format: tab, newline, carriage return and backslash escaped; null is \N. */
export function copyField(value: string | number | boolean | null): string {
  if (value === null) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  if (typeof value === "number") return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
