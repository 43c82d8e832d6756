// The tests' clock (tests/support/clock.mjs): TEST_TODAY moves `new Date()` and `Date.now()`
// to that day in vitest's workers and in every Node process a test starts, and nothing else.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { todayInVietnam } from "@/lib/domain/dates";

const CLOCK = path.resolve(import.meta.dirname, "../support/clock.mjs");
const PRINT = "console.log(JSON.stringify({ today: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()), now: Date.now(), epoch: new Date(0).toISOString(), isDate: new Date() instanceof Date, shift: process.env.TEST_CLOCK_SHIFT, child: JSON.parse(require('node:child_process').execFileSync(process.execPath, ['-e', 'console.log(JSON.stringify({ year: new Date(Date.now()).toISOString().slice(0, 4), shift: process.env.TEST_CLOCK_SHIFT }))'], { encoding: 'utf8' })) }))";

function underClock(day: string) {
  const out = execFileSync(process.execPath, ["--import", CLOCK, "-e", PRINT], { env: { ...process.env, TEST_TODAY: day, NODE_OPTIONS: "" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(out) as { today: string; now: number; epoch: string; isDate: boolean; shift: string; child: { year: string; shift: string } };
}

describe("the tests' clock", { timeout: 60_000 }, () => {
  it("runs this worker on TEST_TODAY when it is set, on the real day otherwise", () => {
    const real = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(performance.timeOrigin + performance.now());
    expect(todayInVietnam()).toBe(process.env.TEST_TODAY || real);
  });

  it("sets new Date() and Date.now() to 10:00 in Vietnam on the day named, in the process and the processes it starts", () => {
    const seen = underClock("2031-02-03");
    expect(seen.today).toBe("2031-02-03");
    expect(new Date(seen.now).toISOString().slice(0, 13)).toBe("2031-02-03T03");
    expect(seen.shift).toMatch(/^2031-02-03@\d+$/);
    expect(seen.child).toEqual({ year: "2031", shift: seen.shift });
    expect(seen.epoch).toBe("1970-01-01T00:00:00.000Z");
    expect(seen.isDate).toBe(true);
  });

  it("refuses a day that is not YYYY-MM-DD", () => {
    expect(() => underClock("04/12/2027")).toThrow(/TEST_TODAY must be a day written YYYY-MM-DD/);
  });
});
