import "server-only";
// API tokens: a user issues and revokes their own; an administrator, anyone's. A token acts
// as its user (role and scope read afresh on every request), is stored only as its SHA-256,
// and is shown once when issued. Every issue and revocation is audited in its transaction.
// A token expires (chosen at issue, 90 days by default), and every token of a user is revoked
// when their password is changed or reset or their account is deactivated: a token must not
// outlive the recovery of an account.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { db, type Db } from "@/lib/db/client";
import { m } from "@/lib/i18n/message";
import { AppError } from "./errors";
import { getSessionUser, type SessionUserDTO } from "./sessions";
import { writeAudit, writeAudits } from "./audit";

export interface ApiTokenDTO {
  id: number;
  username: string;
  name: string;
  /** the first characters, to recognise a token without revealing it */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokeReason: TokenRevokeReason | null;
  expiresAt: string;
}

/** Why a token was revoked: by hand, or by an account event that revokes all of a user's tokens. */
export type TokenRevokeReason = "owner" | AccountEvent;
export type AccountEvent = "password_change" | "password_reset" | "deactivation";

export const TOKEN_LIFETIME_DAYS = { default: 90, choices: [30, 90, 180, 365] } as const;

const TOKEN_SELECT = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, revokeReason: true, expiresAt: true, user: { select: { username: true } } } as const;

function toDTO(t: { id: number; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; revokeReason: string | null; expiresAt: Date; user: { username: string } }): ApiTokenDTO {
  return {
    id: t.id, username: t.user.username, name: t.name, prefix: t.prefix, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null, revokeReason: (t.revokeReason as TokenRevokeReason | null) ?? null, expiresAt: t.expiresAt.toISOString(),
  };
}

/** Whose tokens the actor manages: their own, or (administrators) the named user's. */
async function tokenOwner(actor: Actor, username: string | undefined): Promise<{ id: number; username: string; active: boolean; unitId: number | null }> {
  const wanted = username || actor.username;
  if (wanted !== actor.username && !canAdminister(actor)) throw new AppError("FORBIDDEN");
  if (actor.id === null && !username) throw new AppError("INVALID_INPUT", { subject: "username", fieldErrors: { username: [m("account.tokens.errors.userRequired")] } });
  const owner = await db().user.findUnique({ where: { username: wanted }, select: { id: true, username: true, active: true, unitId: true } });
  if (!owner) {
    const userMessage = { key: "account.tokens.errors.noSuchUser", params: { username: wanted } } as const;
    throw new AppError("NOT_FOUND", { subject: "user", userMessage, fieldErrors: { username: [m(userMessage.key, userMessage.params)] } });
  }
  if (owner.id !== actor.id && !canAdminister(actor)) throw new AppError("FORBIDDEN");
  return owner;
}

export async function listApiTokens(actor: Actor, username?: string): Promise<ApiTokenDTO[]> {
  const owner = await tokenOwner(actor, username);
  const tokens = await db().apiToken.findMany({ where: { userId: owner.id }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: TOKEN_SELECT });
  return tokens.map(toDTO);
}

export async function issueApiToken(actor: Actor, input: { name: string; username?: string; lifetimeDays?: number }, now: Date = new Date()): Promise<{ token: string; dto: ApiTokenDTO }> {
  const owner = await tokenOwner(actor, input.username);
  if (!owner.active) throw new AppError("CONFLICT", { subject: "inactive", userMessage: { key: "account.tokens.errors.accountLocked", params: { username: owner.username } } });
  const days = input.lifetimeDays ?? TOKEN_LIFETIME_DAYS.default;
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new AppError("INVALID_INPUT", { subject: "lifetimeDays", fieldErrors: { lifetimeDays: [m("account.tokens.errors.lifetime")] } });
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  const { token, tokenHash, prefix } = newToken();
  return db().$transaction(async (tx) => {
    const created = await tx.apiToken.create({ data: { userId: owner.id, name: input.name, tokenHash, prefix, expiresAt }, select: TOKEN_SELECT });
    await writeAudit(tx, { userId: actor.id, action: "token.create", entity: "api_token", entityKey: prefix, unitId: owner.unitId, newValue: { user: owner.username, name: input.name, expiresAt: expiresAt.toISOString() } });
    return { token, dto: toDTO(created) };
  });
}

export async function revokeApiToken(actor: Actor, tokenId: number): Promise<ApiTokenDTO> {
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({ where: { id: tokenId }, select: { ...TOKEN_SELECT, userId: true, user: { select: { username: true, unitId: true } } } });
    // Someone else's token is "not found" for a non-administrator: no hint that it exists.
    if (!token || (token.userId !== actor.id && !canAdminister(actor))) throw new AppError("NOT_FOUND");
    if (token.revokedAt) return toDTO(token);
    const revoked = await tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt: new Date(), revokeReason: "owner" }, select: TOKEN_SELECT });
    await writeAudit(tx, { userId: actor.id, action: "token.revoke", entity: "api_token", entityKey: token.prefix, unitId: token.user.unitId, oldValue: { user: token.user.username, name: token.name } });
    return toDTO(revoked);
  });
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Revokes every live token of a user because of an account event, inside that event's
 * transaction, with one audit event per token (the actor is whoever caused the event; null
 * for the operator). Returns how many were revoked, so the user can be told.
 */
export async function revokeTokensOfUser(tx: Tx, user: { id: number; username: string; unitId: number | null }, reason: AccountEvent, actorId: number | null, now: Date = new Date()): Promise<number> {
  const live = await tx.apiToken.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true, name: true, prefix: true } });
  if (live.length === 0) return 0;
  await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: now, revokeReason: reason } });
  await writeAudits(tx, live.map((t) => ({ userId: actorId, action: "token.revoke", entity: "api_token", entityKey: t.prefix, unitId: user.unitId, oldValue: { user: user.username, name: t.name }, newValue: { revokedBecause: reason } })));
  return live.length;
}

/** The user a bearer token acts as, or null for an unknown, revoked or expired token or an inactive user. */
export async function userForApiToken(rawToken: string, now: Date = new Date()): Promise<SessionUserDTO | null> {
  const token = await db().apiToken.findUnique({
    where: { tokenHash: hashToken(rawToken) },
    select: { id: true, revokedAt: true, expiresAt: true, lastUsedAt: true, user: { select: { id: true, active: true, sessionVersion: true } } },
  });
  if (!token || token.revokedAt || token.expiresAt <= now || !token.user.active) return null;
  // "Last used" to the minute: no write on every request of a busy script.
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > 60_000) {
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: now } });
  }
  const user = await getSessionUser(token.user.id, token.user.sessionVersion);
  // A token is not a way around a forced password change.
  return user && !user.mustChangePassword ? user : null;
}
