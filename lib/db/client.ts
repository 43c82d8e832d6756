// The Prisma client for the application: one per process, engine-free, over node-postgres.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

/** Connection pool bound: Next.js and the CLI stay well below PostgreSQL's max_connections. */
const POOL_MAX = Number(process.env.DATABASE_POOL_MAX ?? 10);

export function createPrismaClient(connectionString: string): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: POOL_MAX,
    connectionTimeoutMillis: 10_000,
    statement_timeout: 30_000,
  });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
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
