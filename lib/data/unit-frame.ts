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
  /** "cấp huyện", "cấp xã" ... for the level of the children */
  childLevelName: string | null;
}

const LEVEL_WORDS: Record<string, string> = { province: "cấp tỉnh", district: "cấp huyện", commune: "cấp xã", village: "thôn, tổ dân phố" };

export async function getUnitFrame(actor: Actor, code: string): Promise<UnitFrameDTO> {
  const unit = await getViewableUnit(actor, code);
  const ancestorCodes = unit.path.split("/").filter(Boolean).slice(0, -1);
  const [ancestors, child, childLevel] = await Promise.all([
    db().unit.findMany({ where: { code: { in: ancestorCodes } }, select: { code: true, name: true, path: true, level: true }, orderBy: { level: "asc" } }),
    db().unit.findFirst({ where: { parentId: unit.id }, select: { level: true } }),
    db().unitLevel.findUnique({ where: { level: unit.level + 1 }, select: { key: true, nameVi: true } }),
  ]);
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    path: unit.path,
    breadcrumbs: ancestors.map((a) => ({ code: a.code, name: a.name, viewable: canViewUnit(actor, a.path) })),
    hasChildren: child !== null,
    childLevelName: child && childLevel ? (LEVEL_WORDS[childLevel.key] ?? childLevel.nameVi) : child ? "đơn vị trực thuộc" : null,
  };
}
