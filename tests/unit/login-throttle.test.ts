import { describe, expect, it } from "vitest";
import { ADDRESS_POLICY, USERNAME_POLICY, failureDelayMs, lockedUntil, minutesUntil, recordFailure, type ThrottleState } from "@/lib/domain/login-throttle";

const T0 = new Date("2026-11-23T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function fail(times: number, policy = USERNAME_POLICY, start: ThrottleState | null = null, everySeconds = 1): ThrottleState | null {
  let state = start;
  for (let i = 0; i < times; i++) state = recordFailure(state, policy, at(i * everySeconds));
  return state;
}

describe("sign-in throttling policy", () => {
  it("locks a username for 5 minutes at the 5th failure within 15 minutes", () => {
    const four = fail(4)!;
    expect(four.failures).toBe(4);
    expect(lockedUntil(four, at(4))).toBeNull();
    const five = recordFailure(four, USERNAME_POLICY, at(4));
    expect(lockedUntil(five, at(5))).toEqual(at(4 + 300));
    expect(lockedUntil(five, at(4 + 300))).toBeNull();
  });

  it("locks an address only at its 20th failure, for 15 minutes", () => {
    const nineteen = fail(19, ADDRESS_POLICY)!;
    expect(lockedUntil(nineteen, at(19))).toBeNull();
    const twenty = recordFailure(nineteen, ADDRESS_POLICY, at(19));
    expect(lockedUntil(twenty, at(20))).toEqual(at(19 + 900));
  });

  it("starts a new count when the window has passed, and after a lock has run out", () => {
    const four = fail(4)!;
    expect(recordFailure(four, USERNAME_POLICY, at(15 * 60 + 1)).failures).toBe(1);
    const locked = fail(5)!;
    const afterLock = recordFailure(locked, USERNAME_POLICY, at(4 + 301));
    expect(afterLock.failures).toBe(1);
    expect(afterLock.lockedUntil).toBeNull();
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
