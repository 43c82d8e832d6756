import { inject } from "vitest";
import { createPrismaClient, setDb, type Db } from "@/lib/db/client";
import { seedReference } from "@/lib/db/seed/reference";

export const databaseUrl = (): string => inject("databaseUrl");

let client: Db | undefined;

/** The Prisma client on the test database, installed as the data layer's client. */
export function testDb(): Db {
  if (!client) {
    client = createPrismaClient(databaseUrl());
    setDb(client);
  }
  return client;
}

/** Empties every table (but the migrations' record) and reloads the reference data. */
export async function resetDatabase(): Promise<Db> {
  const db = testDb();
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  const truncate = `TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`;
  // a statement the previous file left running (a background audit write, a pool's last query)
  // can meet the TRUNCATE's locks in another order: PostgreSQL then cancels one of the two
  // (40P01), and emptying again is all it takes
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$executeRawUnsafe(truncate);
      break;
    } catch (error) {
      if (attempt >= 3 || !String((error as { message?: unknown }).message ?? "").includes("40P01")) throw error;
    }
  }
  await seedReference(db);
  return db;
}
