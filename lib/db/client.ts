// The Prisma client for the application: one per process, engine-free, over node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
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

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** The process-wide client for DATABASE_URL (set by `npm run dev` / `npm start` when embedded). */
export function db(): PrismaClient {
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
