import type { Db } from "@/lib/db/client";
import { CliError } from "./command";
import type { Actor } from "@/lib/auth/permissions";
import { historyPathsOf } from "@/lib/data/unit-history";

/**
 * The actor for command-line operations: the named user (`--as U`), or the operator of
 * the installation, who has shell access to the database anyway and acts as an
 * administrator. Audit events record the user when one is named.
 */
export async function systemActor(client: Db, username?: string): Promise<Actor> {
  if (!username) return { id: null, username: "system", role: "admin", unitPath: null };
  const user = await client.user.findUnique({ where: { username }, select: { id: true, username: true, role: true, active: true, unit: { select: { id: true, path: true } } } });
  if (!user || !user.active) throw new CliError(`No active user ${username}`);
  return { id: user.id, username: user.username, role: user.role, unitPath: user.unit?.path ?? null, historyPaths: await historyPathsOf(user.unit?.id ?? null, client) };
}
