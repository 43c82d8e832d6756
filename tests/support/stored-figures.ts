// What may be in the database whatever was thrown at the app (the hostile-input and the
// property-based suites check it after their inputs): figures only on communes the
// district may edit, never in the future, running totals never negative or above the
// limit, the funnel (activated ≤ accounts ≤ dossiers) on every reported day, the derived
// totals equal to a rebuild from the figures, and an audit event for every figure.
import { expect } from "vitest";
import { rebuildTotals } from "@/lib/data/totals";
import type { Db } from "@/lib/db/client";
import { dateToDay, todayInVietnam } from "@/lib/domain/dates";
import { MAX_COUNT } from "@/lib/validation/daily-figures";

/** Checks every stored figure; `notAfter`: the last day figures may have (default today). Returns how many there are. */
export async function expectStoredFiguresValid(db: Db, { notAfter }: { notAfter?: string } = {}): Promise<number> {
  const stored = await db.figure.findMany({ select: { date: true, cumulative: true, unitId: true, metricId: true }, orderBy: { date: "asc" } });
  const units = new Map((await db.unit.findMany({ select: { id: true, code: true, path: true, _count: { select: { children: true } } } })).map((u) => [u.id, u]));
  const metrics = new Map((await db.metric.findMany({ select: { id: true, code: true } })).map((m) => [m.id, m]));
  const figures = stored.map((f) => ({ ...f, unit: units.get(f.unitId)!, metric: metrics.get(f.metricId)! }));
  const lastDay = notAfter ?? todayInVietnam();
  const audited = new Set((await db.auditEvent.findMany({ where: { entity: "figure" }, select: { entityKey: true } })).map((a) => a.entityKey));
  for (const f of figures) {
    expect(f.unit._count.children).toBe(0);
    expect(f.unit.path.startsWith("90/901/")).toBe(true);
    expect(dateToDay(f.date) <= lastDay).toBe(true);
    expect(f.cumulative).toBeGreaterThanOrEqual(0);
    expect(f.cumulative).toBeLessThanOrEqual(MAX_COUNT);
    expect(audited.has(`${f.unit.code}:${f.metric.code}:${dateToDay(f.date)}`)).toBe(true);
  }
  for (const unit of new Set(figures.map((f) => f.unit.code))) {
    const mine = figures.filter((f) => f.unit.code === unit);
    const latest = new Map<string, number>();
    for (const day of new Set(mine.map((f) => dateToDay(f.date)))) {
      for (const f of mine.filter((x) => dateToDay(x.date) === day)) latest.set(f.metric.code, f.cumulative);
      const [dossiers, accounts, activated] = ["dossiers", "accounts", "activated"].map((m) => latest.get(m));
      if (activated !== undefined && accounts !== undefined) expect(activated).toBeLessThanOrEqual(accounts);
      if (accounts !== undefined && dossiers !== undefined) expect(accounts).toBeLessThanOrEqual(dossiers);
    }
  }
  const snapshot = () => db.dailyTotal.findMany({ orderBy: [{ unitId: "asc" }, { metricId: "asc" }, { date: "asc" }], select: { unitId: true, metricId: true, date: true, daily: true, cumulative: true } });
  const maintained = await snapshot();
  await db.$transaction((tx) => rebuildTotals(tx));
  expect(await snapshot()).toEqual(maintained);
  return figures.length;
}
