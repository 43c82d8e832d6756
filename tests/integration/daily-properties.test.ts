import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { dailyFigureInputSchema } from "@/lib/validation/daily-figures";
import { smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { expectStoredFiguresValid } from "../support/stored-figures";

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
        await expectStoredFiguresValid(testDb(), { notAfter: "2023-06-10" });
      }),
      { numRuns: 80, seed: 20261123 },
    );
    // The property is only worth something if both outcomes happened.
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(await testDb().figure.count()).toBeGreaterThan(0);
  });
});
