import "server-only";
// Counting password attempts (sign-in, and the current password of a password change) under
// the limits of lib/domain/login-throttle.ts, one statement per attempt, before the password
// is checked: parallel attempts queue on the two rows' locks, each sees the count its own
// attempt made, and no more than the limit ever get their password checked.
import { db, type Db } from "@/lib/db/client";
import {
  ADDRESS_POLICY, KNOWN_ADDRESS_MS, USERNAME_POLICY, admits, failureDelayMs, type ThrottlePolicy,
} from "@/lib/domain/login-throttle";

export type AttemptVerdict =
  | { admitted: true; delayMs: number; lockedUntil: Date | null }
  | { admitted: false; until: Date; by: "address" | "username" };

const keysOf = (username: string, address: string) => ({ user: `user:${username}`, address: `addr:${address}` });

interface Counted { key: string; failures: number; locked_until: Date | null }

/**
 * Counts one attempt under the username and the address (the SQL form of `recordAttempt`) and
 * says whether its password may be checked. The per-username limit does not hold an address
 * from which the username signed in successfully in the last 30 days.
 */
export async function countAttempt(username: string, address: string, now: Date): Promise<AttemptVerdict> {
  const client = db();
  const keys = keysOf(username, address);
  const policy = (key: string): ThrottlePolicy => (key === keys.address ? ADDRESS_POLICY : USERNAME_POLICY);
  // Rows in key order ("addr:" before "user:"), so two attempts lock them in the same order.
  const rows = await client.$queryRaw<Counted[]>`
    WITH p (key, window_ms, lock_at, lock_ms) AS (VALUES
      (${keys.address}::text, ${ADDRESS_POLICY.windowMs}::int, ${ADDRESS_POLICY.lockAt}::int, ${ADDRESS_POLICY.lockMs}::int),
      (${keys.user}::text, ${USERNAME_POLICY.windowMs}::int, ${USERNAME_POLICY.lockAt}::int, ${USERNAME_POLICY.lockMs}::int))
    INSERT INTO login_throttle AS t (key, failures, window_start, last_failure_at, locked_until)
    SELECT p.key, 1, ${now}, ${now}, CASE WHEN p.lock_at <= 1 THEN ${now}::timestamptz + p.lock_ms * interval '1 millisecond' END
    FROM p ORDER BY p.key
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE
        WHEN t.locked_until > ${now} THEN t.failures + 1
        WHEN t.locked_until IS NOT NULL OR ${now} - t.window_start > (SELECT window_ms FROM p WHERE p.key = t.key) * interval '1 millisecond' THEN 1
        ELSE t.failures + 1 END,
      window_start = CASE
        WHEN t.locked_until > ${now} THEN t.window_start
        WHEN t.locked_until IS NOT NULL OR ${now} - t.window_start > (SELECT window_ms FROM p WHERE p.key = t.key) * interval '1 millisecond' THEN ${now}
        ELSE t.window_start END,
      last_failure_at = ${now},
      locked_until = CASE
        WHEN t.locked_until > ${now} THEN t.locked_until
        WHEN t.locked_until IS NULL AND ${now} - t.window_start <= (SELECT window_ms FROM p WHERE p.key = t.key) * interval '1 millisecond'
          AND t.failures + 1 >= (SELECT lock_at FROM p WHERE p.key = t.key)
          THEN ${now}::timestamptz + (SELECT lock_ms FROM p WHERE p.key = t.key) * interval '1 millisecond'
        END
    RETURNING t.key, t.failures, t.locked_until`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const addressRow = byKey.get(keys.address);
  const userRow = byKey.get(keys.user);
  if (!addressRow || !userRow) throw new Error("login_throttle: the attempt was not counted");

  if (!admits(addressRow.failures, ADDRESS_POLICY)) return { admitted: false, until: addressRow.locked_until ?? now, by: "address" };
  if (!admits(userRow.failures, USERNAME_POLICY) && !(await isKnownAddress(client, username, address, now))) {
    return { admitted: false, until: userRow.locked_until ?? now, by: "username" };
  }
  const lockedUntil = [addressRow, userRow].map((row) => row.locked_until).find((until) => until !== null && until > now) ?? null;
  const delayMs = lockedUntil ? 0 : Math.max(...rows.map((row) => failureDelayMs(row.failures, policy(row.key))));
  return { admitted: true, delayMs, lockedUntil };
}

/**
 * The attempt's password was right: it was no failure. The username's count starts again;
 * the address's loses this one attempt (never more: signing in to one's own account must not
 * reset the count of guesses at others), and its lock goes if the rest stay under the limit.
 */
export async function forgiveAttempt(username: string, address: string): Promise<void> {
  const keys = keysOf(username, address);
  await db().$transaction([
    db().$executeRaw`
      UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
        locked_until = CASE WHEN failures - 1 < ${ADDRESS_POLICY.lockAt} THEN NULL ELSE locked_until END
      WHERE key = ${keys.address}`,
    db().loginThrottle.deleteMany({ where: { key: keys.user } }),
  ]);
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
