import "server-only";
import { db } from "@/lib/db/client";
import { viewScope, type Actor } from "@/lib/auth/permissions";
import { compareVietnamese } from "@/lib/domain/text";
import { AppError } from "./errors";
import { getViewableUnit } from "./progress";

/**
 * The unit a user's screens open on: the province for provincial users, their district for
 * district and commune police (`own`, the overview: a commune officer's commune), the
 * (first) root for administrators.
 */
export async function getHomeUnitCode(actor: Actor, options: { own?: boolean } = {}): Promise<string | null> {
  // the overview opens the user's own unit (a commune officer's commune); the other screens
  // (rankings, map, reporting) their scope's top (a commune officer's district: its communes)
  if (options.own && actor.role !== "admin" && actor.unitPath) return actor.unitPath.split("/").filter(Boolean).at(-1) ?? null;
  const scope = viewScope(actor);
  if (scope) return scope.split("/").filter(Boolean).at(-1) ?? null;
  const roots = await db().unit.findMany({ where: { parentId: null }, select: { code: true }, orderBy: { code: "asc" }, take: 2 });
  // With a single province loaded, open on it; with several, on the national list.
  return roots.length === 1 ? roots[0].code : null;
}

export interface UnitDTO {
  code: string;
  name: string;
  type: string;
  level: number;
}

/**
 * The children of a unit (`GET /api/v1/units?parent=CODE`), or without a parent the roots
 * inside the actor's scope, in Vietnamese order of name.
 */
export async function listUnits(actor: Actor, parentCode: string | null): Promise<UnitDTO[]> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const select = { code: true, name: true, type: true, level: true } as const;
  let rows: UnitDTO[];
  if (parentCode === null) {
    rows = await db().unit.findMany({ where: { parentId: null, path: { startsWith: scope } }, select });
  } else {
    const parent = await getViewableUnit(actor, parentCode);
    rows = await db().unit.findMany({ where: { parentId: parent.id }, select });
  }
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** One unit by code (`GET /api/v1/units/CODE`), if the actor may see it. */
export async function getUnit(actor: Actor, code: string): Promise<UnitDTO & { parentCode: string | null }> {
  const unit = await getViewableUnit(actor, code);
  return { code: unit.code, name: unit.name, type: unit.type, level: unit.level, parentCode: unit.parentCode };
}
