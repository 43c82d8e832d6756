// The address to open for a page of ./pages.ts: `{user:NAME}` becomes that user's id in the
// end-to-end database.
import pg from "pg";

export async function resolvePath(path: string): Promise<string> {
  const names = [...path.matchAll(/\{user:([^}]+)\}/g)].map((m) => m[1]);
  if (names.length === 0) return path;
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ username: string; id: number }>("SELECT username, id FROM app_user WHERE username = ANY($1)", [names]);
    const ids = new Map(rows.map((r) => [r.username, r.id]));
    return path.replace(/\{user:([^}]+)\}/g, (_all, name: string) => {
      const id = ids.get(name);
      if (id === undefined) throw new Error(`no user ${name} in the end-to-end database`);
      return String(id);
    });
  } finally {
    await client.end();
  }
}
