import "server-only";
// A user's own account: changing their password (forced after an administrator reset it).
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { m } from "@/lib/i18n/message";
import { revokeTokensOfUser } from "./api-tokens";
import { AppError } from "./errors";

/** Changes the caller's password, ends all their sessions (they sign in again) and revokes their API tokens. */
export async function changeOwnPassword(actor: Actor, input: { currentPassword: string; newPassword: string }): Promise<void> {
  if (actor.id === null) throw new AppError("FORBIDDEN");
  const client = db();
  const user = await client.user.findUnique({ where: { id: actor.id }, select: { id: true, active: true, passwordHash: true, unitId: true } });
  if (!user || !user.active) throw new AppError("UNAUTHENTICATED");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("INVALID_INPUT", "password", { currentPassword: [m("account.password.errors.currentWrong")] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await client.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    await tx.auditEvent.create({ data: { userId: user.id, action: "user.password_change", entity: "user", entityKey: actor.username, unitId: user.unitId } });
    await revokeTokensOfUser(tx, { id: user.id, username: actor.username, unitId: user.unitId }, "password_change", user.id);
  });
}
