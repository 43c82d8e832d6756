import "server-only";
import { db } from "@/lib/db/client";
import { viewScope, type Actor } from "@/lib/auth/permissions";

/**
 * The unit a user's dashboard opens on: the province for provincial users, their district
 * for district and commune police, the (first) root for administrators.
 */
export async function getHomeUnitCode(actor: Actor): Promise<string | null> {
  const scope = viewScope(actor);
  if (scope) return scope.split("/").filter(Boolean).at(-1) ?? null;
  const roots = await db().unit.findMany({ where: { parentId: null }, select: { code: true }, orderBy: { code: "asc" }, take: 2 });
  // With a single province loaded, open on it; with several, on the national list.
  return roots.length === 1 ? roots[0].code : null;
}
