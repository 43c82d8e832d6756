// Moves this process's clock to the day TEST_TODAY names (YYYY-MM-DD, as a day in Vietnam),
// keeping the time of day and letting it run: `new Date()` and `Date.now()` are shifted by a
// whole number of days, every other use of Date is untouched. `npm test` runs the
// integration suite a second time with TEST_TODAY a year ahead, so a test whose outcome
// depends on the real date fails there rather than on some future morning. Loaded by vitest
// (setupFiles) and, through NODE_OPTIONS, by every Node process a test starts (the CLI).
// Plain JavaScript so that `node --import` can load it without a TypeScript loader.
import { fileURLToPath } from "node:url";

const SHIFTED = Symbol.for("vneid.test-clock");
const today = process.env.TEST_TODAY;

/** Whole days from the real day in Vietnam to `day`. */
function daysAhead(RealDate, day) {
  const real = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new RealDate());
  return Math.round((RealDate.parse(`${day}T00:00:00Z`) - RealDate.parse(`${real}T00:00:00Z`)) / 86_400_000);
}

if (today && !globalThis[SHIFTED]) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    throw new Error(`TEST_TODAY must be a day written YYYY-MM-DD, not "${today}"`);
  }
  const RealDate = globalThis.Date;
  const offset = daysAhead(RealDate, today) * 86_400_000;
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
