import "server-only";
// What every dashboard screen shows above its content: the unit, its breadcrumbs and
// whether it has children to rank.
import { db } from "@/lib/db/client";
import { canViewUnit, type Actor } from "@/lib/auth/permissions";
import { getViewableUnit } from "./progress";

export interface UnitFrameDTO {
  code: string;
  name: string;
  level: number;
  path: string;
  breadcrumbs: { code: string; name: string; viewable: boolean }[];
  hasChildren: boolean;
  /**
   * The level of the children (`key` "district", "commune" ..., its names for a level the
   * catalogue has no words for); `key` null when their level is not in the reference table;
   * null without children. Screens say it in the reader's language (components/dashboard/levels).
   */
  childLevel: { key: string | null; nameVi: string | null; nameEn: string | null } | null;
}

export async function getUnitFrame(actor: Actor, code: string): Promise<UnitFrameDTO> {
  const unit = await getViewableUnit(actor, code);
  const ancestorCodes = unit.path.split("/").filter(Boolean).slice(0, -1);
  const [ancestors, child, childLevel] = await Promise.all([
    db().unit.findMany({ where: { code: { in: ancestorCodes } }, select: { code: true, name: true, path: true, level: true }, orderBy: { level: "asc" } }),
    db().unit.findFirst({ where: { parentId: unit.id }, select: { level: true } }),
    db().unitLevel.findUnique({ where: { level: unit.level + 1 }, select: { key: true, nameVi: true, nameEn: true } }),
  ]);
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    path: unit.path,
    breadcrumbs: ancestors.map((a) => ({ code: a.code, name: a.name, viewable: canViewUnit(actor, a.path) })),
    hasChildren: child !== null,
    childLevel: child ? (childLevel ? { key: childLevel.key, nameVi: childLevel.nameVi, nameEn: childLevel.nameEn } : { key: null, nameVi: null, nameEn: null }) : null,
  };
}
