import "server-only";
// Period locks: once a report is issued, an administrator locks the days up to a date for a
// unit's subtree. The lock is checked by lib/data/daily-engine.ts on every write.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db, type Db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { m } from "@/lib/i18n/message";
import { AppError } from "./errors";
import { writeAudit } from "./audit";
import { unitOnDay } from "./unit-on-day";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export interface PeriodLockDTO {
  id: number;
  unitCode: string;
  unitName: string;
  until: string;
  reason: string;
  createdAt: string;
}

export async function createPeriodLock(actor: Actor, input: { unitCode: string; untilDate: string; reason: string }): Promise<PeriodLockDTO> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
  return db().$transaction(async (tx) => {
    const unit = await unitOnDay(tx, input.unitCode, input.untilDate, { id: true, code: true, name: true });
    if (!unit) throw new AppError("NOT_FOUND", { subject: "unit", fieldErrors: { unitCode: [m("validation.lock.noUnit")] } });
    return insertPeriodLock(tx, actor, unit, input.untilDate, input.reason);
  });
}

/**
 * Writes a lock and its audit event inside the caller's transaction. The caller has checked
 * permission: an administrator here, or a leader issuing a weekly report (lib/data/issued-reports.ts).
 */
export async function insertPeriodLock(tx: Tx, actor: Actor, unit: { id: number; code: string; name: string }, untilDate: string, reason: string): Promise<PeriodLockDTO> {
  const lock = await tx.periodLock.create({ data: { unitId: unit.id, untilDate: dayToDate(untilDate), reason, createdById: actor.id } });
  await writeAudit(tx, {
      userId: actor.id, action: "lock.create", entity: "period_lock", entityKey: `${unit.code}:${untilDate}`,
      unitId: unit.id, newValue: { until: untilDate }, reason,
    });
  return { id: lock.id, unitCode: unit.code, unitName: unit.name, until: untilDate, reason: lock.reason, createdAt: lock.createdAt.toISOString() };
}

export async function listPeriodLocks(actor: Actor): Promise<PeriodLockDTO[]> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
  const locks = await db().periodLock.findMany({ orderBy: { createdAt: "desc" }, take: 100 });
  const units = new Map((await db().unit.findMany({ where: { id: { in: locks.map((l) => l.unitId) } }, select: { id: true, code: true, name: true } })).map((u) => [u.id, u]));
  return locks.map((l) => ({
    id: l.id, unitCode: units.get(l.unitId)?.code ?? "", unitName: units.get(l.unitId)?.name ?? "",
    until: dateToDay(l.untilDate), reason: l.reason, createdAt: l.createdAt.toISOString(),
  }));
}
