// Realistic daily history for the spike rule's tests: what issue 19 measured the old rule on
// (random daily counts 0–59, every day, for every commune), from a seeded generator so that
// every run sees the same figures.

/** mulberry32: small, fast and good enough to stand for a commune's daily counts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `units` series of `days` daily counts, each a whole number from 0 to 59. */
export function realisticHistory(seed: number, units: number, days: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => Array.from({ length: days }, () => Math.floor(random() * 60)));
}
