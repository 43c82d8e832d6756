import "server-only";
// Unit administration (administrators): browse the tree, search without diacritics, add or
// update units from a list (saveUnits: the units import), rename, and end a unit on a date,
// dissolved or merged into another (a full succession, unit_succession). Codes are resolved
// on today's units (a code names a unit only together with a day; lib/data/unit-on-day). Figures are never moved: they stay attached to the unit
// they were entered for, so views of earlier days still count them. Every change is audited
// in its transaction; these are the only writers of units (the demo seed's reference list
// aside, lib/db/seed).
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/db/client";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { addDays, dateToDay, dayToDate } from "@/lib/domain/dates";
import { unitKindOf } from "@/lib/domain/unit-kinds";
import { ancestorPaths } from "@/lib/auth/permissions";
import { today, unitOnDay } from "./unit-on-day";
import { formatDay } from "@/lib/domain/format";
import { searchKey } from "@/lib/domain/text";
import type { Locale } from "@/lib/i18n/config";
import { AppError, invalidField } from "./errors";
import { unitEnded } from "./totals";
import { carryOnMerge } from "./carries";
import { writeAudit, writeAudits, type AuditEventInput } from "./audit";

export interface UnitAdminDTO {
  code: string;
  name: string;
  type: string;
  level: number;
  /** the name of the unit's kind (what it is, whatever its depth) in each interface language */
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
  kindInfo: { select: { nameVi: true, nameEn: true } },
  successors: { where: { part: "full" }, select: { successor: { select: { code: true, name: true } } }, take: 1 },
  _count: { select: { children: true } },
} as const;

type UnitRow = {
  code: string; name: string; type: string; level: number; path: string; dissolvedOn: Date | null;
  kindInfo: { nameVi: string; nameEn: string }; successors: { successor: { code: string; name: string } }[]; _count: { children: number };
};

