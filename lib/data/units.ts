import "server-only";
import { db, onReplica } from "@/lib/db/client";
import { readPrefixes, viewScope, type Actor } from "@/lib/auth/permissions";
import { compareVietnamese } from "@/lib/domain/text";
import { AppError } from "./errors";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { addDays, dateToDay, dayToDate } from "@/lib/domain/dates";
import { getViewableUnit } from "./progress";
import { today } from "./unit-on-day";
import { labelledOn } from "./unit-labels";

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
  /** first day the unit exists, null: always (before any reorganisation the tree records) */
  validFrom: string | null;
  /** last day the unit exists (the day before it was dissolved), null: still */
  validTo: string | null;
}

/** A unit the viewed unit came from or went into at a reorganisation, and how much of it. */
export interface SuccessionDTO {
  code: string;
  name: string;
  part: string;
  /** the share of the predecessor's figures the successor takes; null when not allocated (or full) */
  share: number | null;
}

const UNIT_SELECT = { id: true, code: true, name: true, type: true, level: true, validFrom: true, dissolvedOn: true } as const;

function unitDTO(row: { code: string; name: string; type: string; level: number; validFrom: Date | null; dissolvedOn: Date | null }): UnitDTO {
  return {
    code: row.code, name: row.name, type: row.type, level: row.level,
    validFrom: row.validFrom ? dateToDay(row.validFrom) : null,
    validTo: row.dissolvedOn ? addDays(dateToDay(row.dissolvedOn), -1) : null,
  };
}

/**
 * The children of a unit (`GET /api/v1/units?parent=CODE`), or without a parent the roots
 * inside the actor's scope, valid on `asOf` (default today), in Vietnamese order of name.
 */
export async function listUnits(actor: Actor, parentCode: string | null, asOf: string = today()): Promise<UnitDTO[]> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readListUnitsNow(actor, parentCode, asOf));
}

async function readListUnitsNow(actor: Actor, parentCode: string | null, asOf: string = today()): Promise<UnitDTO[]> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const alive = existsOnWhere(dayToDate(asOf));
  const parentId = parentCode === null ? null : (await getViewableUnit(actor, parentCode, { asOf })).id;
  // the roots: the actor's scope's top, or on a day before it started the units it came from
  const roots = { parentId: null, OR: (readPrefixes(actor) ?? []).map((prefix) => ({ path: { startsWith: prefix } })) };
  const rows = await db().unit.findMany({ where: parentId === null ? { ...roots, ...alive } : { parentId, ...alive }, select: UNIT_SELECT });
  // each named as it was on that day (lib/data/unit-labels.ts)
  return (await labelledOn(rows, asOf)).map(unitDTO).sort((a, b) => compareVietnamese(a.name, b.name));
}

const bySuccessionOrder = (a: SuccessionDTO, b: SuccessionDTO) => a.code.localeCompare(b.code) || compareVietnamese(a.name, b.name);

/**
 * One unit by code on `asOf` (`GET /api/v1/units/CODE`; default today), if the actor may see
 * it, with the units it came from and went into (a code that names no unit that day: the
 * NOT_FOUND of getViewableUnit, naming the unit's end and successors).
 */
export async function getUnit(actor: Actor, code: string, asOf: string = today()): Promise<UnitDTO & { parentCode: string | null; predecessors: SuccessionDTO[]; successors: SuccessionDTO[] }> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readUnitNow(actor, code, asOf));
}

async function readUnitNow(actor: Actor, code: string, asOf: string = today()): Promise<UnitDTO & { parentCode: string | null; predecessors: SuccessionDTO[]; successors: SuccessionDTO[] }> {
  const viewed = await getViewableUnit(actor, code, { asOf });
  const unit = await db().unit.findUniqueOrThrow({
    where: { id: viewed.id },
    select: {
      ...UNIT_SELECT,
      predecessors: { select: { part: true, share: true, predecessor: { select: { code: true, name: true } } } },
      successors: { select: { part: true, share: true, successor: { select: { code: true, name: true } } } },
    },
  });
  const succession = (other: { code: string; name: string }, part: string, share: { toNumber(): number } | null): SuccessionDTO => ({ code: other.code, name: other.name, part, share: share === null ? null : share.toNumber() });
  const [named] = await labelledOn([unit], asOf);
  return {
    ...unitDTO(named),
    parentCode: viewed.parentCode,
    predecessors: unit.predecessors.map((p) => succession(p.predecessor, p.part, p.share)).sort(bySuccessionOrder),
    successors: unit.successors.map((s) => succession(s.successor, s.part, s.share)).sort(bySuccessionOrder),
  };
}

/**
 * Which administrative structure a view as of `asOf` shows, when it is not today's: the
 * viewed unit or one of its children on that day has ended by today (`before`: the structure
 * before the first such end, "before 01/07/2025"), or starts after today (`from`: a
 * reorganisation loaded ahead). Null when the unit and its children on that day all exist
 * today. Says nothing more precise, by design: it tells a reader that the units they see are
 * not today's.
 */
export async function structureOfView(unit: { id: number }, asOf: string): Promise<{ before: string } | { from: string } | null> {
  const now = dayToDate(today());
  const alive = existsOnWhere(dayToDate(asOf));
  const where = { OR: [{ id: unit.id }, { parentId: unit.id, ...alive }] };
  const [ended, starts] = await Promise.all([
    db().unit.aggregate({ where: { ...where, dissolvedOn: { lte: now } }, _min: { dissolvedOn: true } }),
    db().unit.aggregate({ where: { ...where, validFrom: { gt: now } }, _max: { validFrom: true } }),
  ]);
  if (ended._min.dissolvedOn) return { before: dateToDay(ended._min.dissolvedOn) };
  if (starts._max.validFrom) return { from: dateToDay(starts._max.validFrom) };
  return null;
}
