import "server-only";
// User administration: administrators only, every change audited in its own transaction.
// There is always at least one active administrator: the last one can be neither
// deactivated nor given another role.
import { randomBytes } from "node:crypto";
import { canAdminister, type Actor, type Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { db, type Db } from "@/lib/db/client";
import type { UserCreateInput, UserUpdateInput } from "@/lib/validation/accounts";
import { revokeTokensOfUser } from "./api-tokens";
import { AppError, invalidField } from "./errors";
import { writeAudit } from "./audit";
import { formatDay } from "@/lib/domain/format";
import { today, unitOnDay } from "./unit-on-day";
import { existsOnWhere } from "@/lib/db/unit-lifetime";
import { addDays, dateToDay, dayToDate } from "@/lib/domain/dates";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface UserDTO {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
}

const USER_SELECT = {
  id: true, username: true, displayName: true, role: true, active: true, mustChangePassword: true, lastLoginAt: true,
  unit: { select: { code: true, name: true } },
} as const;

function toDTO(u: { id: number; username: string; displayName: string; role: Role; active: boolean; mustChangePassword: boolean; lastLoginAt: Date | null; unit: { code: string; name: string } | null }): UserDTO {
  return {
    id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitCode: u.unit?.code ?? null, unitName: u.unit?.name ?? null,
    active: u.active, mustChangePassword: u.mustChangePassword, lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
}

export async function listUsers(actor: Actor): Promise<UserDTO[]> {
  requireAdmin(actor);
  const users = await db().user.findMany({ orderBy: [{ active: "desc" }, { username: "asc" }], select: USER_SELECT });
  return users.map(toDTO);
}

export async function getUser(actor: Actor, userId: number): Promise<UserDTO> {
  requireAdmin(actor);
  const user = await db().user.findUnique({ where: { id: userId }, select: USER_SELECT });
  if (!user) throw new AppError("NOT_FOUND");
  return toDTO(user);
}

/**
 * The unit a role is attached to: none for administrators (they see everything), a unit for
 * everyone else, resolved today. Data-entry police (role district) belong to a unit with
 * units below it today (a 2023 district, or a two-tier province whose police compile the
 * communes directly); commune police to a unit of kind commune, whatever its depth (a 2025
 * commune sits at level 2), so that "their district" and "their commune" mean what the role
 * table says.
 */
async function scopeUnit(tx: Tx, role: Role, unitCode: string | null): Promise<{ id: number; code: string } | null> {
  if (role === "admin") return null;
  if (!unitCode) throw invalidField("unitCode", "users.errors.unitRequired");
  const unit = await unitOnDay(tx, unitCode, today(), { id: true, code: true, kind: true });
  if (!unit) throw invalidField("unitCode", "users.errors.unitUnknown", { code: unitCode });
  await checkRoleFits(tx, role, unit);
  return { id: unit.id, code: unit.code };
}

/** Refuses a unit the role cannot be attached to (see scopeUnit). */
async function checkRoleFits(tx: Tx, role: Role, unit: { id: number; kind: string }): Promise<void> {
  if (role === "district" && !(await tx.unit.findFirst({ where: { parentId: unit.id, ...existsOnWhere(dayToDate(today())) }, select: { id: true } }))) {
    throw invalidField("unitCode", "users.errors.districtLevel");
  }
  if (role === "commune" && unit.kind !== "commune") throw invalidField("unitCode", "users.errors.communeLevel");
}

export async function createUser(actor: Actor, input: UserCreateInput): Promise<UserDTO> {
  requireAdmin(actor);
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw invalidField("username", "users.errors.usernameTaken", { username: input.username });
    const unit = await scopeUnit(tx, input.role, input.unitCode);
    const user = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, role: input.role, unitId: unit?.id ?? null, passwordHash },
      select: USER_SELECT,
    });
    await writeAudit(tx, { userId: actor.id, action: "user.create", entity: "user", entityKey: user.username, unitId: unit?.id ?? null, newValue: { displayName: input.displayName, role: input.role, unit: unit?.code ?? null } });
    return toDTO(user);
  });
}

