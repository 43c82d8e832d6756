/**
 * The one rounding rule for every percentage shown anywhere: actual / target × 100,
 * rounded half up to 2 decimals, computed from integers so that 52000 / 62600 gives
 * 83.07 (not the 83.06 sometimes printed). `null` when there is no (positive) target.
 */
export function percentOf(actual: number, target: number | null | undefined): number | null {
  if (target === null || target === undefined || target <= 0) return null;
  // Work in integers: hundredths of a percent = actual × 10000 / target, half up.
  const scaled = BigInt(actual) * 20000n + BigInt(target);
  const twice = BigInt(target) * 2n;
  const hundredths = actual >= 0 ? scaled / twice : -((-BigInt(actual) * 20000n + BigInt(target)) / twice);
  return Number(hundredths) / 100;
}

/**
 * Percentage points gained from `before` to `now` (two percents of percentOf), exact to the
 * hundredth: from hundredths, so 24.37 − 24.36 is 0.01, not 0.010000000000001563. `null`
 * when either is unknown.
 */
export function pointsBetween(now: number | null, before: number | null | undefined): number | null {
  if (now === null || before === null || before === undefined) return null;
  return (Math.round(now * 100) - Math.round(before * 100)) / 100;
}
