import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { rebuildTotals } from "@/lib/data/totals";
import { dateToDay } from "@/lib/domain/dates";
import { dailyFigureInputSchema } from "@/lib/validation/daily-figures";
import { smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";

const NOW = new Date("2023-06-10T05:00:00Z"); // 2023-06-10 in Vietnam
const district: Actor = { id: null, username: "bac", role: "district", unitPath: "90/901/" };

/** Rows as a careless client might send them: mostly plausible, sometimes nonsense. */
const sometimes = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: usual, weight: 12 }, { arbitrary: odd, weight: 1 });
const rowArbitrary = fc.record({
  date: sometimes(fc.constantFrom("2023-06-07", "2023-06-08", "2023-06-09", "2023-06-10"), fc.constantFrom("2023-06-11", "2023-02-30", "", "07/06/2023")),
  unitCode: sometimes(fc.constantFrom("90101", "90102"), fc.oneof(fc.constantFrom("901", "90201", "99999"), fc.string())),
  metric: sometimes(fc.constantFrom("dossiers", "accounts", "activated", "cccd"), fc.constant("nothing")),
  value: sometimes(fc.integer({ min: 0, max: 80 }), fc.oneof(fc.integer({ min: -20, max: -1 }), fc.double(), fc.string(), fc.constant(null))),
  kind: sometimes(fc.constantFrom("daily", "cumulative", undefined), fc.constant("weekly")),
  reason: fc.option(fc.constantFrom("Sửa theo xã", ""), { nil: undefined }),
}, { requiredKeys: ["date", "unitCode", "metric", "value"] });

/** Every stored figure is on an editable leaf, not in the future, and the funnel holds daily. */
async function expectStoredFiguresValid() {
  const db = testDb();
  const figures = await db.figure.findMany({ select: { date: true, cumulative: true, unit: { select: { code: true, path: true, _count: { select: { children: true } } } }, metric: { select: { code: true } } }, orderBy: { date: "asc" } });
  const running = new Map<string, Map<string, number>>();
  for (const f of figures) {
    expect(f.unit._count.children).toBe(0);
    expect(f.unit.path.startsWith("90/901/")).toBe(true);
    expect(dateToDay(f.date) <= "2023-06-10").toBe(true);
    const key = `${f.unit.code}|${dateToDay(f.date)}`;
    running.set(key, (running.get(key) ?? new Map()).set(f.metric.code, f.cumulative));
  }
  // The running total of each metric on every day any metric was reported.
  const units = [...new Set(figures.map((f) => f.unit.code))];
  for (const unit of units) {
    const mine = figures.filter((f) => f.unit.code === unit);
    const latest = new Map<string, number>();
    for (const day of [...new Set(mine.map((f) => dateToDay(f.date)))]) {
      for (const f of mine.filter((x) => dateToDay(x.date) === day)) latest.set(f.metric.code, f.cumulative);
      const get = (m: string) => latest.get(m);
      if (get("activated") !== undefined && get("accounts") !== undefined) expect(get("activated")!).toBeLessThanOrEqual(get("accounts")!);
      if (get("accounts") !== undefined && get("dossiers") !== undefined) expect(get("accounts")!).toBeLessThanOrEqual(get("dossiers")!);
    }
  }
  const snapshot = () => db.dailyTotal.findMany({ orderBy: [{ unitId: "asc" }, { metricId: "asc" }, { date: "asc" }], select: { unitId: true, metricId: true, date: true, daily: true, cumulative: true } });
  const maintained = await snapshot();
  await db.$transaction((tx) => rebuildTotals(tx));
  expect(await snapshot()).toEqual(maintained);
}

describe("daily validation, property-based", () => {
  beforeAll(async () => {
    const db = await resetDatabase();
    await smallTree(db);
  });

  it("random submissions never store an invalid figure and fail only with validation issues", async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 4 }), fc.boolean(), async (raw, confirmSpikes) => {
        const rows = raw.flatMap((r, ref) => {
          const parsed = dailyFigureInputSchema.safeParse(r);
          return parsed.success ? [{ ref, ...parsed.data }] : [];
        });
        if (rows.length === 0) return;
        const before = await testDb().auditEvent.count();
        // Must resolve (never throw): every problem is reported as an issue.
        const result = await saveDailyFigures(district, rows, { now: NOW, confirmSpikes });
        if (result.ok) accepted++;
        else refused++;
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          expect(await testDb().auditEvent.count()).toBe(before);
        }
        await expectStoredFiguresValid();
      }),
      { numRuns: 80, seed: 20261123 },
    );
    // The property is only worth something if both outcomes happened.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(await testDb().figure.count()).toBeGreaterThan(0);
  });
});
