// One commune's plausible day in the demo, shared by Quảng Nam's 2023 campaign and Đà Nẵng's
// present one: dossiers collected around the commune's pace (less at weekends), most of them
// registered as accounts, a share of those activated (never more than registered), some
// chip-ID card applications.
/**
 * The day Quảng Nam's campaign ends on when the demo holds the present: the press figures' day
 * (../shared/DOMAIN.md). Here, free of imports, so that the end-to-end specs can read it.
 */
export const DEMO_2023_DAY = "2023-06-07";

export const DEMO_METRICS = ["dossiers", "accounts", "activated", "cccd"] as const;
export type DemoMetric = (typeof DEMO_METRICS)[number];

/** The level-2 metrics, derived from the day's running totals so that they use no random draw. */
export const DEMO_LEVEL_TWO = ["accounts_l2", "activated_l2"] as const;
export type DemoLevelTwo = (typeof DEMO_LEVEL_TWO)[number];

/**
 * The level-2 running totals (mức độ 2) of a commune whose accounts and activations have
 * reached these running totals: about three in five, never more than the accounts or the
 * activations they are part of, and never more activated than registered at level 2. Running
 * totals that only grow give level-2 totals that only grow, so every day's count is ≥ 0.
 */
export function levelTwoTotals(accounts: number, activated: number): Record<DemoLevelTwo, number> {
  const accountsL2 = Math.floor(accounts * 0.62);
  return { accounts_l2: accountsL2, activated_l2: Math.min(Math.floor(activated * 0.58), accountsL2) };
}

/** `pace`: the commune's own; `paceToday`: the day's, when its pace turns (default its own). */
export function dailyCounts(input: { population: number; days: number; pace: number; paceToday?: number; weekend: boolean; rand: () => number }): Record<DemoMetric, number> {
  const { population, days, pace, weekend, rand } = input;
  const base = (population / days) * (input.paceToday ?? pace) * (weekend ? 0.4 : 1) * (0.6 + rand() * 0.8);
  const dossiers = Math.max(0, Math.round(base));
  const accounts = Math.round(dossiers * (0.8 + rand() * 0.15));
  const activated = Math.round(accounts * (0.55 + pace * 0.25 + rand() * 0.1) * 0.9);
  const cccd = Math.round(dossiers * 0.3 * rand());
  return { dossiers, accounts, activated: Math.min(activated, accounts), cccd };
}
