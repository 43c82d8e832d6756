// What every command line tool does first: find the database (DATABASE_URL or the embedded
// server), bring its schema up to date, and hand the data layer a client.
import { createPrismaClient, setDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { resolveDatabaseUrl } from "@/lib/db/url";

export async function openDatabase(options: { migrate?: boolean } = {}): Promise<{ url: string; client: Db }> {
  const url = await resolveDatabaseUrl();
  if (options.migrate !== false) await migrate(url);
  process.env.DATABASE_URL ??= url;
  const client = createPrismaClient(url);
  setDb(client);
  return { url, client };
}
