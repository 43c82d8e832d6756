// Sets this process's clock to the day TEST_TODAY names (YYYY-MM-DD, a day in Vietnam), at
// 10:00 there, and lets it run: `new Date()` and `Date.now()` are shifted, every other use of
// Date is untouched. The first process to load it fixes the shift (TEST_CLOCK_SHIFT) and every
// process started from it reuses it, so they all agree on the time and no run crosses
// midnight. `npm test` runs the vitest suites with TEST_TODAY set to today and then a year
// ahead, so a test whose outcome depends on the real date fails there rather than on some
// future morning. Loaded by vitest's config and workers and, through NODE_OPTIONS, by every
// Node process a test starts (the CLI). Plain JavaScript, so that `node --import` can load it
// without a TypeScript loader.
import { fileURLToPath } from "node:url";

const SHIFTED = Symbol.for("vneid.test-clock");
const today = process.env.TEST_TODAY;

/** The shift (ms) that puts now at 10:00 in Vietnam on `day`: inherited, or fixed here. */
function shiftFor(RealDate, day) {
  const [inheritedDay, inherited] = (process.env.TEST_CLOCK_SHIFT ?? "").split("@");
  if (inheritedDay === day && /^-?\d+$/.test(inherited ?? "")) return Number(inherited);
  const shift = RealDate.parse(`${day}T03:00:00Z`) - RealDate.now();
  process.env.TEST_CLOCK_SHIFT = `${day}@${shift}`;
  return shift;
}

if (today && !globalThis[SHIFTED]) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new Error(`TEST_TODAY must be a day written YYYY-MM-DD, not "${today}"`);
  }
  const RealDate = globalThis.Date;
  const offset = shiftFor(RealDate, today);
  const now = () => RealDate.now() + offset;
  globalThis.Date = new Proxy(RealDate, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
    apply: () => new RealDate(now()).toString(),
    get: (target, property, receiver) => (property === "now" ? now : Reflect.get(target, property, receiver)),
  });
  globalThis[SHIFTED] = true;
  // Processes started from this one (the CLI in tests) get the same clock.
  const self = `--import=${fileURLToPath(import.meta.url)}`;
  if (!(process.env.NODE_OPTIONS ?? "").includes(self)) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} ${self}`.trim();
}
