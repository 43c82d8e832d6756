import "server-only";
// What every dashboard screen shows above its content: the unit, its breadcrumbs and
// whether it has children to rank.
import { db } from "@/lib/db/client";
import { canViewRankingOf, canViewUnit, parentPath, type Actor } from "@/lib/auth/permissions";
import { getViewableUnit } from "./progress";

export interface UnitFrameDTO {
  code: string;
  name: string;
  level: number;
  path: string;
  breadcrumbs: { code: string; name: string; viewable: boolean }[];
  hasChildren: boolean;
  /** the actor may open the unit itself (false where they only read its children's ranking: no other tab) */
  viewable: boolean;
  /** the ranking of the unit's parent, when the actor may read it ("where do I stand?"); null for a root */
  parentRanking: { code: string; name: string } | null;
  /**
   * The level of the children (`key` "district", "commune" ..., its names for a level the
   * catalogue has no words for); `key` null when their level is not in the reference table;
   * null without children. Screens say it in the reader's language (components/dashboard/levels).
   */
  childLevel: { key: string | null; nameVi: string | null; nameEn: string | null } | null;
}

/** `forRanking`: the frame of a rankings page, which a district or commune officer may open for their parent. */
export async function getUnitFrame(actor: Actor, code: string, options: { forRanking?: boolean } = {}): Promise<UnitFrameDTO> {
  const unit = await getViewableUnit(actor, code, { forRanking: options.forRanking ?? false });
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
    viewable: canViewUnit(actor, unit.path),
    parentRanking: parentOf(unit.path, ancestors, actor),
    childLevel: child ? (childLevel ? { key: childLevel.key, nameVi: childLevel.nameVi, nameEn: childLevel.nameEn } : { key: null, nameVi: null, nameEn: null }) : null,
  };
}

function parentOf(path: string, ancestors: { code: string; name: string; path: string }[], actor: Actor): { code: string; name: string } | null {
  const parent = ancestors.find((a) => a.path === parentPath(path) && a.path !== path);
  return parent && canViewRankingOf(actor, parent.path) ? { code: parent.code, name: parent.name } : null;
}
