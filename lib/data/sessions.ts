import "server-only";
// Sign-in with throttling (lib/domain/login-throttle.ts), the audit of every attempt, and the
// user behind a session, re-read on every request.
import { db, type Db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  ADDRESS_POLICY, KNOWN_ADDRESS_MS, USERNAME_POLICY, failureDelayMs, lockedUntil, recordFailure,
  type ThrottlePolicy, type ThrottleState,
} from "@/lib/domain/login-throttle";
import { noteRequestUser } from "@/lib/observability/request-context";

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
let dummyHash: Promise<string> | undefined;

/**
 * Checks a username and password under the sign-in limits; audits every attempt (success,
 * failure, or refused because of a lock) with the client address.
 */
export async function signIn(rawUsername: string, password: string, options: SignInOptions): Promise<SignInResult> {
  const client = db();
  const now = options.now ?? new Date();
  const username = rawUsername.trim().toLowerCase().slice(0, 64);
  const userKey = `user:${username}`;
  const addressKey = `addr:${options.address}`;
  const user = await client.user.findUnique({
    where: { username },
    select: { id: true, displayName: true, active: true, sessionVersion: true, passwordHash: true, unitId: true },
  });
  const audit = (action: string, extra: Record<string, unknown> = {}) => client.auditEvent.create({
    data: { userId: user?.id ?? null, action, entity: "session", entityKey: username, unitId: user?.unitId ?? null, newValue: { address: options.address, ...extra } },
  });

  const throttles = await client.loginThrottle.findMany({ where: { key: { in: [userKey, addressKey] } } });
  const addressLock = lockedUntil(throttles.find((t) => t.key === addressKey) ?? null, now);
  const userLock = lockedUntil(throttles.find((t) => t.key === userKey) ?? null, now);
  const lock = addressLock ?? (userLock && !(await isKnownAddress(client, username, options.address, now)) ? userLock : null);
  if (lock) {
    await audit("login.refused", { lockedUntil: lock.toISOString(), by: addressLock ? "address" : "username" });
    return { ok: false, reason: "locked", until: lock };
  }

  // An unknown username costs the same hashing time as a known one.
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await (dummyHash ??= hashPassword("no-such-user-password")), password)) && false;
  if (valid && user?.active) {
    await client.$transaction([
      client.loginThrottle.deleteMany({ where: { key: userKey } }),
      client.user.update({ where: { id: user.id }, data: { lastLoginAt: now } }),
      audit("login.success"),
    ]);
    return { ok: true, user: { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion } };
  }

  const [userState, addressState] = await client.$transaction(async (tx) => [
    await countFailure(tx, userKey, USERNAME_POLICY, now),
    await countFailure(tx, addressKey, ADDRESS_POLICY, now),
  ]);
  await audit("login.failure", valid ? { inactive: true } : {});
  const newLock = addressState.lockedUntil ?? userState.lockedUntil;
  if (newLock) return { ok: false, reason: "locked", until: newLock };
  const delay = Math.max(failureDelayMs(userState.failures, USERNAME_POLICY), failureDelayMs(addressState.failures, ADDRESS_POLICY));
  if (delay > 0) await (options.sleep ?? realSleep)(delay);
  return { ok: false, reason: "invalid" };
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Counts one failure under `key`, serialised per key by a row lock. */
async function countFailure(tx: Tx, key: string, policy: ThrottlePolicy, now: Date): Promise<ThrottleState> {
  await tx.$executeRaw`INSERT INTO login_throttle (key, failures, window_start, last_failure_at) VALUES (${key}, 0, ${now}, ${now}) ON CONFLICT (key) DO NOTHING`;
  const [row] = await tx.$queryRaw<{ failures: number; window_start: Date; last_failure_at: Date; locked_until: Date | null }[]>`
    SELECT failures, window_start, last_failure_at, locked_until FROM login_throttle WHERE key = ${key} FOR UPDATE`;
  const previous: ThrottleState | null = row.failures === 0 ? null : { failures: row.failures, windowStart: row.window_start, lastFailureAt: row.last_failure_at, lockedUntil: row.locked_until };
  const next = recordFailure(previous, policy, now);
  await tx.loginThrottle.update({ where: { key }, data: next });
  return next;
}

/** The username has signed in successfully from this address recently. */
async function isKnownAddress(client: Db, username: string, address: string, now: Date): Promise<boolean> {
  const found = await client.auditEvent.findFirst({
    where: {
      entity: "session", entityKey: username, action: "login.success",
      at: { gte: new Date(now.getTime() - KNOWN_ADDRESS_MS) },
      newValue: { path: ["address"], equals: address },
    },
    select: { id: true },
  });
  return found !== null;
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
  /** an administrator reset the password: the user must choose a new one before anything else */
  mustChangePassword: boolean;
}

/**
 * The user behind a session, re-read on every request so that a deactivated user, or a
 * session older than the last logout or password change, is refused at once.
 */
export async function getSessionUser(userId: number, sessionVersion: number): Promise<SessionUserDTO | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, role: true, active: true, sessionVersion: true, mustChangePassword: true, unit: { select: { code: true, path: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  noteRequestUser(user.id);
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role,
    unitPath: user.unit?.path ?? null, unitCode: user.unit?.code ?? null, mustChangePassword: user.mustChangePassword,
  };
}
