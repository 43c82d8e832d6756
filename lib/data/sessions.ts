import "server-only";
// Sign-in with throttling (lib/data/login-throttle.ts), the audit of every attempt, and the
// user behind a session, re-read on every request.
import { db } from "@/lib/db/client";
import { historyPathsOf, homeDayOf } from "./unit-history";
import { todayInVietnam } from "@/lib/domain/dates";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { canAdminister, canReadAuditLog, isAgencyFocalPoint, type Actor, type Role } from "@/lib/auth/permissions";
import { verifyPasswordOrDummy } from "@/lib/auth/password";
import { noteRequestUser } from "@/lib/observability/request-context";
import { countAttempt, forgiveAttempt } from "./login-throttle";
import { writeAudit, type AuditAction } from "./audit";

export type SignInResult =
  | { ok: true; user: { id: number; displayName: string; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; until: Date };

export interface SignInOptions {
  address: string;
  now?: Date;
  /** how a slowed-down answer waits; tests pass one that records instead of sleeping */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks a username and password under the sign-in limits, the attempt counted before the
 * password is checked; audits every attempt (success, failure, or refused because of a lock)
 * with the client address.
 */
export async function signIn(rawUsername: string, password: string, options: SignInOptions): Promise<SignInResult> {
  const client = db();
  const now = options.now ?? new Date();
  const username = rawUsername.trim().toLowerCase().slice(0, 64);
  const user = await client.user.findUnique({
    where: { username },
    select: { id: true, displayName: true, active: true, sessionVersion: true, passwordHash: true, unitId: true },
  });
  const audit = (action: AuditAction, extra: Record<string, unknown> = {}) => writeAudit(client, { userId: user?.id ?? null, action, entity: "session", entityKey: username, unitId: user?.unitId ?? null, newValue: { address: options.address, ...extra } });

  const verdict = await countAttempt(username, options.address, now);
  if (!verdict.admitted) {
    await audit("login.refused", { lockedUntil: verdict.until.toISOString(), by: verdict.by });
    return { ok: false, reason: "locked", until: verdict.until };
  }

  const valid = await verifyPasswordOrDummy(user?.passwordHash ?? null, password);
  if (valid && user?.active) {
    await forgiveAttempt(username, options.address);
    await client.$transaction([
      client.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
      audit("login.success"),
    ]);
    return { ok: true, user: { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion } };
  }

  await audit("login.failure", valid ? { inactive: true } : {});
  if (verdict.lockedUntil) return { ok: false, reason: "locked", until: verdict.lockedUntil };
  if (verdict.delayMs > 0) await (options.sleep ?? realSleep)(verdict.delayMs);
  return { ok: false, reason: "invalid" };
}

/** Signs out every session of the user (logout, password change, deactivation). */
export async function endSessions(userId: number): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export interface SessionUserDTO extends Actor {
  id: number;
  displayName: string;
  role: Role;
  unitCode: string | null;
  /** the day the user's views open on when the URL names none: null, today; see homeDayOf */
  homeDay: string | null;
  /** an administrator reset the password: the user must choose a new one before anything else */
  mustChangePassword: boolean;
  /** What the user may do, from the permission predicates (lib/auth): pages read it rather than re-derive it. */
  may: UserPermissionsDTO;
}

export interface UserPermissionsDTO {
  /** open the entry and import pages (the data layer still checks each unit) */
  enterFigures: boolean;
  /** names the unit whose figures to enter (administrators: no unit of their own) */
  chooseEntryUnit: boolean;
  /** the administration pages: users, units, campaigns, locks, anyone's tokens */
  administer: boolean;
  readAuditLog: boolean;
  /** an agency's focal point (issue 22): lands on its agency's weekly figure */
  agencyFocalPoint: boolean;
}

/** What `actor` may do, as pages ask it. */
export function permissionsOf(actor: Actor): UserPermissionsDTO {
  return { enterFigures: canEditFiguresAnywhere(actor), chooseEntryUnit: canAdminister(actor), administer: canAdminister(actor), readAuditLog: canReadAuditLog(actor), agencyFocalPoint: isAgencyFocalPoint(actor) };
}

/**
 * The user behind a session, re-read on every request so that a deactivated user, or a
 * session older than the last logout or password change, is refused at once.
 */
export async function getSessionUser(userId: number, sessionVersion: number): Promise<SessionUserDTO | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, role: true, active: true, sessionVersion: true, mustChangePassword: true, unit: { select: { id: true, code: true, path: true, dissolvedOn: true } }, agency: { select: { path: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  noteRequestUser(user.id);
  // the units the user's unit came from: read as its past (Actor.historyPaths)
  const [historyPaths, homeDay] = await Promise.all([historyPathsOf(user.unit?.id ?? null), homeDayOf(user.unit, todayInVietnam())]);
  const actor = { id: user.id, username: user.username, role: user.role, unitPath: user.unit?.path ?? null, historyPaths, ...(user.role === "agency" ? { agencyPath: user.agency?.path ?? null } : {}) };
  return {
    ...actor, displayName: user.displayName, unitCode: user.unit?.code ?? null, homeDay, mustChangePassword: user.mustChangePassword,
    may: permissionsOf(actor),
  };
}
