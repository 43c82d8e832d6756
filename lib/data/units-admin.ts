import "server-only";
// Unit administration (administrators): browse the tree, search without diacritics, rename,
// and end a unit on a date, dissolved or merged into another. Figures are never moved: they
// stay attached to the unit they were entered for, so views of earlier days still count
// them. Every change is audited in its transaction.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { formatDay } from "@/lib/domain/format";
import { searchKey } from "@/lib/domain/text";
import type { Locale } from "@/lib/i18n/config";
import { AppError, invalidField } from "./errors";
import { unitEnded } from "./totals";
import { writeAudit } from "./audit";

export interface UnitAdminDTO {
  code: string;
  name: string;
  type: string;
  level: number;
  /** the level's name in each interface language */
  levelName: Record<Locale, string>;
  path: string;
  dissolvedOn: string | null;
  mergedInto: { code: string; name: string } | null;
  childCount: number;
}

export interface UnitTreeDTO {
  unit: UnitAdminDTO | null;
  ancestors: { code: string; name: string }[];
  children: UnitAdminDTO[];
}

const UNIT_SELECT = {
  code: true, name: true, type: true, level: true, path: true, dissolvedOn: true,
  levelInfo: { select: { nameVi: true, nameEn: true } },
  mergedInto: { select: { code: true, name: true } },
  _count: { select: { children: true } },
} as const;

type UnitRow = {
  code: string; name: string; type: string; level: number; path: string; dissolvedOn: Date | null;
  levelInfo: { nameVi: string; nameEn: string }; mergedInto: { code: string; name: string } | null; _count: { children: number };
};

function toDTO(u: UnitRow): UnitAdminDTO {
  return {
    code: u.code, name: u.name, type: u.type, level: u.level, levelName: { vi: u.levelInfo.nameVi, en: u.levelInfo.nameEn }, path: u.path,
    dissolvedOn: u.dissolvedOn ? dateToDay(u.dissolvedOn) : null, mergedInto: u.mergedInto, childCount: u._count.children,
  };
}

function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
}

/** A unit with its children (the roots when no code is given). */
export async function getUnitTree(actor: Actor, code?: string): Promise<UnitTreeDTO> {
  requireAdmin(actor);
  const client = db();
  if (!code) {
    const roots = await client.unit.findMany({ where: { parentId: null }, select: UNIT_SELECT, orderBy: { code: "asc" } });
    return { unit: null, ancestors: [], children: roots.map(toDTO) };
  }
  const unit = await client.unit.findUnique({ where: { code }, select: { ...UNIT_SELECT, id: true } });
  if (!unit) throw new AppError("NOT_FOUND");
  const ancestorCodes = unit.path.split("/").filter(Boolean).slice(0, -1);
  const [ancestors, children] = await Promise.all([
    client.unit.findMany({ where: { code: { in: ancestorCodes } }, select: { code: true, name: true, level: true }, orderBy: { level: "asc" } }),
    client.unit.findMany({ where: { parentId: unit.id }, select: UNIT_SELECT, orderBy: { code: "asc" } }),
  ]);
  return { unit: toDTO(unit), ancestors: ancestors.map(({ code: c, name }) => ({ code: c, name })), children: children.map(toDTO) };
}

/** Units whose name contains the words typed, with or without diacritics, or whose code starts with them. */
export async function searchUnits(actor: Actor, query: string, limit = 50): Promise<UnitAdminDTO[]> {
  requireAdmin(actor);
  const key = searchKey(query);
  if (!key) return [];
  const units = await db().unit.findMany({
    where: /^\d+$/.test(key) ? { code: { startsWith: key } } : { searchName: { contains: key } },
    select: UNIT_SELECT,
    orderBy: [{ level: "asc" }, { code: "asc" }],
    take: limit,
  });
  return units.map(toDTO);
}

export async function renameUnit(actor: Actor, input: { code: string; name: string; reason?: string | undefined }): Promise<UnitAdminDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const before = await tx.unit.findUnique({ where: { code: input.code }, select: { id: true, name: true } });
    if (!before) throw new AppError("NOT_FOUND");
    const after = await tx.unit.update({ where: { id: before.id }, data: { name: input.name, searchName: searchKey(input.name) }, select: UNIT_SELECT });
    await writeAudit(tx, { userId: actor.id, action: "unit.rename", entity: "unit", entityKey: input.code, unitId: before.id, oldValue: { name: before.name }, newValue: { name: input.name }, reason: input.reason ?? null });
    return toDTO(after);
  });
}

/**
 * Ends a unit on `date` (its last day is the day before): dissolved, or merged into another
 * unit of the same level that still exists on that date. Its figures stay where they are.
 */
export async function dissolveUnit(actor: Actor, input: { code: string; date: string; mergedIntoCode?: string | undefined; reason: string }): Promise<UnitAdminDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const unit = await tx.unit.findUnique({ where: { code: input.code }, select: { id: true, level: true, path: true, dissolvedOn: true } });
    if (!unit) throw new AppError("NOT_FOUND");
    if (unit.dissolvedOn) throw invalidField("date", "admin.units.refusal.alreadyDissolved", { date: formatDay(dateToDay(unit.dissolvedOn)) });
    let target: { id: number; code: string } | null = null;
    if (input.mergedIntoCode) {
      const into = await tx.unit.findUnique({ where: { code: input.mergedIntoCode }, select: { id: true, code: true, level: true, path: true, dissolvedOn: true } });
      if (!into) throw invalidField("mergedIntoCode", "admin.units.refusal.noSuchUnit", { code: input.mergedIntoCode });
      if (into.id === unit.id || into.path.startsWith(unit.path)) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeIntoItself");
      if (into.level !== unit.level) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeSameLevel");
      if (into.dissolvedOn && dateToDay(into.dissolvedOn) <= input.date) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeIntoDissolved");
      target = { id: into.id, code: into.code };
    }
    const after = await tx.unit.update({
      where: { id: unit.id },
      data: { dissolvedOn: dayToDate(input.date), mergedIntoId: target?.id ?? null },
      select: UNIT_SELECT,
    });
    const ancestors = await tx.unit.findMany({ where: { code: { in: unit.path.split("/").filter(Boolean).slice(0, -1) } }, select: { id: true, level: true } });
    await unitEnded(tx, ancestors.sort((a, b) => a.level - b.level).map((a) => a.id), input.date);
    await writeAudit(tx, {
        userId: actor.id, action: target ? "unit.merge" : "unit.dissolve", entity: "unit", entityKey: input.code, unitId: unit.id,
        oldValue: { dissolvedOn: null }, newValue: { dissolvedOn: input.date, mergedInto: target?.code ?? null }, reason: input.reason,
      });
    return toDTO(after);
  });
}
