// Sign-in throttling policy, pure. Every attempt is counted under two keys, the username and
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

/** The state after one more failure at `now`. */
export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: Date): ThrottleState {
  const lockExpired = state?.lockedUntil != null && lockedUntil(state, now) === null;
  const expired = !state || lockExpired || now.getTime() - state.windowStart.getTime() > policy.windowMs;
  const failures = expired ? 1 : state.failures + 1;
  const windowStart = expired ? now : state.windowStart;
  return {
    failures,
    windowStart,
    lastFailureAt: now,
    lockedUntil: failures >= policy.lockAt ? new Date(now.getTime() + policy.lockMs) : null,
  };
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
