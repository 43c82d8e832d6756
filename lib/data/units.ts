import "server-only";
import { db } from "@/lib/db/client";
import { viewScope, type Actor } from "@/lib/auth/permissions";
import { compareVietnamese } from "@/lib/domain/text";
import { AppError } from "./errors";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { dayToDate } from "@/lib/domain/dates";
import { getViewableUnit } from "./progress";
import { today } from "./unit-on-day";

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
  const roots = await db().unit.findMany({ where: { parentId: null, ...existsOnWhere(dayToDate(today())) }, select: { code: true }, orderBy: { code: "asc" }, take: 2 });
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
 * inside the actor's scope, valid on `asOf` (default today), in Vietnamese order of name.
 */
export async function listUnits(actor: Actor, parentCode: string | null, asOf: string = today()): Promise<UnitDTO[]> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const select = { code: true, name: true, type: true, level: true } as const;
  const alive = existsOnWhere(dayToDate(asOf));
  let rows: UnitDTO[];
  if (parentCode === null) {
    rows = await db().unit.findMany({ where: { parentId: null, path: { startsWith: scope }, ...alive }, select });
  } else {
    const parent = await getViewableUnit(actor, parentCode, { asOf });
    rows = await db().unit.findMany({ where: { parentId: parent.id, ...alive }, select });
  }
  return rows.sort((a, b) => compareVietnamese(a.name, b.name));
}

/** One unit by code on `asOf` (`GET /api/v1/units/CODE`; default today), if the actor may see it. */
export async function getUnit(actor: Actor, code: string, asOf: string = today()): Promise<UnitDTO & { parentCode: string | null }> {
  const unit = await getViewableUnit(actor, code, { asOf });
  return { code: unit.code, name: unit.name, type: unit.type, level: unit.level, parentCode: unit.parentCode };
}
