import "server-only";
// What every dashboard screen shows above its content: the unit, its breadcrumbs and
// whether it has children to rank.
import { db } from "@/lib/db/client";
import { ancestorPaths, canViewRankingOf, canViewUnit, parentPath, type Actor } from "@/lib/auth/permissions";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { dayToDate } from "@/lib/domain/dates";
import { getViewableUnit } from "./progress";
import { today } from "./unit-on-day";
import { structureOfView } from "./units";
import { labelledOn } from "./unit-labels";

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
   * What the children are, by their kind (`key` "district", "commune" ..., with the level's
   * names for a kind the catalogue has no words for), whatever their depth: in the 2025 tree a
   * province's children are communes; null without children on the day. Screens say it in the
   * reader's language (components/dashboard/levels).
   */
  childLevel: { key: string | null; nameVi: string | null; nameEn: string | null } | null;
  /** the administrative structure the view shows when it is not today's (structureOfView) */
  structure: { before: string } | { from: string } | null;
  /**
   * When the viewed unit itself has ended by today: the units it went into (Quảng Nam as of
   * 2023: Thành phố Đà Nẵng), each with whether the actor may open it. Empty otherwise.
   */
  successors: { code: string; name: string; part: string; viewable: boolean }[];
}

/**
 * `forRanking`: the frame of a rankings page, which a district or commune officer may open for
 * their parent. `asOf`: the view's day, on which the code is resolved and the children counted
 * (default today); the children's level is named by their kind, not their depth.
 */
export async function getUnitFrame(actor: Actor, code: string, options: { forRanking?: boolean; asOf?: string } = {}): Promise<UnitFrameDTO> {
  const asOf = options.asOf ?? today();
  const unit = await getViewableUnit(actor, code, { forRanking: options.forRanking ?? false, asOf });
  const [ancestors, child, structure] = await Promise.all([
    // named as they were on the view's day (lib/data/unit-labels.ts)
    db().unit.findMany({ where: { path: { in: ancestorPaths(unit.path) } }, select: { id: true, code: true, name: true, path: true, level: true }, orderBy: { level: "asc" } })
      .then((rows) => labelledOn(rows, asOf)),
    db().unit.findFirst({ where: { parentId: unit.id, ...existsOnWhere(dayToDate(asOf)) }, select: { kindInfo: { select: { key: true, nameVi: true, nameEn: true } } } }),
    structureOfView(unit, asOf),
  ]);
  const successors = structure && "before" in structure ? await endedInto(unit.id) : [];
  const childLevel = child?.kindInfo ?? null;
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    path: unit.path,
    breadcrumbs: ancestors.map((a) => ({ code: a.code, name: a.name, viewable: canViewUnit(actor, a.path) })),
    hasChildren: child !== null,
    viewable: canViewUnit(actor, unit.path),
    parentRanking: parentOf(unit.path, ancestors, actor),
    childLevel,
    structure,
    successors: successors.map((s) => ({ code: s.code, name: s.name, part: s.part, viewable: canViewUnit(actor, s.path) })),
  };
}

/** The units a unit went into, if it has ended by today (code order), each named as it is today. */
async function endedInto(unitId: number): Promise<{ code: string; name: string; part: string; path: string }[]> {
  const rows = await db().unitSuccession.findMany({
    where: { predecessorId: unitId, predecessor: { dissolvedOn: { lte: dayToDate(today()) } } },
    select: { part: true, successor: { select: { code: true, name: true, path: true } } },
  });
  return rows.map((r) => ({ ...r.successor, part: r.part })).sort((a, b) => a.code.localeCompare(b.code));
}

function parentOf(path: string, ancestors: { code: string; name: string; path: string }[], actor: Actor): { code: string; name: string } | null {
  const parent = ancestors.find((a) => a.path === parentPath(path) && a.path !== path);
  return parent && canViewRankingOf(actor, parent.path) ? { code: parent.code, name: parent.name } : null;
}
