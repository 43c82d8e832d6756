// The load test's world: its own database (`vneid_load` next to the application's, dropped
// and recreated each run) with the demo province, and one simulated district user per
// writer, each with an API token and communes of their own district, no two users sharing
// a commune (so every figure has one writer and the verification can be exact).
import { newToken } from "@/lib/auth/tokens";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { ensureEmbeddedPostgres, embeddedUrl } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { seedDemo } from "@/lib/db/seed/demo";
import { recreateDatabase, withDatabase } from "@/lib/db/url";

export interface SimUser {
  index: number;
  userId: number;
  token: string;
  districtCode: string;
  communes: string[];
  /** a commune of another district, for saves built to be refused on scope */
  foreignCommune: string;
}

export async function loadDatabaseUrl(): Promise<{ url: string; admin: string }> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const base = new URL(configured).pathname.slice(1) || "postgres";
    return { url: withDatabase(configured, `${base}_load`.replace(/[^a-z0-9_]/gi, "_").toLowerCase()), admin: withDatabase(configured, "postgres") };
  }
  await ensureEmbeddedPostgres();
  return { url: embeddedUrl("vneid_load"), admin: embeddedUrl("postgres") };
}

export async function prepareDatabase(): Promise<{ url: string; db: Db }> {
  const { url, admin } = await loadDatabaseUrl();
  await recreateDatabase(admin, new URL(url).pathname.slice(1));
  await migrate(url);
  const db = createPrismaClient(url);
  await seedDemo(db);
  return { url, db };
}

/** Creates `count` district users, spreading the province's communes among them. */
export async function createSimUsers(db: Db, count: number): Promise<SimUser[]> {
  const communes = await db.unit.findMany({
    where: { children: { none: {} }, parentId: { not: null }, parent: { parentId: { not: null } } },
    select: { code: true, parent: { select: { id: true, code: true } } },
    orderBy: [{ parentId: "asc" }, { code: "asc" }],
  });
  if (communes.length < count) throw new Error(`only ${communes.length} communes for ${count} writers: use --writers ${communes.length} or fewer`);
  const sims: SimUser[] = [];
  for (let index = 0; index < count; index++) {
    // commune i and i + count go to the same user when they are in the same district
    const own = [communes[index], communes[index + count]].filter((c) => c && c.parent?.code === communes[index].parent?.code);
    const district = communes[index].parent!;
    const foreign = communes.find((c) => c.parent?.code !== district.code)!;
    const user = await db.user.create({
      data: { username: `load-${String(index).padStart(3, "0")}`, displayName: `Người thử tải ${index}`, passwordHash: "load-test-no-login", role: "district", unitId: district.id },
      select: { id: true },
    });
    const issued = newToken();
    await db.apiToken.create({ data: { userId: user.id, name: "loadtest", tokenHash: issued.tokenHash, prefix: issued.prefix } });
    sims.push({ index, userId: user.id, token: issued.token, districtCode: district.code, communes: own.map((c) => c.code), foreignCommune: foreign.code });
  }
  return sims;
}
