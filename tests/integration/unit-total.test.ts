// A leaf's running totals are its figures; daily_total holds the parents' rows only, and the
// view unit_total reads both as one (migration 20261206001000). The engine must never write a
// leaf's row into daily_total (each imported row would be written twice again), and every
// reader sees the leaves' totals through the view.
import { beforeEach, describe, expect, it } from "vitest";
import { importCsv } from "@/lib/data/import";
import { cumulativeAt, runningTotalsByDay } from "@/lib/data/figures-at";
import { ADMIN, smallTree } from "./fixtures";
import { resetDatabase, testDb } from "./helpers";
import { totalsAgainstRebuild } from "../support/maintained-totals";

const NOW = new Date("2023-06-30T05:00:00Z");

describe("unit_total: leaves from their figures, parents from daily_total", () => {
  beforeEach(async () => {
    const db = await resetDatabase();
    await smallTree(db);
  });

  it("writes no leaf row into daily_total, and reads each unit's totals through the view", async () => {
    const csv = [
      "date,unit_code,metric,value,kind",
      "2023-06-01,90101,dossiers,5,daily",
      "2023-06-02,90101,dossiers,7,daily",
      "2023-06-01,90102,dossiers,3,daily",
      "2023-06-03,90201,dossiers,11,daily",
    ].join("\n");
    expect(await importCsv(ADMIN, "daily", csv, { now: NOW })).toMatchObject({ ok: true, written: 4 });
    const db = testDb();
    const leafRows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM daily_total t WHERE NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = t.unit_id)`;
    expect(leafRows[0].n).toBe(0);
    // the parents: district 901 (two communes), 902, and the province, each on its days
    const parentRows = await db.$queryRaw<{ code: string; date: string; daily: number; cumulative: number }[]>`
      SELECT u.code, to_char(t.date, 'YYYY-MM-DD') AS date, t.daily, t.cumulative
      FROM daily_total t JOIN unit u ON u.id = t.unit_id ORDER BY u.code, t.date`;
    expect(parentRows).toEqual([
      { code: "90", date: "2023-06-01", daily: 8, cumulative: 8 },
      { code: "90", date: "2023-06-02", daily: 7, cumulative: 15 },
      { code: "90", date: "2023-06-03", daily: 11, cumulative: 26 },
      { code: "901", date: "2023-06-01", daily: 8, cumulative: 8 },
      { code: "901", date: "2023-06-02", daily: 7, cumulative: 15 },
      { code: "902", date: "2023-06-03", daily: 11, cumulative: 11 },
    ]);

    const ids = new Map((await db.unit.findMany({ select: { id: true, code: true } })).map((u) => [u.code, u.id]));
    const dossiers = (await db.metric.findUniqueOrThrow({ where: { code: "dossiers" }, select: { id: true } })).id;
    const at = await cumulativeAt([ids.get("90101")!, ids.get("901")!, ids.get("90")!], dossiers, ["2023-06-01", "2023-06-05"]);
    expect(at.get(`${ids.get("90101")}|2023-06-01`)).toBe(5);
    expect(at.get(`${ids.get("90101")}|2023-06-05`)).toBe(12);
    expect(at.get(`${ids.get("901")}|2023-06-05`)).toBe(15);
    expect(at.get(`${ids.get("90")}|2023-06-05`)).toBe(26);
    expect(await runningTotalsByDay([ids.get("90102")!, ids.get("90201")!], dossiers, "2023-06-01", "2023-06-03")).toEqual([
      { day: "2023-06-01", cumulative: 3 },
      { day: "2023-06-02", cumulative: 3 },
      { day: "2023-06-03", cumulative: 14 },
    ]);
    expect(await totalsAgainstRebuild(db)).toEqual({ figureCumulative: [], dailyTotal: [], unitReport: [] });
  });
});
