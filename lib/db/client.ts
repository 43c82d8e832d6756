// The Prisma client for the application: one per process, engine-free, over node-postgres.
// With DATABASE_REPLICA_URL, a second one on a streaming replica, for the reads that accept
// a short lag (see onReplica).
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { currentRequestContext } from "@/lib/observability/request-context";
import { PrismaClient } from "./generated/client";

export interface PoolOptions {
  /** connections at most in this process's pool (DATABASE_POOL_MAX, default 10) */
  max?: number;
  /** PostgreSQL cancels any one statement after this long (DATABASE_STATEMENT_TIMEOUT_MS, default 30 s) */
  statementTimeoutMs?: number;
  /** waiting for a free connection or a new one gives up after this long (DATABASE_CONNECT_TIMEOUT_MS, default 60 s) */
  connectTimeoutMs?: number;
}

const fromEnv = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/**
 * Bounded on every side, so one slow query or a burst of requests cannot hold the database:
 * a fixed pool (Next.js and the CLI stay well below PostgreSQL's max_connections), a
 * statement timeout, a transaction left idle is ended by the server, and a caller waiting
 * for a connection gives up with an error the app answers with "try again".
 */
// At the daily cutoff a burst of saves queues for the pool: better a slow answer than
// "try again". A server that refuses connections still fails at once.
const CONNECT_TIMEOUT_MS = fromEnv("DATABASE_CONNECT_TIMEOUT_MS", 60_000);

/**
 * For interactive transactions: how long one may wait for a connection from the pool (Prisma's
 * own default, 2 s, fails saves in a burst that the pool would serve a moment later).
 */
export const TRANSACTION_MAX_WAIT_MS = CONNECT_TIMEOUT_MS;

/** node-postgres pool settings for `connectionString`, shared by Prisma's pool and the direct one (lib/db/direct.ts). */
export function poolConfig(connectionString: string, options: PoolOptions = {}) {
  const statementTimeout = options.statementTimeoutMs ?? fromEnv("DATABASE_STATEMENT_TIMEOUT_MS", 30_000);
  return {
    connectionString,
    max: options.max ?? fromEnv("DATABASE_POOL_MAX", 10),
    connectionTimeoutMillis: options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS,
    statement_timeout: statementTimeout,
    idle_in_transaction_session_timeout: Math.max(statementTimeout * 2, 60_000),
    application_name: "vneid",
  };
}

const urls = new WeakMap<object, string>();

/** The connection string a client was created with (the direct pool follows the data layer's client). */
export function connectionStringOf(client: PrismaClient): string | undefined {
  return urls.get(client);
}

export function createPrismaClient(connectionString: string, options: PoolOptions = {}): PrismaClient {
  const adapter = new PrismaPg(poolConfig(connectionString, options));
  const client = new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
  urls.set(client, connectionString);
  return client as PrismaClient;
}

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; replica?: PrismaClient | null; databaseRoute?: AsyncLocalStorage<"replica" | "primary"> };
/** Which server the reads of the current call go to (on globalThis: Next's bundles share one). */
const route = (globalForPrisma.databaseRoute ??= new AsyncLocalStorage());

/** The replica's client, or null when DATABASE_REPLICA_URL is not set. */
function replica(): PrismaClient | null {
  if (globalForPrisma.replica === undefined) {
    const url = process.env.DATABASE_REPLICA_URL;
    globalForPrisma.replica = url ? createPrismaClient(url) : null;
  }
  return globalForPrisma.replica;
}

/**
 * The client for DATABASE_URL (set by `npm run dev` / `npm start` when embedded): the
 * primary, for every write and every read that must see the latest writes; inside onReplica,
 * the replica when there is one.
 */
export function db(): PrismaClient {
  if (route.getStore() === "replica") {
    const client = replica();
    if (client) return client;
  }
  return primary();
}

/**
 * Runs a read that accepts a short lag (dashboards, rankings, reports, the read API's GETs) on
 * the replica, every db() call inside it included. Not inside onPrimary, and not for a
 * request whose browser has just written (the server marks it, lib/observability/http-server.mjs):
 * a user sees their own save at once. Nothing inside may write: the replica refuses.
 */
export function onReplica<T>(read: () => Promise<T>): Promise<T> {
  if (route.getStore() === "primary" || currentRequestContext()?.readsFromPrimary || !replica()) return read();
  return route.run("replica", read);
}

/** Runs `work` with every read on the primary, onReplica inside it included (a publication's snapshot). */
export function onPrimary<T>(work: () => Promise<T>): Promise<T> {
  return route.run("primary", work);
}

function primary(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`.");
    }
    globalForPrisma.prisma = createPrismaClient(url);
  }
  return globalForPrisma.prisma;
}

/** For tests and CLI commands that manage their own connection. */
export function setDb(client: PrismaClient): void {
  globalForPrisma.prisma = client;
}

/** For tests: the replica's client (null: none, every read on the primary). */
export function setReplicaDb(client: PrismaClient | null): void {
  globalForPrisma.replica = client;
}
