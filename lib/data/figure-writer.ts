// The single write path for daily figures, shared by the entry grid, the CSV import and
// POST /api/v1/daily. Callers validate and check permission first; this applies the
// changes, keeps cumulative totals exact, and writes one audit event per changed figure,
// all inside the caller's transaction.
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { AppError } from "./errors";
import { lockSeries, shiftTotalsBatch, type ReportMark, type TotalShift } from "./totals";
import { slices } from "@/lib/db/slices";
import { writeAudits, type AuditEventInput } from "./audit";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface FigureChange {
  unitId: number;
  /** ids of the unit's ancestors, root first; their totals move with the leaf's */
  ancestorIds: number[];
  unitCode: string;
  metricId: number;
  metricCode: string;
  day: string;
  /** the new value, as the day's count or as the running total at the end of the day */
  value: number;
  kind: "daily" | "cumulative";
  reason?: string | null;
  /**
   * When given, the change applies only if the stored figure still has this version (null:
   * only if there is none yet); otherwise the whole transaction fails with a CONFLICT.
   */
  expectedVersion?: number | null;
}

export interface AppliedChange {
  unitCode: string;
  metricCode: string;
  day: string;
  oldValue: number | null;
  newValue: number;
  cumulative: number;
}

/** Running total of a leaf for a metric at the end of the day before `day`. */
async function cumulativeBefore(tx: Tx, unitId: number, metricId: number, day: string): Promise<number> {
  const previous = await tx.figure.findFirst({
    where: { unitId, metricId, date: { lt: dayToDate(day) } },
    orderBy: { date: "desc" },
    select: { cumulative: true },
  });
  return previous?.cumulative ?? 0;
}

/**
 * Applies changes in order. A change equal to what is stored writes nothing (so a
 * repeated submission is harmless). Returns what actually changed.
 */
export async function applyFigureChanges(tx: Tx, actorId: number | null, changes: readonly FigureChange[]): Promise<AppliedChange[]> {
  const applied: AppliedChange[] = [];
  if (changes.length === 0) return applied;
  const totals = new Map<string, TotalShift>();
  const reports = new Map<string, ReportMark>();
  const audits: AuditEventInput[] = [];
  // Read once for the whole submission (a save at the cutoff should be a few statements,
  // not a few per cell), then kept up to date here as the changes are applied in order.
  const series = (unitId: number, metricId: number) => `${unitId}|${metricId}`;
  const cell = (unitId: number, metricId: number, day: string) => `${unitId}|${metricId}|${day}`;
  const keys = changes.map((c) => ({ unitId: c.unitId, metricId: c.metricId }));
  // Saves of the same commune's metric queue here, before either touches its figures: a
  // back-dated change updates every later figure of the series, and two saves doing so from
  // different days would otherwise lock the same rows in opposite orders and deadlock.
  await lockSeries(tx, keys);
  const stored = new Map<string, { value: number; cumulative: number; version: number }>();
  for (const f of await tx.figure.findMany({
    where: { OR: changes.map((c) => ({ unitId: c.unitId, metricId: c.metricId, date: dayToDate(c.day) })) },
    select: { unitId: true, metricId: true, date: true, value: true, cumulative: true, version: true },
  })) stored.set(cell(f.unitId, f.metricId, dateToDay(f.date)), { value: f.value, cumulative: f.cumulative, version: f.version });
  const lastDay = new Map<string, string>();
  for (const g of await tx.figure.groupBy({ by: ["unitId", "metricId"], where: { OR: keys }, _max: { date: true } })) {
    if (g._max.date) lastDay.set(series(g.unitId, g.metricId), dateToDay(g._max.date));
  }

  for (const change of changes) {
    const date = dayToDate(change.day);
    const key = { unitId: change.unitId, metricId: change.metricId, date };
    const existing = stored.get(cell(change.unitId, change.metricId, change.day));
    if (change.expectedVersion !== undefined && (existing?.version ?? null) !== change.expectedVersion) {
      throw new AppError("CONFLICT", `${change.unitCode}:${change.metricCode}:${change.day}`);
    }
    const before = existing ? existing.cumulative - existing.value : await cumulativeBefore(tx, change.unitId, change.metricId, change.day);
    const newDaily = change.kind === "daily" ? change.value : change.value - before;
    if (existing && existing.value === newDaily) continue;
    const delta = newDaily - (existing?.value ?? 0);

    if (existing) {
      // The version in the filter makes a concurrent save of the same cell fail here.
      const updated = await tx.figure.updateMany({
        where: { ...key, version: existing.version },
        data: { value: newDaily, cumulative: { increment: delta }, version: { increment: 1 }, updatedById: actorId, updatedAt: new Date() },
      });
      if (updated.count !== 1) throw new AppError("CONFLICT", `${change.unitCode}:${change.metricCode}:${change.day}`);
    } else {
      await tx.figure.create({
        data: { ...key, value: newDaily, cumulative: before + newDaily, updatedById: actorId },
      });
    }
    stored.set(cell(change.unitId, change.metricId, change.day), { value: newDaily, cumulative: before + newDaily, version: (existing?.version ?? 0) + 1 });
    const last = lastDay.get(series(change.unitId, change.metricId));
    if (last !== undefined && last > change.day) {
      await tx.figure.updateMany({
        where: { unitId: change.unitId, metricId: change.metricId, date: { gt: date } },
        data: { cumulative: { increment: delta } },
      });
      for (const [k, f] of stored) {
        const [u, m, d] = k.split("|");
        if (Number(u) === change.unitId && Number(m) === change.metricId && d > change.day) f.cumulative += delta;
      }
    }
    if (last === undefined || last < change.day) lastDay.set(series(change.unitId, change.metricId), change.day);
    reports.set(`${change.unitId}|${change.day}`, { unitIds: [...change.ancestorIds, change.unitId], day: change.day });
    for (const unitId of [...change.ancestorIds, change.unitId]) {
      const shift = `${unitId}|${change.metricId}|${change.day}`;
      totals.set(shift, { unitId, metricId: change.metricId, day: change.day, delta: (totals.get(shift)?.delta ?? 0) + delta });
    }

    const cumulative = before + newDaily;
    audits.push({
      userId: actorId,
      action: existing ? "figure.update" : "figure.create",
      entity: "figure",
      entityKey: `${change.unitCode}:${change.metricCode}:${change.day}`,
      unitId: change.unitId,
      ...(existing ? { oldValue: { daily: existing.value, cumulative: existing.cumulative } } : {}),
      newValue: { daily: newDaily, cumulative },
      reason: change.reason ?? null,
    });
    applied.push({
      unitCode: change.unitCode,
      metricCode: change.metricCode,
      day: dateToDay(date),
      oldValue: existing?.value ?? null,
      newValue: newDaily,
      cumulative,
    });
  }
  for (const slice of slices(audits, Prisma.AuditEventScalarFieldEnum)) await writeAudits(tx, slice);
  // The totals (the leaf's and every ancestor's) move last, in a few statements, so that the
  // rows every save in the province touches are locked as briefly as possible.
  await shiftTotalsBatch(tx, [...totals.values()], [...reports.values()]);
  return applied;
}
