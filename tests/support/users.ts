// A user written straight into the test database, for tests of what users do (not of how an
// administrator creates them: that is users-admin.test.ts). Returns the actor the data layer
// takes, with the user's session version.
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { newToken } from "@/lib/auth/tokens";
import { TOKEN_LIFETIME_DAYS } from "@/lib/data/api-tokens";
import type { Db } from "@/lib/db/client";

/** `password`: stored hashed, so the user can sign in with it; without one the user cannot sign in. */
export async function addUser(db: Db, username: string, role: Actor["role"], unitCode: string | null, { password }: { password?: string } = {}) {
  const unit = unitCode ? await db.unit.findFirstOrThrow({ where: { code: unitCode } }) : null;
  const passwordHash = password ? await hashPassword(password) : "not-a-hash: cannot sign in";
  const user = await db.user.create({ data: { username, displayName: username, role, unitId: unit?.id ?? null, passwordHash } });
  return { id: user.id, username, role, unitPath: unit?.path ?? null, sessionVersion: user.sessionVersion };
}

/**
 * An API token for `userId`, stored as issueApiToken stores it: hashed, expiring the default
 * lifetime after the tests' clock (not the database's: with TEST_TODAY a year ahead, the
 * column's default would have expired it). Returns the token itself.
 */
export async function addApiToken(db: Db, userId: number, name = "test"): Promise<string> {
  const issued = newToken();
  const expiresAt = new Date(Date.now() + TOKEN_LIFETIME_DAYS.default * 86_400_000);
  await db.apiToken.create({ data: { userId, name, tokenHash: issued.tokenHash, prefix: issued.prefix, expiresAt } });
  return issued.token;
}
