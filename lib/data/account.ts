import "server-only";
// A user's own account: changing their password (forced after an administrator reset it).
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { m } from "@/lib/i18n/message";
import { minutesUntil } from "@/lib/domain/login-throttle";
import { revokeTokensOfUser } from "./api-tokens";
import { AppError } from "./errors";
import { countAttempt, forgiveAttempt } from "./login-throttle";
import { writeAudit, type AuditAction } from "./audit";

export interface PasswordChangeOptions {
  /** the client address (lib/auth/client-address.ts); "unknown" outside a request */
  address?: string;
  now?: Date;
  /** how a slowed-down answer waits; tests pass one that records instead of sleeping */
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Changes the caller's password, ends all their sessions (they sign in again) and revokes
 * their API tokens. The current password is checked under the sign-in limits, counted under
 * the same username and address keys (lib/data/login-throttle.ts), and every wrong or refused
 * attempt is audited: otherwise a stolen session would be a free oracle for the password.
 */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }, options: PasswordChangeOptions = {}): Promise<void> {
  if (actor.id === null) throw new AppError("FORBIDDEN");
  const client = db();
  const now = options.now ?? new Date();
  const address = options.address ?? "unknown";
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { id: true, active: true, passwordHash: true, unitId: true } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED");
  const audit = (action: AuditAction, extra: Record<string, unknown> = {}) => writeAudit(client, { userId: user.id, action, entity: "user", entityKey: actor.username, unitId: user.unitId, newValue: { address, ...extra } });
  const locked = (until: Date) => new AppError("INVALID_INPUT", {
    subject: "password",
    fieldErrors: { currentPassword: [m("account.password.errors.locked", { minutes: minutesUntil(until, now) })] },
  });

  const verdict = await countAttempt(actor.username, address, now);
  if (!verdict.admitted) {
    await audit("user.password_refused", { lockedUntil: verdict.until.toISOString(), by: verdict.by });
    throw locked(verdict.until);
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit("user.password_wrong");
    if (verdict.lockedUntil) throw locked(verdict.lockedUntil);
    if (verdict.delayMs > 0) await (options.sleep ?? realSleep)(verdict.delayMs);
    throw new AppError("INVALID_INPUT", { subject: "password", fieldErrors: { currentPassword: [m("account.password.errors.currentWrong")] } });
  }
  await forgiveAttempt(actor.username, address);
  const passwordHash = await hashPassword(input.newPassword);
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await writeAudit(tx, { userId: user.id, action: "user.password_change", entity: "user", entityKey: actor.username, unitId: user.unitId, newValue: { address } });
    await revokeTokensOfUser(tx, { id: user.id, username: actor.username, unitId: user.unitId }, "password_change", user.id);
  });
}
