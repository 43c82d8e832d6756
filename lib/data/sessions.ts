import "server-only";
import { db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { noteRequestUser } from "@/lib/observability/request-context";

/** Checks a username and password; audits the attempt either way. */
export async function authenticate(username: string, password: string): Promise<{ id: number; displayName: string; sessionVersion: number } | null> {
  const client = db();
  const user = await client.user.findUnique({
    where: { username: username.trim().toLowerCase() },
    select: { id: true, displayName: true, active: true, sessionVersion: true, passwordHash: true, unitId: true },
  });
  const ok = !!user && user.active && (await verifyPassword(user.passwordHash, password));
  await client.auditEvent.create({
    data: {
      userId: user?.id ?? null,
      action: ok ? "login.success" : "login.failure",
      entity: "session",
      entityKey: username.slice(0, 64),
      unitId: user?.unitId ?? null,
    },
  });
  if (!ok || !user) return null;
  await client.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, displayName: user.displayName, sessionVersion: user.sessionVersion };
}

export interface SessionUserDTO extends Actor {
  id: number;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

/**
 * The user behind a session, re-read on every request so that a deactivated user, or a
 * session older than the last logout or password change, is refused at once.
 */
export async function getSessionUser(userId: number, sessionVersion: number): Promise<SessionUserDTO | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { id: true, username: true, displayName: true, role: true, active: true, sessionVersion: true, unit: { select: { code: true, path: true } } },
  });
  if (!user || !user.active || user.sessionVersion !== sessionVersion) return null;
  noteRequestUser(user.id);
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unitPath: user.unit?.path ?? null, unitCode: user.unit?.code ?? null };
}
