// Every audit event is written here, with its action from one typed list: who did what to
// which entity, old and new values, why, in the transaction of the change it describes. The
// audit log (/audit) names each action in both languages (catalogue entry.audit.actionNames;
// tests/unit/audit-action-names.test.ts checks every action has its name).
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

export const AUDIT_ACTIONS = [
  "figure.create", "figure.update",
  "unit.create", "unit.update", "unit.rename", "unit.dissolve", "unit.merge", "unit.reorganise", "unit.reorganise_undo",
  "campaign.create", "campaign.update",
  "target.create", "target.update", "target.delete", "target_share.set", "target_share.remove",
  "population.create", "population.update",
  "lock.create", "report.issue", "issuing.update", "criticism_rule.update", "import_mapping.update",
  "board.update", "board.publish",
  "agency.create", "agency.update", "agency_headcount.set", "agency_weekly.create", "agency_weekly.update", "agency_deadline.set",
  "user.create", "user.update", "user.activate", "user.deactivate", "user.move",
  "user.password_change", "user.password_wrong", "user.password_refused", "user.password_reset",
  "token.create", "token.revoke",
  "login.success", "login.failure", "login.refused",
  "seed.demo",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One audit event: a row of audit_event whose action is one of AUDIT_ACTIONS. */
export type AuditEventInput = Omit<Prisma.AuditEventUncheckedCreateInput, "id" | "at" | "action"> & { action: AuditAction };

type Writer = Pick<Db, "auditEvent">;

/** Writes one audit event, in the caller's transaction (`tx`) or on the client (a Prisma promise, so it can join a batch). */
export function writeAudit(tx: Writer, event: AuditEventInput) {
  return tx.auditEvent.create({ data: event, select: { id: true } });
}

/**
 * Writes many audit events in one statement, whatever their number: each column is one array
 * parameter (unnest), so an import's 11,000 events take one statement, not one per event, nor
 * Prisma's createMany, which spent 13 s building the statement for them.
 */
export async function writeAudits(tx: Pick<Db, "$executeRaw">, events: readonly AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  const column = <T>(pick: (event: AuditEventInput) => T) => events.map(pick);
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO audit_event (user_id, action, entity, entity_key, unit_id, old_value, new_value, reason)
    SELECT * FROM unnest(
      ${column((e) => e.userId ?? null)}::int[], ${column((e) => e.action)}::text[], ${column((e) => e.entity)}::text[],
      ${column((e) => e.entityKey ?? null)}::text[], ${column((e) => e.unitId ?? null)}::int[],
      ${column((e) => json(e.oldValue))}::jsonb[], ${column((e) => json(e.newValue))}::jsonb[], ${column((e) => e.reason ?? null)}::text[])`;
}
