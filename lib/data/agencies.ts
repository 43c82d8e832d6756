import "server-only";
// Agencies and their staff's level-2 activation (issue 22; docs/agencies.md, the rules in
// lib/domain/agencies.ts). An agency is a reporting entity of its own tree, attached to the
// administrative unit whose officials see it. Its headcount is dated (the latest on or before a
// day counts); its weekly figure is a running total of its own staff activated as of an ISO
// week, entered by its focal point (role `agency`, its agency and sub-agencies) or imported by
// administrators. A figure above the headcount is refused; a figure changed by someone else
// since the form was opened is a conflict (as in daily entry); every change is audited in its
// transaction with the old and new values.
import { canAdminister, canEnterAgencyFigures, canSetAgencyDeadline, canViewAgencies, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { exceedsHeadcount, rankAgencies, type AgencyRanking, type AgencyWeekNode } from "@/lib/domain/agencies";
import { addDays, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { formatNumber } from "@/lib/domain/format";
import { searchKey } from "@/lib/domain/text";
import { formatIsoWeek, weekEnd, weekStart, type IsoWeek } from "@/lib/domain/weeks";
import { m } from "@/lib/i18n/message";
import { writeAudit, writeAudits, type AuditEventInput } from "./audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError, invalidField } from "./errors";
import { getViewableUnit } from "./progress";
import type { Tx } from "./targets-admin";
import { unitsOnDays } from "./unit-on-day";

/** An agency's code: capitals, digits, "-", "_" or "." (no "/", which separates a path's codes). */
export const AGENCY_CODE = /^[A-Z0-9][A-Z0-9._-]{0,39}$/;

/** A refused row of a save: its index in the input, and why. */
export interface AgencyIssue {
  index: number;
  message: string;
  /** a conflict: the value saved meanwhile, and its version */
  current?: { activated: number; version: number };
}

export type AgencySaveResult = { ok: true; written: number } | { ok: false; issues: AgencyIssue[] };

// ---- the tree and its headcounts (administrators; `npm run import -- --kind agencies`) ----

export interface AgencyRecord {
  code: string;
  name: string;
  /** null: a top agency */
  parentCode: string | null;
  /** the administrative unit whose officials see it */
  unitCode: string;
  /** a headcount from this day on, when given */
  asOf?: string;
  headcount?: number;
}

/**
 * Creates or updates agencies (parents before their sub-agencies, from the rows or already
 * stored) and their dated headcounts. Administrators only; all or nothing.
 */
export async function saveAgencies(actor: Actor, rows: readonly AgencyRecord[]): Promise<AgencySaveResult> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN", { subject: "agency" });
  const today = todayInVietnam();
  return db().$transaction(async (tx) => {
    const issues: AgencyIssue[] = [];
    const unitOn = await unitsOnDays(tx, rows.map((r) => r.unitCode));
    // the unit of today (agencies report now), else of the headcount's day (an agency of a unit since ended)
    const unitOf = (row: AgencyRecord) => unitOn(row.unitCode, today) ?? (row.asOf ? unitOn(row.unitCode, row.asOf) : null);
    const stored = new Map((await tx.agency.findMany({ select: { id: true, code: true, name: true, path: true, unitId: true, parent: { select: { code: true } } } })).map((a) => [a.code, a]));
    // an agency may have several rows, one per dated headcount, its tree fields the same in each
    const inFile = new Map<string, number>();
    const dated = new Set<string>();
    rows.forEach((row, index) => {
      const first = inFile.get(row.code);
      if (first === undefined) inFile.set(row.code, index);
      const same = first === undefined || (rows[first].name === row.name && rows[first].parentCode === row.parentCode && rows[first].unitCode === row.unitCode);
      const day = `${row.code}|${row.asOf ?? ""}`;
      if (!same || dated.has(day)) issues.push({ index, message: m("agencies.refusal.duplicate", { code: row.code }) });
      dated.add(day);
      if (!AGENCY_CODE.test(row.code)) issues.push({ index, message: m("agencies.refusal.code", { code: row.code }) });
      if (!unitOf(row)) issues.push({ index, message: m("validation.import.noUnit", { code: row.unitCode }) });
      if (row.parentCode && !inFile.has(row.parentCode) && !rows.some((r) => r.code === row.parentCode) && !stored.has(row.parentCode)) issues.push({ index, message: m("agencies.refusal.noParent", { code: row.parentCode }) });
      if (row.parentCode === row.code) issues.push({ index, message: m("agencies.refusal.cycle", { code: row.code }) });
    });
    if (issues.length) return { ok: false, issues };

    // parents first: an agency waits until its parent (in the file) is written
    const written = new Set<string>();
    const audits: AuditEventInput[] = [];
    let pending = [...inFile].map(([code, index]) => ({ row: rows[index], index, code }));
    while (pending.length) {
      const ready = pending.filter(({ row }) => !row.parentCode || !inFile.has(row.parentCode) || written.has(row.parentCode));
      if (ready.length === 0) return { ok: false, issues: pending.map(({ index, row }) => ({ index, message: m("agencies.refusal.cycle", { code: row.code }) })) };
      for (const { row, index } of ready) {
        const unit = unitOf(row)!;
        const parent = row.parentCode ? await tx.agency.findUniqueOrThrow({ where: { code: row.parentCode }, select: { id: true, path: true } }) : null;
        const path = `${parent?.path ?? ""}${row.code}/`;
        const before = stored.get(row.code);
        if (before && parent && parent.path.startsWith(before.path)) return { ok: false, issues: [{ index, message: m("agencies.refusal.cycle", { code: row.code }) }] };
        const agency = before
          ? await tx.agency.update({ where: { code: row.code }, data: { name: row.name, searchName: searchKey(row.name), parentId: parent?.id ?? null, path, unitId: unit.id }, select: { id: true } })
          : await tx.agency.create({ data: { code: row.code, name: row.name, searchName: searchKey(row.name), parentId: parent?.id ?? null, path, unitId: unit.id }, select: { id: true } });
        if (before && before.path !== path) {
          // a sub-tree moves with its agency
          await tx.$executeRaw`UPDATE agency SET path = ${path} || substr(path, ${before.path.length + 1}) WHERE starts_with(path, ${before.path}) AND id <> ${agency.id}`;
        }
        const after = { name: row.name, parent: row.parentCode, unit: row.unitCode };
        const old = before ? { name: before.name, parent: before.parent?.code ?? null, unit: (await tx.unit.findUniqueOrThrow({ where: { id: before.unitId }, select: { code: true } })).code } : null;
        if (!old || JSON.stringify(old) !== JSON.stringify(after)) {
          audits.push({ userId: actor.id, action: old ? "agency.update" : "agency.create", entity: "agency", entityKey: row.code, unitId: unit.id, ...(old ? { oldValue: old } : {}), newValue: after });
        }
        for (const dated of rows.filter((r) => r.code === row.code && r.asOf !== undefined && r.headcount !== undefined)) {
          const change = await setHeadcount(tx, actor, { id: agency.id, code: row.code, unitId: unit.id }, dated.asOf!, dated.headcount!);
          if (change) audits.push(change);
        }
        written.add(row.code);
      }
      pending = pending.filter(({ code }) => !written.has(code));
    }
    await writeAudits(tx, audits);
    return { ok: true, written: audits.length };
  });
}

/** Stores a headcount from `asOf` on; the audit event of the change, or null when unchanged. */
async function setHeadcount(tx: Tx, actor: Actor, agency: { id: number; code: string; unitId: number }, asOf: string, headcount: number): Promise<AuditEventInput | null> {
  const before = await tx.agencyHeadcount.findUnique({ where: { agencyId_asOf: { agencyId: agency.id, asOf: dayToDate(asOf) } }, select: { headcount: true } });
  if (before?.headcount === headcount) return null;
  await tx.agencyHeadcount.upsert({
    where: { agencyId_asOf: { agencyId: agency.id, asOf: dayToDate(asOf) } },
    create: { agencyId: agency.id, asOf: dayToDate(asOf), headcount },
    update: { headcount },
  });
  return {
    userId: actor.id, action: "agency_headcount.set", entity: "agency_headcount", entityKey: `${agency.code}:${asOf}`, unitId: agency.unitId,
    ...(before ? { oldValue: before.headcount } : {}), newValue: headcount,
  };
}

// ---- the weekly figure ----

export interface AgencyWeeklyRecord {
  agencyCode: string;
  /** its own staff with a level-2 account activated, as of the week */
  activated: number;
  /** a new headcount from the week's Monday on; absent: unchanged */
  headcount?: number;
  /**
   * The version the form showed (null: it showed none); a different one stored now is a
   * conflict. Absent (an import): no check, the change is audited as any other.
   */
  expectedVersion?: number | null;
}

/**
 * Saves agencies' figures for a week: each within the caller's agencies, at most the agency's
 * headcount on the week's last day, and not changed meanwhile by someone else. All or nothing.
 */
export async function saveAgencyWeekly(actor: Actor, week: IsoWeek, rows: readonly AgencyWeeklyRecord[]): Promise<AgencySaveResult> {
  return saveAgencyWeeks(actor, [{ week, rows }]);
}

/**
 * saveAgencyWeekly for several weeks at once (an import): every week checked before anything
 * is written, in one transaction. An issue's index counts the rows of all the weeks, in order.
 */
export async function saveAgencyWeeks(actor: Actor, weeks: readonly { week: IsoWeek; rows: readonly AgencyWeeklyRecord[] }[]): Promise<AgencySaveResult> {
  if (actor.role !== "admin" && actor.role !== "agency") throw new AppError("FORBIDDEN", { subject: "agency" });
  const all = weeks.flatMap((w) => w.rows);
  if (all.length === 0) return { ok: true, written: 0 };
  return db().$transaction(async (tx) => {
    const agencies = new Map((await tx.agency.findMany({ where: { code: { in: all.map((r) => r.agencyCode) } }, select: { id: true, code: true, name: true, path: true, unitId: true } })).map((a) => [a.code, a]));
    const issues: AgencyIssue[] = [];
    all.forEach((row, index) => {
      if (!agencies.has(row.agencyCode)) issues.push({ index, message: m("agencies.refusal.noAgency", { code: row.agencyCode }) });
    });
    if (issues.length) return { ok: false, issues };
    // out of the caller's agencies: refused as a whole, nothing told about the others
    if (all.some((row) => !canEnterAgencyFigures(actor, agencies.get(row.agencyCode)!.path))) throw new AppError("FORBIDDEN", { subject: "agency" });
    const ids = [...agencies.values()].map((a) => a.id);
    const plans: { start: string; iso: string; rows: readonly AgencyWeeklyRecord[]; current: Map<number, { activated: number; version: number }>; headcounts: Map<number, number> }[] = [];
    let offset = 0;
    for (const { week, rows } of weeks) {
      const start = weekStart(week);
      // the week's rows of these agencies, locked: two saves of the same figure take turns
      const current = new Map((await tx.$queryRaw<{ agency_id: number; activated: number; version: number }[]>`
        SELECT agency_id, activated, version FROM agency_weekly WHERE agency_id = ANY(${ids}::int[]) AND week_start = ${start}::date FOR UPDATE`).map((r) => [r.agency_id, r]));
      const headcounts = await headcountsAt(tx, ids, weekEnd(week));
      const seen = new Set<string>();
      rows.forEach((row, i) => {
        const index = offset + i;
        const agency = agencies.get(row.agencyCode)!;
        if (seen.has(row.agencyCode)) issues.push({ index, message: m("agencies.refusal.duplicate", { code: row.agencyCode }) });
        seen.add(row.agencyCode);
        const stored = current.get(agency.id);
        if (row.expectedVersion !== undefined && (stored?.version ?? null) !== row.expectedVersion) {
          issues.push({
            index, message: m("agencies.refusal.conflict", { agency: agency.name, value: stored ? formatNumber(stored.activated) : "—" }),
            ...(stored ? { current: { activated: stored.activated, version: stored.version } } : {}),
          });
          return;
        }
        const headcount = row.headcount ?? headcounts.get(agency.id) ?? null;
        if (headcount === null) issues.push({ index, message: m("agencies.refusal.noHeadcount", { agency: agency.name }) });
        else if (exceedsHeadcount(row.activated, headcount)) issues.push({ index, message: m("agencies.refusal.exceeds", { agency: agency.name, activated: formatNumber(row.activated), headcount: formatNumber(headcount) }) });
      });
      plans.push({ start, iso: formatIsoWeek(week), rows, current, headcounts });
      offset += rows.length;
    }
    if (issues.length) return { ok: false, issues };

    const audits: AuditEventInput[] = [];
    for (const { start, iso, rows, current, headcounts } of plans) {
      for (const row of rows) {
        const agency = agencies.get(row.agencyCode)!;
        if (row.headcount !== undefined && row.headcount !== headcounts.get(agency.id)) {
          const change = await setHeadcount(tx, actor, agency, start, row.headcount);
          if (change) audits.push(change);
        }
        const stored = current.get(agency.id);
        if (stored?.activated === row.activated) continue;
        await tx.$executeRaw`
          INSERT INTO agency_weekly (agency_id, week_start, activated, updated_by_id, updated_at) VALUES (${agency.id}, ${start}::date, ${row.activated}, ${actor.id}, now())
          ON CONFLICT (agency_id, week_start) DO UPDATE SET activated = EXCLUDED.activated, version = agency_weekly.version + 1, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`;
        audits.push({
          userId: actor.id, action: stored ? "agency_weekly.update" : "agency_weekly.create", entity: "agency_weekly", entityKey: `${agency.code}:${iso}`, unitId: agency.unitId,
          ...(stored ? { oldValue: stored.activated } : {}), newValue: row.activated,
        });
      }
    }
    await writeAudits(tx, audits);
    return { ok: true, written: audits.length };
  });
}

/** Each agency's own headcount on `day` (the latest on or before it); absent: none known. */
async function headcountsAt(client: Pick<Tx, "$queryRaw">, ids: readonly number[], day: string): Promise<Map<number, number>> {
  const rows = await client.$queryRaw<{ agency_id: number; headcount: number }[]>`
    SELECT DISTINCT ON (agency_id) agency_id, headcount FROM agency_headcount
    WHERE agency_id = ANY(${[...ids]}::int[]) AND as_of <= ${day}::date ORDER BY agency_id, as_of DESC`;
  return new Map(rows.map((r) => [r.agency_id, r.headcount]));
}

// ---- the entry screen ----

export interface AgencyEntryRowDTO {
  code: string;
  name: string;
  /** 0 for the focal point's agency, 1 for its sub-agencies, ... */
  depth: number;
  headcount: number | null;
  /** this week's figure, if entered */
  activated: number | null;
  version: number | null;
  /** the latest figure of an earlier week */
  previous: number | null;
}

export interface AgencyEntryDTO {
  agency: { code: string; name: string };
  week: string;
  rows: AgencyEntryRowDTO[];
}

/** The entry screen of an agency (the focal point's own; administrators name one) and its sub-agencies for a week. */
export async function getAgencyEntry(actor: Actor, week: IsoWeek, agencyCode?: string): Promise<AgencyEntryDTO> {
  const root = agencyCode !== undefined
    ? await db().agency.findUnique({ where: { code: agencyCode }, select: { code: true, name: true, path: true } })
    : actor.agencyPath ? await db().agency.findUnique({ where: { path: actor.agencyPath }, select: { code: true, name: true, path: true } }) : null;
  if (!root) throw new AppError(actor.role === "agency" || actor.role === "admin" ? "NOT_FOUND" : "FORBIDDEN", { subject: "agency" });
  if (!canEnterAgencyFigures(actor, root.path)) throw new AppError("FORBIDDEN", { subject: "agency" });
  const start = weekStart(week);
  const rows = await db().$queryRaw<{ code: string; name: string; path: string; headcount: number | null; activated: number | null; version: number | null; previous: number | null }[]>`
    SELECT a.code, a.name, a.path,
      (SELECT h.headcount FROM agency_headcount h WHERE h.agency_id = a.id AND h.as_of <= ${weekEnd(week)}::date ORDER BY h.as_of DESC LIMIT 1) AS headcount,
      w.activated, w.version,
      (SELECT p.activated FROM agency_weekly p WHERE p.agency_id = a.id AND p.week_start < ${start}::date ORDER BY p.week_start DESC LIMIT 1) AS previous
    FROM agency a LEFT JOIN agency_weekly w ON w.agency_id = a.id AND w.week_start = ${start}::date
    WHERE starts_with(a.path, ${root.path})
    ORDER BY a.path`;
  const depthOf = (path: string) => path.split("/").filter(Boolean).length - root.path.split("/").filter(Boolean).length;
  return {
    agency: { code: root.code, name: root.name }, week: formatIsoWeek(week),
    rows: rows.map((r) => ({ code: r.code, name: r.name, depth: depthOf(r.path), headcount: r.headcount, activated: r.activated, version: r.version, previous: r.previous })),
  };
}

// ---- rankings ----

export interface AgencyRankingDTO extends AgencyRanking {
  unit: { code: string; name: string };
  week: string;
  /** the day by which every agency is to have 100% of its staff activated; null: not set */
  dueDate: string | null;
  /** the caller may set that day (a provincial official or an administrator) */
  maySetDueDate: boolean;
}

/** The ranking of the agencies seen from a unit (those attached to it or to units below it) for a week. */
export async function getAgencyRanking(actor: Actor, unitCode: string, week: IsoWeek): Promise<AgencyRankingDTO> {
  if (actor.role !== "admin" && actor.role !== "province" && actor.role !== "leader") throw new AppError("FORBIDDEN", { subject: "agency" });
  const unit = await getViewableUnit(actor, unitCode, { asOf: weekEnd(week) });
  if (!canViewAgencies(actor, unit.path)) throw new AppError("FORBIDDEN", { subject: "agency" });
  const [ranking, dueDate] = await Promise.all([agencyRankingOf(unit.path, week), agencyDueDateOf(unit.path)]);
  return { ...ranking, unit: { code: unit.code, name: unit.name }, week: formatIsoWeek(week), dueDate, maySetDueDate: canSetAgencyDeadline(actor, unit.path) };
}

/**
 * The agencies seen from the unit at `unitPath` ranked for a week (no rows when it sees none).
 * No actor: for callers that checked the unit (the weekly report).
 */
export async function agencyRankingOf(unitPath: string, week: IsoWeek): Promise<AgencyRanking> {
  const start = weekStart(week);
  const nodes = await db().$queryRaw<AgencyWeekNode[]>`
    SELECT a.id, a.parent_id AS "parentId", a.code, a.name,
      (SELECT h.headcount FROM agency_headcount h WHERE h.agency_id = a.id AND h.as_of <= ${weekEnd(week)}::date ORDER BY h.as_of DESC LIMIT 1) AS headcount,
      coalesce((SELECT x.activated FROM agency_weekly x WHERE x.agency_id = a.id AND x.week_start <= ${start}::date ORDER BY x.week_start DESC LIMIT 1), 0) AS activated,
      coalesce((SELECT x.activated FROM agency_weekly x WHERE x.agency_id = a.id AND x.week_start <= ${addDays(start, -7)}::date ORDER BY x.week_start DESC LIMIT 1), 0) AS "activatedBefore",
      EXISTS (SELECT 1 FROM agency_weekly x WHERE x.agency_id = a.id AND x.week_start = ${start}::date) AS reported
    FROM agency a JOIN unit u ON u.id = a.unit_id
    WHERE starts_with(u.path, ${unitPath})
      -- an agency counts for a week once it was registered, or has a headcount or figure by then:
      -- a report of a week before agencies were kept has no agencies section
      AND (a.created_at < ${addDays(weekEnd(week), 1)}::date
        OR EXISTS (SELECT 1 FROM agency_headcount h WHERE h.agency_id = a.id AND h.as_of <= ${weekEnd(week)}::date)
        OR EXISTS (SELECT 1 FROM agency_weekly x WHERE x.agency_id = a.id AND x.week_start <= ${start}::date))
    ORDER BY a.path`;
  return rankAgencies(nodes);
}

/** The day set for the unit at `unitPath`, else for its nearest ancestor that has one. No actor, as agencyRankingOf. */
export async function agencyDueDateOf(unitPath: string): Promise<string | null> {
  const [row] = await db().$queryRaw<{ due: string }[]>`
    SELECT to_char(d.due_date, 'YYYY-MM-DD') AS due FROM agency_deadline d JOIN unit u ON u.id = d.unit_id
    WHERE starts_with(${unitPath}, u.path) ORDER BY length(u.path) DESC LIMIT 1`;
  return row?.due ?? null;
}

/** Sets the day by which the agencies seen from a unit (a province) are to have 100% of their staff activated. */
export async function setAgencyDueDate(actor: Actor, unitCode: string, dueDate: string): Promise<{ unitName: string }> {
  if (actor.role !== "admin" && actor.role !== "province") throw new AppError("FORBIDDEN", { subject: "agency" });
  const unit = await getViewableUnit(actor, unitCode);
  if (!canSetAgencyDeadline(actor, unit.path)) throw new AppError("FORBIDDEN", { subject: "agency" });
  if (dueDate < "2000-01-01") throw invalidField("dueDate", "validation.isoDay");
  await db().$transaction(async (tx) => {
    const before = await tx.agencyDeadline.findUnique({ where: { unitId: unit.id }, select: { dueDate: true } });
    const old = before ? before.dueDate.toISOString().slice(0, 10) : null;
    if (old === dueDate) return;
    await tx.agencyDeadline.upsert({ where: { unitId: unit.id }, create: { unitId: unit.id, dueDate: dayToDate(dueDate), updatedById: actor.id }, update: { dueDate: dayToDate(dueDate), updatedById: actor.id, updatedAt: new Date() } });
    await writeAudits(tx, [{ userId: actor.id, action: "agency_deadline.set", entity: "agency_deadline", entityKey: unit.code, unitId: unit.id, ...(old ? { oldValue: old } : {}), newValue: dueDate }]);
  });
  return { unitName: unit.name };
}

// ---- focal-point accounts ----

/**
 * Creates an agency's focal-point account (role `agency`, attached to the agency, no unit):
 * administrators only (`npm run user -- create --role agency --agency CODE`), audited as
 * user.create. The administration pages manage it afterwards as any account.
 */
export async function createAgencyUser(actor: Actor, input: { username: string; displayName: string; agencyCode: string; password: string }): Promise<{ id: number }> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN", { subject: "user" });
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw invalidField("username", "users.errors.usernameTaken", { username: input.username });
    const agency = await tx.agency.findUnique({ where: { code: input.agencyCode }, select: { id: true, unitId: true } });
    if (!agency) throw invalidField("agency", "agencies.refusal.noAgency", { code: input.agencyCode });
    const user = await tx.user.create({ data: { username: input.username, displayName: input.displayName, role: "agency", agencyId: agency.id, passwordHash }, select: { id: true } });
    await writeAudit(tx, { userId: actor.id, action: "user.create", entity: "user", entityKey: input.username, unitId: agency.unitId, newValue: { displayName: input.displayName, role: "agency", agency: input.agencyCode } });
    return user;
  });
}
