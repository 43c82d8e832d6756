import "server-only";
// The audit log as administrators (everything) and provincial officials (their subtree)
// read it: newest first, filtered, paginated. Also a cell's history for the entry grid.
import { canEditFigures, canReadAuditLog, canViewUnit, readPrefixes, viewScope, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { addDays } from "@/lib/domain/dates";
import { AppError } from "./errors";
import { today, unitOnDay } from "./unit-on-day";
import type { AuditNames } from "@/lib/domain/audit-format";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEventDTO {
  id: string;
  at: string;
  user: string | null;
  action: string;
  entityKey: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}

export interface AuditFilters {
  unitCode?: string | undefined;
  username?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  page: number;
}

export async function listAuditEvents(actor: Actor, filters: AuditFilters): Promise<{ events: AuditEventDTO[]; hasMore: boolean }> {
  if (!canReadAuditLog(actor)) throw new AppError("FORBIDDEN");
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const client = db();
  // A provincial official sees only events about units of their province. A code filter takes
  // every unit that code has named (before and after a reorganisation) that the actor may see.
  // Their unit's past (the units it came from) too.
  let unitPaths = scope ? readPrefixes(actor) : null;
  if (filters.unitCode) {
    unitPaths = (await client.unit.findMany({ where: { code: filters.unitCode }, select: { path: true } })).map((u) => u.path).filter((p) => canViewUnit(actor, p));
    if (!unitPaths.length) return { events: [], hasMore: false };
  }
  const unitIds = unitPaths ? (await client.unit.findMany({ where: { OR: unitPaths.map((p) => ({ path: { startsWith: p } })) }, select: { id: true } })).map((u) => u.id) : null;
  const rows = await client.auditEvent.findMany({
    where: {
      ...(unitIds ? { unitId: { in: unitIds } } : {}),
      ...(filters.username ? { user: { username: filters.username.trim().toLowerCase() } } : {}),
      ...(filters.action ? { action: { startsWith: filters.action } } : {}),
      ...(filters.from || filters.to ? { at: {
        ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00+07:00`) } : {}),
        ...(filters.to ? { lt: new Date(`${addDays(filters.to, 1)}T00:00:00+07:00`) } : {}),
      } } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, at: true, action: true, entityKey: true, oldValue: true, newValue: true, reason: true, user: { select: { displayName: true } } },
  });
  return { events: rows.slice(0, AUDIT_PAGE_SIZE).map(toDTO), hasMore: rows.length > AUDIT_PAGE_SIZE };
}

/** Every change to a unit's figures (optionally one metric and day), newest first. */
export async function listFigureHistory(actor: Actor, unitCode: string, metric?: string, day?: string): Promise<AuditEventDTO[]> {
  // the code on the day asked, else on the actor's (where an ended unit's history stops)
  const unit = await unitOnDay(db(), unitCode, day ?? actor.homeDay ?? today(), { id: true, path: true });
  // Commune police see the district's rankings, but only their own commune's figures.
  const allowed = unit && (canEditFigures(actor, unit.path) || (actor.role !== "commune" && canViewUnit(actor, unit.path)));
  if (!unit || !allowed) throw new AppError("NOT_FOUND");
  const prefix = `${unitCode}:${metric ? `${metric}:${day ?? ""}` : ""}`;
  const rows = await db().auditEvent.findMany({
    where: { entity: "figure", unitId: unit.id, entityKey: { startsWith: prefix } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: 200,
    select: { id: true, at: true, action: true, entityKey: true, oldValue: true, newValue: true, reason: true, user: { select: { displayName: true } } },
  });
  return rows.map(toDTO);
}

function toDTO(row: { id: bigint; at: Date; action: string; entityKey: string | null; oldValue: unknown; newValue: unknown; reason: string | null; user: { displayName: string } | null }): AuditEventDTO {
  return { id: row.id.toString(), at: row.at.toISOString(), user: row.user?.displayName ?? null, action: row.action, entityKey: row.entityKey, oldValue: row.oldValue, newValue: row.newValue, reason: row.reason };
}


/**
 * The names of the codes audit events mention (see auditCodes): units and users by what the
 * events store, metrics in the reader's language. Only what the actor may read is named:
 * units inside their readable scope (viewScope), users of those units and the actor
 * themselves (an administrator: every unit and user). Codes that name nothing, or nothing the
 * actor may read, are left out (the page shows them as codes).
 */
export async function getAuditNames(actor: Actor, codes: readonly string[], locale: "vi" | "en"): Promise<AuditNames> {
  if (codes.length === 0) return { units: {}, metrics: {}, users: {} };
  const client = db();
  const prefixes = readPrefixes(actor);
  const inScope = prefixes === null ? null : { OR: prefixes.map((prefix) => ({ path: { startsWith: prefix } })) };
  const [units, metrics, users] = await Promise.all([
    inScope ? client.unit.findMany({ where: { code: { in: [...codes] }, ...inScope }, select: { code: true, name: true } }) : [],
    client.metric.findMany({ where: { code: { in: [...codes] } }, select: { code: true, nameVi: true, nameEn: true } }),
    client.user.findMany({
      where: {
        username: { in: [...codes] },
        ...(viewScope(actor) === "" ? {} : { OR: [...(inScope ? [{ unit: inScope }] : []), ...(actor.id !== null ? [{ id: actor.id }] : [])] }),
      },
      select: { username: true, displayName: true },
    }),
  ]);
  return {
    units: Object.fromEntries(units.map((u) => [u.code, u.name])),
    metrics: Object.fromEntries(metrics.map((m) => [m.code, locale === "en" ? m.nameEn : m.nameVi])),
    users: Object.fromEntries(users.map((u) => [u.username, u.displayName])),
  };
}
