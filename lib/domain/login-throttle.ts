// Sign-in throttling policy, pure. Every attempt (a sign-in, or a password change's current
// password) is counted under two keys, the username and
// the client address, each with its own limits:
//
// - the address is the main defence against one attacker: failures from it are slowed down
//   from the 10th, and it is refused for 15 minutes after 20 within 15 minutes, whatever
//   usernames it tries;
// - the username stops guessing one account from many addresses, but its lock is short
//   (5 minutes after 5 failures) and does not apply to an address from which that username
//   has signed in successfully in the last 30 days, so an attacker cannot keep the real user
//   (or everyone, one username after another) out.
//
// A success clears the username's count, never the address's: signing in to one's own
// account must not reset the count of guesses at others.

export interface ThrottlePolicy {
  /** failures further apart than this start a new count */
  windowMs: number;
  /** from this many failures in the window, each further failure is answered slowly */
  delayFrom: number;
  /** at this many failures in the window the key is locked */
  lockAt: number;
  lockMs: number;
  maxDelayMs: number;
}

export const USERNAME_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, delayFrom: 3, lockAt: 5, lockMs: 5 * 60_000, maxDelayMs: 4_000 };
export const ADDRESS_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, delayFrom: 10, lockAt: 20, lockMs: 15 * 60_000, maxDelayMs: 8_000 };
/** A successful sign-in from an address vouches for it for this long (username lock only). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;

export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** Until when the key is locked at `now`, or null. */
export function lockedUntil(state: ThrottleState | null, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

/**
 * The state after one more attempt at `now`. Attempts are counted before the password is
 * checked (lib/data/login-throttle.ts does this in one SQL statement), so a burst of
 * parallel attempts cannot have more passwords checked than the limit: the attempt that
 * brings the count to `lockAt` is the last one checked and sets the lock; later ones are
 * counted and refused until the lock runs out, when the count starts again at 1.
 */
export function recordAttempt(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  if (state && lockedUntil(state, now)) return { ...state, failures: state.failures + 1, lastFailureAt: now };
  const fresh = !state || state.lockedUntil !== null || now.getTime() - state.windowStart.getTime() > policy.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    windowStart: fresh ? now : state.windowStart,
    lastFailureAt: now,
    lockedUntil: failures >= policy.lockAt ? new Date(now.getTime() + policy.lockMs) : null,
  };
}

/** The attempt that brought the count to `failures` may have its password checked. */
export function admits(failures: number, policy: ThrottlePolicy): boolean {
  return failures <= policy.lockAt;
}

/** How long to hold back the answer to the failure that brought the count to `failures`. */
export function failureDelayMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.delayFrom || failures >= policy.lockAt) return 0;
  return Math.min(1_000 * 2 ** (failures - policy.delayFrom), policy.maxDelayMs);
}

/** Whole minutes (at least 1) until `until`, for the message shown to the user. */
export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
