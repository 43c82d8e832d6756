import { describe, expect, it } from "vitest";
import { ADDRESS_POLICY, USERNAME_POLICY, admits, failureDelayMs, lockedUntil, minutesUntil, recordAttempt, type ThrottleState } from "@/lib/domain/login-throttle";

const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function fail(times: number, policy = USERNAME_POLICY, start: ThrottleState | null = null, everySeconds = 1): ThrottleState | null {
  let state = start;
  for (let i = 0; i < times; i++) state = recordAttempt(state, policy, at(i * everySeconds));
  return state;
}

describe("sign-in throttling policy", () => {
  it("locks a username for 5 minutes at the 5th failure within 15 minutes", () => {
    const four = fail(4)!;
    expect(four.failures).toBe(4);
    expect(lockedUntil(four, at(4))).toBeNull();
    const five = recordAttempt(four, USERNAME_POLICY, at(4));
    expect(lockedUntil(five, at(5))).toEqual(at(4 + 300));
    expect(lockedUntil(five, at(4 + 300))).toBeNull();
  });

  it("locks an address only at its 20th failure, for 15 minutes", () => {
    const nineteen = fail(19, ADDRESS_POLICY)!;
    expect(lockedUntil(nineteen, at(19))).toBeNull();
    const twenty = recordAttempt(nineteen, ADDRESS_POLICY, at(19));
    expect(lockedUntil(twenty, at(20))).toEqual(at(19 + 900));
  });

  it("starts a new count when the window has passed, and after a lock has run out", () => {
    const four = fail(4)!;
    expect(recordAttempt(four, USERNAME_POLICY, at(15 * 60 + 1)).failures).toBe(1);
    const locked = fail(5)!;
    const afterLock = recordAttempt(locked, USERNAME_POLICY, at(4 + 301));
    expect(afterLock.failures).toBe(1);
    expect(afterLock.lockedUntil).toBeNull();
  });

  it("keeps counting while locked, so only the attempts up to the limit are admitted", () => {
    const five = fail(5)!;
    expect(admits(five.failures, USERNAME_POLICY)).toBe(true); // the 5th is checked, and locks
    const sixth = recordAttempt(five, USERNAME_POLICY, at(10));
    expect(sixth).toEqual({ ...five, failures: 6, lastFailureAt: at(10) });
    expect(admits(sixth.failures, USERNAME_POLICY)).toBe(false);
    expect(admits(20, ADDRESS_POLICY)).toBe(true);
    expect(admits(21, ADDRESS_POLICY)).toBe(false);
  });

  it.each([
    { failures: 1, policy: USERNAME_POLICY, delay: 0 },
    { failures: 2, policy: USERNAME_POLICY, delay: 0 },
    { failures: 3, policy: USERNAME_POLICY, delay: 1000 },
    { failures: 4, policy: USERNAME_POLICY, delay: 2000 },
    { failures: 5, policy: USERNAME_POLICY, delay: 0 }, // locked: answered at once
    { failures: 9, policy: ADDRESS_POLICY, delay: 0 },
    { failures: 10, policy: ADDRESS_POLICY, delay: 1000 },
    { failures: 13, policy: ADDRESS_POLICY, delay: 8000 },
    { failures: 19, policy: ADDRESS_POLICY, delay: 8000 },
  ])("answers failure $failures after $delay ms", ({ failures, policy, delay }) => {
    expect(failureDelayMs(failures, policy)).toBe(delay);
  });

  it("words the remaining lock time in whole minutes, at least one", () => {
    expect(minutesUntil(at(300), at(0))).toBe(5);
    expect(minutesUntil(at(61), at(0))).toBe(2);
    expect(minutesUntil(at(1), at(0))).toBe(1);
  });
});
