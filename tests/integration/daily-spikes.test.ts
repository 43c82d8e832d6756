import { beforeEach, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { addDays } from "@/lib/domain/dates";
import { SPIKE_WINDOW_DAYS } from "@/lib/domain/daily-rules";
import { realisticHistory } from "../support/realistic-history";
import { ADMIN, createUnits } from "./fixtures";
import { resetDatabase } from "./helpers";

const COMMUNES = 120;
const DAYS = 30;
const FIRST_DAY = "2023-05-01";
const NOW = new Date("2023-06-01T05:00:00Z");

const communeCode = (index: number) => `901${String(index + 1).padStart(3, "0")}`;
const csv = (rows: string[]) => ["date,unit_code,metric,value,kind", ...rows].join("\n");
const rowsOfDay = (history: number[][], day: number) =>
  history.map((counts, index) => `${addDays(FIRST_DAY, day)},${communeCode(index)},activated,${counts[day]},daily`);

describe("spikes on realistic history, through the import", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await createUnits(db, [
      ["90", "Tỉnh Thử Nghiệm", null],
      ["901", "Huyện Bắc", "90"],
      ...Array.from({ length: COMMUNES }, (_, i): [string, string, string] => [communeCode(i), `Xã ${i + 1}`, "901"]),
    ]);
  });

  it("flags no day of a month of random counts 0–59, and flags a day ten times the usual", async () => {
    const history = realisticHistory(19, COMMUNES, DAYS);
    // Three weeks in one file (the history is the file's own rows), then day by day (the
    // history is what is stored).
    const firstWeeks = await importCsv(ADMIN, "daily", csv(Array.from({ length: 21 }, (_, day) => rowsOfDay(history, day)).flat()), { now: NOW });
    expect(firstWeeks.errors).toEqual([]);
    expect(firstWeeks.written).toBe(21 * COMMUNES);
    for (let day = 21; day < DAYS; day++) {
      const result = await importCsv(ADMIN, "daily", csv(rowsOfDay(history, day)), { now: NOW });
      expect(result.errors).toEqual([]);
    }

    const tenfold = history.map((counts) => {
      const recent = counts.slice(-SPIKE_WINDOW_DAYS);
      return Math.round((10 * recent.reduce((sum, count) => sum + count, 0)) / recent.length);
    });
    const lastDay = addDays(FIRST_DAY, DAYS);
    const spikes = csv(tenfold.map((count, index) => `${lastDay},${communeCode(index)},activated,${count},daily`));
    const refused = await importCsv(ADMIN, "daily", spikes, { now: NOW });
    expect(refused.ok).toBe(false);
    expect(refused.errors.map((e) => e.line)).toEqual(tenfold.map((_, index) => index + 2));
    expect(refused.errors[0].message).toMatch(/^Số trong ngày .* cao hơn 5 lần trung bình 14 ngày có báo cáo gần nhất \(\d+\): cần xác nhận\.$/);
    expect(await importCsv(ADMIN, "daily", spikes, { now: NOW, confirmSpikes: true })).toMatchObject({ ok: true, written: COMMUNES });
  });
});