/** Locks the active administrators' rows and fails if `userId` is the only one left. */
async function guardLastAdmin(tx: Tx, userId: number): Promise<void> {
  const admins = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`;
  if (admins.length === 1 && admins[0].id === userId) {
    throw new AppError("CONFLICT", { subject: "last-admin", userMessage: { key: "users.errors.lastAdmin" } });
  }
}

export async function updateUser(actor: Actor, input: UserUpdateInput): Promise<UserDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SELECT });
    if (!before) throw new AppError("NOT_FOUND");
    if (before.role === "admin" && input.role !== "admin" && before.active) await guardLastAdmin(tx, before.id);
    const unit = await scopeUnit(tx, input.role, input.unitCode);
    const after = await tx.user.update({
      where: { id: input.userId },
      data: { displayName: input.displayName, role: input.role, unitId: unit?.id ?? null },
      select: USER_SELECT,
    });
    await writeAudit(tx, {
        userId: actor.id, action: "user.update", entity: "user", entityKey: before.username, unitId: unit?.id ?? null,
        oldValue: { displayName: before.displayName, role: before.role, unit: before.unit?.code ?? null },
        newValue: { displayName: after.displayName, role: after.role, unit: after.unit?.code ?? null },
      });
    return toDTO(after);
  });
}

/**
 * Deactivating ends the user's sessions at their next request and revokes their API tokens;
 * reactivating lets them sign in again (with new tokens only).
 */
export async function setUserActive(actor: Actor, userId: number, active: boolean): Promise<UserDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: { ...USER_SELECT, unitId: true } });
    if (!before) throw new AppError("NOT_FOUND");
    if (!active && before.role === "admin" && before.active) await guardLastAdmin(tx, userId);
    const after = await tx.user.update({
      where: { id: userId },
      data: { active, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
      select: USER_SELECT,
    });
    // Reactivating must not bring back a token issued before: they all go at deactivation.
    if (!active) await revokeTokensOfUser(tx, { id: userId, username: before.username, unitId: before.unitId }, "deactivation", actor.id);
    await writeAudit(tx, { userId: actor.id, action: active ? "user.activate" : "user.deactivate", entity: "user", entityKey: before.username, unitId: before.unitId, oldValue: { active: before.active }, newValue: { active } });
    return toDTO(after);
  });
}

/**
 * Sets a new temporary password (random, shown once to the administrator, or the operator's
 * own from `npm run user -- reset-password`); the user's
 * sessions end, their API tokens are revoked, and they must choose their own password at the
 * next sign-in.
 */
export async function resetPassword(actor: Actor, userId: number, options: { password?: string; reason?: string } = {}): Promise<{ username: string; temporaryPassword: string }> {
  requireAdmin(actor);
  const temporaryPassword = options.password ?? randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(temporaryPassword);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, unitId: true } });
    if (!user) throw new AppError("NOT_FOUND");
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { userId: actor.id, action: "user.password_reset", entity: "user", entityKey: user.username, unitId: user.unitId, ...(options.reason ? { reason: options.reason } : {}) });
    await revokeTokensOfUser(tx, user, "password_reset", actor.id);
    return { username: user.username, temporaryPassword };
  });
}

/** An account attached to a unit that has ended, and where it can be moved in one step. */
export interface AccountOnEndedUnitDTO {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  unit: { code: string; name: string; lastDay: string };
  successors: { code: string; name: string; part: string }[];
  /** the unit's one full successor, when it has exactly one: the move's destination */
  moveTo: { code: string; name: string } | null;
}

const ENDED_UNIT_SELECT = {
  id: true, code: true, name: true, dissolvedOn: true,
  successors: { select: { part: true, successor: { select: { id: true, code: true, name: true, kind: true, dissolvedOn: true } } } },
} as const;

/** Whether a unit has ended by today (its end on or before today: it no longer exists today). */
const endedByToday = (unit: { dissolvedOn: Date | null }) => unit.dissolvedOn !== null && dateToDay(unit.dissolvedOn) <= today();

/** The one full successor of a unit, or null when it has none, several, or only partial ones. */
function singleFullSuccessor<S extends { part: string; successor: { code: string } }>(successions: readonly S[]): S["successor"] | null {
  const full = successions.filter((s) => s.part === "full");
  return full.length === 1 && successions.length === 1 ? full[0].successor : null;
}

/**
 * The accounts whose unit has ended (its last day before today): until an administrator
 * moves them they read the old unit's history and enter nothing. Each with the unit's
 * successors and, where the unit has exactly one successor, it took the unit whole and it
 * still exists today, that successor as the one-step move.
 */
export async function listAccountsOnEndedUnits(actor: Actor): Promise<AccountOnEndedUnitDTO[]> {
  requireAdmin(actor);
  const users = await db().user.findMany({
    where: { unit: { dissolvedOn: { lte: dayToDate(today()) } } },
    orderBy: { username: "asc" },
    select: { id: true, username: true, displayName: true, role: true, unit: { select: ENDED_UNIT_SELECT } },
  });
  return users.flatMap((u) => {
    if (!u.unit?.dissolvedOn) return [];
    const successors = u.unit.successors.map((s) => ({ code: s.successor.code, name: s.successor.name, part: s.part })).sort((a, b) => a.code.localeCompare(b.code));
    const single = singleFullSuccessor(u.unit.successors);
    const moveTo = single && !endedByToday(single) ? single : null;
    return [{
      id: u.id, username: u.username, displayName: u.displayName, role: u.role,
      unit: { code: u.unit.code, name: u.unit.name, lastDay: addDays(dateToDay(u.unit.dissolvedOn), -1) },
      successors,
      moveTo: moveTo ? { code: moveTo.code, name: moveTo.name } : null,
    }];
  });
}

/**
 * Moves an account from its ended unit to that unit's one full successor (audited
 * `user.move`). Refused when the unit has not ended, when it has no single full successor
 * (several, or partial: the administrator chooses the unit on the user's page), when that
 * successor has itself ended by today (dissolved later: the administrator chooses), or when
 * the successor does not suit the role.
 */
export async function moveUserToSuccessor(actor: Actor, userId: number): Promise<{ username: string; unitCode: string; unitName: string }> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, username: true, role: true, unit: { select: ENDED_UNIT_SELECT } } });
    if (!user) throw new AppError("NOT_FOUND");
    const unit = user.unit;
    if (!unit?.dissolvedOn || dateToDay(unit.dissolvedOn) > today()) throw new AppError("CONFLICT", { subject: "unit", userMessage: { key: "users.move.errors.notEnded", params: { username: user.username } } });
    const lastDay = formatDay(addDays(dateToDay(unit.dissolvedOn), -1));
    const successor = singleFullSuccessor(unit.successors);
    if (!successor) {
      throw new AppError("CONFLICT", { subject: "unit", userMessage: { key: unit.successors.length ? "users.move.errors.notSingleFull" : "users.move.errors.noSuccessor", params: { unit: `${unit.name} (${unit.code})`, lastDay } } });
    }
    if (successor.dissolvedOn && endedByToday(successor)) {
      const successorLastDay = formatDay(addDays(dateToDay(successor.dissolvedOn), -1));
      throw new AppError("CONFLICT", { subject: "unit", userMessage: { key: "users.move.errors.successorEnded", params: { unit: `${unit.name} (${unit.code})`, lastDay, successor: `${successor.name} (${successor.code})`, successorLastDay } } });
    }
    await checkRoleFits(tx, user.role, successor);
    await tx.user.update({ where: { id: user.id }, data: { unitId: successor.id } });
    await writeAudit(tx, { userId: actor.id, action: "user.move", entity: "user", entityKey: user.username, unitId: successor.id, oldValue: { unit: unit.code, lastDay: addDays(dateToDay(unit.dissolvedOn), -1) }, newValue: { unit: successor.code } });
    return { username: user.username, unitCode: successor.code, unitName: successor.name };
  });
}
