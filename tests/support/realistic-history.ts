// Realistic daily history for the spike rule's tests: what issue 19 measured the old rule on
// (random daily counts 0–59, every day, for every commune), from a seeded generator so that
// every run sees the same figures.
import { seededRandom } from "@/lib/domain/random";

/** `units` series of `days` daily counts, each a whole number from 0 to 59. */
export function realisticHistory(seed: number, units: number, days: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: units }, () => Array.from({ length: days }, () => Math.floor(random() * 60)));
}