function toDTO(u: UnitRow): UnitAdminDTO {
  return {
    code: u.code, name: u.name, type: u.type, level: u.level, levelName: { vi: u.kindInfo.nameVi, en: u.kindInfo.nameEn }, path: u.path,
    dissolvedOn: u.dissolvedOn ? dateToDay(u.dissolvedOn) : null, mergedInto: u.successors[0]?.successor ?? null, childCount: u._count.children,
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
  const unit = await unitOnDay(client, code, today(), { ...UNIT_SELECT, id: true });
  if (!unit) throw new AppError("NOT_FOUND");
  const [ancestors, children] = await Promise.all([
    client.unit.findMany({ where: { path: { in: ancestorPaths(unit.path) } }, select: { code: true, name: true, level: true }, orderBy: { level: "asc" } }),
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
    const before = await unitOnDay(tx, input.code, today(), { id: true, name: true });
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
    // the unit of that code that had started by its last day (refused below if it already ended)
    const lastDay = dayToDate(addDays(input.date, -1));
    const unit = await tx.unit.findFirst({
      where: { code: input.code, OR: [{ validFrom: null }, { validFrom: { lte: lastDay } }] },
      orderBy: { validFrom: { sort: "desc", nulls: "last" } },
      select: { id: true, level: true, path: true, dissolvedOn: true },
    });
    if (!unit) throw new AppError("NOT_FOUND");
    if (unit.dissolvedOn) throw invalidField("date", "admin.units.refusal.alreadyDissolved", { date: formatDay(dateToDay(unit.dissolvedOn)) });
    let target: { id: number; code: string } | null = null;
    if (input.mergedIntoCode) {
      const into = await unitOnDay(tx, input.mergedIntoCode, addDays(input.date, -1), { id: true, code: true, level: true, path: true, dissolvedOn: true });
      if (!into) throw invalidField("mergedIntoCode", "admin.units.refusal.noSuchUnit", { code: input.mergedIntoCode });
      if (into.id === unit.id || into.path.startsWith(unit.path)) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeIntoItself");
      if (into.level !== unit.level) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeSameLevel");
      if (into.dissolvedOn && dateToDay(into.dissolvedOn) <= input.date) throw invalidField("mergedIntoCode", "admin.units.refusal.mergeIntoDissolved");
      target = { id: into.id, code: into.code };
    }
    const after = await tx.unit.update({
      where: { id: unit.id },
      data: { dissolvedOn: dayToDate(input.date), ...(target ? { successors: { create: { successorId: target.id, part: "full" } } } : {}) },
      select: UNIT_SELECT,
    });
    const ancestors = await tx.unit.findMany({ where: { path: { in: ancestorPaths(unit.path) } }, select: { id: true, level: true } });
    await unitEnded(tx, ancestors.sort((a, b) => a.level - b.level).map((a) => a.id), input.date);
    // merged: its running total goes on in the unit it went into (lib/data/carries.ts)
    if (target) await carryOnMerge(tx, unit.id, input.date);
    await writeAudit(tx, {
        userId: actor.id, action: target ? "unit.merge" : "unit.dissolve", entity: "unit", entityKey: input.code, unitId: unit.id,
        oldValue: { dissolvedOn: null }, newValue: { dissolvedOn: input.date, mergedInto: target?.code ?? null }, reason: input.reason,
      });
    return toDTO(after);
  });
}

/** A unit as a list gives it (the units import): its parent by code, none for a province. */
export interface UnitRecord {
  code: string;
  name: string;
  type: string;
  level: number;
  parentCode: string | null;
}

/**
 * Adds the list's new units under their parents and updates the name and type of those that
 * changed; units unchanged are left alone. Each change audited (unit.create, unit.update).
 * All or nothing, and set-based for the official lists (11,366 units): one statement per
 * level for the new units, one for the changed ones, and their audit events in batches. The
 * list has been checked by the caller (levels, parents, no code twice, no parent changed).
 * Returns how many units were created or changed.
 */
export async function saveUnits(actor: Actor, units: readonly UnitRecord[]): Promise<number> {
  requireAdmin(actor);
  if (units.length === 0) return 0;
  return db().$transaction(async (tx) => {
    const codes = [...new Set(units.flatMap((u) => (u.parentCode ? [u.code, u.parentCode] : [u.code])))];
    // the list is today's: its codes name today's units
    const known = new Map((await tx.unit.findMany({ where: { code: { in: codes }, ...existsOnWhere(dayToDate(today())) }, select: { id: true, code: true, name: true, type: true, path: true } })).map((u) => [u.code, u]));
    const audits: AuditEventInput[] = [];

    const changed = units.filter((u) => {
      const current = known.get(u.code);
      return current !== undefined && (current.name !== u.name || current.type !== u.type);
    });
    if (changed.length) {
      await tx.$executeRaw`
        UPDATE unit AS u SET name = v.name, search_name = v.search_name, type = v.type, updated_at = now()
        FROM unnest(${changed.map((u) => u.code)}::text[], ${changed.map((u) => u.name)}::text[], ${changed.map((u) => searchKey(u.name))}::text[], ${changed.map((u) => u.type)}::text[]) AS v(code, name, search_name, type)
        WHERE u.id = ANY(${changed.map((u) => known.get(u.code)!.id)}::int[]) AND u.code = v.code`;
      for (const u of changed) {
        const before = known.get(u.code)!;
        audits.push({ userId: actor.id, action: "unit.update", entity: "unit", entityKey: u.code, unitId: before.id, oldValue: { name: before.name, type: before.type }, newValue: { name: u.name, type: u.type } });
      }
    }

    // parents before children: each level's new units are inserted once the level above has its ids
    const fresh = units.filter((u) => !known.has(u.code));
    for (const level of [...new Set(fresh.map((u) => u.level))].sort((a, b) => a - b)) {
      const batch = fresh.filter((u) => u.level === level).map((u) => {
        const parent = u.parentCode ? known.get(u.parentCode)! : null;
        return { ...u, searchName: searchKey(u.name), kind: unitKindOf(u.level, u.type), parentId: parent?.id ?? null, path: `${parent?.path ?? ""}${u.code}/` };
      });
      // one statement for the level (Prisma's createMany spent 12 s building it for 10,598 communes)
      const created = await tx.$queryRaw<{ id: number; code: string; name: string; type: string; path: string }[]>`
        INSERT INTO unit (code, name, search_name, type, kind, level, parent_id, path, updated_at)
        SELECT v.code, v.name, v.search_name, v.type, v.kind, ${level}::int, v.parent_id, v.path, now()
        FROM unnest(
          ${batch.map((u) => u.code)}::text[], ${batch.map((u) => u.name)}::text[], ${batch.map((u) => u.searchName)}::text[],
          ${batch.map((u) => u.type)}::text[], ${batch.map((u) => u.kind)}::text[], ${batch.map((u) => u.parentId)}::int[], ${batch.map((u) => u.path)}::text[]
        ) AS v(code, name, search_name, type, kind, parent_id, path)
        RETURNING id, code, name, type, path`;
      for (const unit of created) known.set(unit.code, unit);
    }
    for (const u of fresh) {
      audits.push({ userId: actor.id, action: "unit.create", entity: "unit", entityKey: u.code, unitId: known.get(u.code)!.id, newValue: { name: u.name, type: u.type, parent: u.parentCode } });
    }
    await writeAudits(tx, audits);
    return changed.length + fresh.length;
  }, { timeout: 120_000, maxWait: TRANSACTION_MAX_WAIT_MS });
}
