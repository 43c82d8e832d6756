import "server-only";
// A reorganisation of the administrative units (issue 20, docs/units-over-time.md): the list
// of units in force from a date and the mapping of the old units onto it, loaded all or
// nothing in one transaction, set-based (the country's 11,366 old and 3,355 new units in
// seconds), and undone as a whole while none of its new units is in use. The rules are the
// pure planner's (lib/domain/reorganisation-plan.ts); this file gathers the units it needs
// and writes its plan: units ended (dissolved_on, ended_by_reorganisation_id), continued
// (renamed), started (valid_from, reorganisation_id), their successions, one
// unit_reorganisation row and the audit events.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { EXISTS_ON } from "@/lib/db/unit-lifetime";
import { addDays, dateToDay, dayToDate } from "@/lib/domain/dates";
import { planReorganisation, type ChangeRow, type NewUnitRow, type OldUnit, type PlanIssueReason, type ReorganisationSummary } from "@/lib/domain/reorganisation-plan";
import { searchKey } from "@/lib/domain/text";
import { m, type MessageKey } from "@/lib/i18n/message";
import { readCsv, type CsvIssue } from "@/lib/validation/csv";
import { describeIssue } from "@/lib/validation/import-rows";
import { REORGANISATION_FILES, reorganisationDateSchema, reorganisationUnitRowSchema, unitChangeRowSchema } from "@/lib/validation/reorganisation";
import { writeAudits, type AuditEventInput } from "./audit";
import { AppError } from "./errors";
import { ERRORS_LISTED } from "./import";
import { carryOnReorganisation, dropReorganisationCarries, parentsLostChildren } from "./carries";
import { refreshRankingFactsOfUnits } from "./ranking-facts";

export type ReorganisationFile = "units" | "changes";

export interface ReorganisationIssue {
  /** the file the line is in; null for the date itself */
  file: ReorganisationFile | null;
  line: number;
  message: string;
}

export interface ReorganisationResult {
  ok: boolean;
  dryRun: boolean;
  /** the unit_reorganisation row written (null on a dry run or a refusal) */
  id: number | null;
  summary: ReorganisationSummary | null;
  /** the first ERRORS_LISTED errors, units file first, by line */
  errors: ReorganisationIssue[];
  errorCount: number;
  /** every error counted by reason, the most frequent first */
  reasons: { reason: string; count: number }[];
}

type Reason = PlanIssueReason | "format" | "pathTaken";

interface Issue {
  file: ReorganisationFile | null;
  line: number;
  reason: Reason;
  message: string;
}

function refusal(issues: Issue[], dryRun: boolean): ReorganisationResult {
  const order = (i: Issue) => (i.file === null ? 0 : i.file === "units" ? 1 : 2);
  const sorted = [...issues].sort((a, b) => order(a) - order(b) || a.line - b.line);
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const reason = m(`validation.reorganisation.reasons.${issue.reason}` as MessageKey);
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return {
    ok: false, dryRun, id: null, summary: null,
    errors: sorted.slice(0, ERRORS_LISTED).map(({ file, line, message }) => ({ file, line, message })),
    errorCount: issues.length,
    reasons: [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
  };
}

/** Reads one of the two files: its rows as the schema gives them, and its bad lines. */
function readFile<T>(file: ReorganisationFile, text: string, parse: (values: Record<string, string>) => { success: true; data: T } | { success: false; error: Parameters<typeof describeIssue>[0] }) {
  const spec = REORGANISATION_FILES[file];
  const issues: Issue[] = [];
  const rows: { line: number; data: T }[] = [];
  const csv = readCsv(text, spec.columns, spec.required);
  const format = (issue: CsvIssue): Issue => ({ file, line: issue.line, reason: "format", message: issue.message });
  if (!csv.ok) return { rows, issues: csv.errors.map(format) };
  for (const row of csv.rows) {
    const result = parse(row.values);
    if (result.success) rows.push({ line: row.line, data: result.data });
    else issues.push(format({ line: row.line, message: describeIssue(result.error) }));
  }
  return { rows, issues };
}

export interface ReorganisationInput {
  /** the first day of the new units (YYYY-MM-DD) */
  date: string;
  /** the new list: code,name,type,parent_code,level */
  unitsText: string;
  /** the mapping: effective_date,old_code,old_name,new_code,new_name,part[,share] */
  changesText: string;
  dryRun?: boolean;
}

/**
 * Loads a reorganisation all or nothing: every line of both files checked, then the plan
 * written in one transaction (or, on a dry run, only its summary returned).
 */
export async function importReorganisation(actor: Actor, input: ReorganisationInput): Promise<ReorganisationResult> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
  const dryRun = input.dryRun ?? false;
  if (!reorganisationDateSchema.safeParse(input.date).success) {
    return refusal([{ file: null, line: 0, reason: "format", message: m("validation.reorganisation.date") }], dryRun);
  }
  const date = input.date;
  const unitsFile = readFile("units", input.unitsText, (v) => reorganisationUnitRowSchema.safeParse(v));
  const changesFile = readFile("changes", input.changesText, (v) => unitChangeRowSchema.safeParse(v));
  const units: NewUnitRow[] = unitsFile.rows.map(({ line, data }) => ({ line, code: data.code, name: data.name, type: data.type, parentCode: data.parent_code || null, level: data.level }));
  // a line that cannot be read is said alone: the rules on the rest would blame its absence
  // (a province's own row missing makes every unit under it look new)
  if (unitsFile.issues.length || changesFile.issues.length) return refusal([...unitsFile.issues, ...changesFile.issues], dryRun);
  const changes: ChangeRow[] = changesFile.rows.map(({ line, data }) => ({ line, effectiveDate: data.effective_date, oldCode: data.old_code, newCode: data.new_code, part: data.part, share: data.share }));

  const outcome = await db().$transaction(async (tx) => {
    const levels = new Set((await tx.unitLevel.findMany({ select: { level: true } })).map((l) => l.level));
    const old = await tx.$queryRawUnsafe<(Omit<OldUnit, "dissolvedOn"> & { dissolvedOn: Date | null })[]>(
      `SELECT u.id, u.code, u.name, u.type, u.level, u.kind, u.parent_id AS "parentId", u.path, u.dissolved_on AS "dissolvedOn"
       FROM unit u WHERE ${EXISTS_ON("u", "$1::date")}`,
      dayToDate(addDays(date, -1)),
    );
    // provinces an earlier load started on the date (their part of the files is left as it is)
    const started = await tx.unit.findMany({ where: { parentId: null, validFrom: dayToDate(date) }, select: { code: true } });
    const plan = planReorganisation({
      date, levels, units, changes, started: new Set(started.map((u) => u.code)),
      old: old.map((u) => ({ ...u, dissolvedOn: u.dissolvedOn ? dateToDay(u.dissolvedOn) : null })),
    });
    const lineOf = new Map(units.map((u) => [u.code, u.line]));
    const issues: Issue[] = [
      ...plan.issues.map((i) => ({ file: i.file, line: i.line, reason: i.reason, message: m(`validation.reorganisation.${i.reason}` as MessageKey, i.params) })),
    ];
    const taken = await tx.unit.findMany({ where: { path: { in: plan.create.map((u) => u.path) } }, select: { path: true } });
    const takenPaths = new Set(taken.map((t) => t.path));
    for (const unit of plan.create.filter((u) => takenPaths.has(u.path))) {
      issues.push({ file: "units", line: lineOf.get(unit.code) ?? 0, reason: "pathTaken", message: m("validation.reorganisation.pathTaken", { code: unit.code, path: unit.path }) });
    }
    if (issues.length) return refusal(issues, dryRun);
    if (dryRun) return { ok: true, dryRun, id: null, summary: plan.summary, errors: [], errorCount: 0, reasons: [] } satisfies ReorganisationResult;

    const renamed = plan.continuing.filter((u) => u.name !== u.before.name || u.type !== u.before.type);
    const [{ id }] = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO unit_reorganisation (effective_date, summary, renamed, created_by_id)
      VALUES (${dayToDate(date)}::date, ${JSON.stringify(plan.summary)}::jsonb,
              ${JSON.stringify(renamed.map((u) => ({ id: u.id, code: u.code, name: u.before.name, type: u.before.type })))}::jsonb, ${actor.id}::int)
      RETURNING id`;
    // ended before the new units start: a code names one unit a day (unit_code_once_a_day)
    await tx.$executeRaw`
      UPDATE unit SET dissolved_on = ${dayToDate(date)}::date, ended_by_reorganisation_id = ${id}::int, updated_at = now()
      WHERE id = ANY(${plan.endingIds}::int[])`;
    if (renamed.length) {
      await tx.$executeRaw`
        UPDATE unit AS u SET name = v.name, search_name = v.search_name, type = v.type, updated_at = now()
        FROM unnest(${renamed.map((u) => u.id)}::int[], ${renamed.map((u) => u.name)}::text[], ${renamed.map((u) => searchKey(u.name))}::text[], ${renamed.map((u) => u.type)}::text[]) AS v(id, name, search_name, type)
        WHERE u.id = v.id`;
      // views dated before keep the label each had (lib/data/unit-labels.ts)
      await tx.$executeRaw`
        INSERT INTO unit_label (unit_id, until_day, name, type, reorganisation_id)
        SELECT v.id, ${dayToDate(date)}::date, v.name, v.type, ${id}::int
        FROM unnest(${renamed.map((u) => u.id)}::int[], ${renamed.map((u) => u.before.name)}::text[], ${renamed.map((u) => u.before.type)}::text[]) AS v(id, name, type)`;
    }
    const idOf = new Map(plan.continuing.map((u) => [u.code, u.id]));
    for (const level of [...new Set(plan.create.map((u) => u.level))].sort((a, b) => a - b)) {
      const batch = plan.create.filter((u) => u.level === level);
      const created = await tx.$queryRaw<{ id: number; code: string }[]>`
        INSERT INTO unit (code, name, search_name, type, kind, level, parent_id, path, valid_from, reorganisation_id, updated_at)
        SELECT v.code, v.name, v.search_name, v.type, v.kind, ${level}::int, v.parent_id, v.path, ${dayToDate(date)}::date, ${id}::int, now()
        FROM unnest(
          ${batch.map((u) => u.code)}::text[], ${batch.map((u) => u.name)}::text[], ${batch.map((u) => searchKey(u.name))}::text[],
          ${batch.map((u) => u.type)}::text[], ${batch.map((u) => u.kind)}::text[],
          ${batch.map((u) => (u.parentCode ? idOf.get(u.parentCode)! : null))}::int[], ${batch.map((u) => u.path)}::text[]
        ) AS v(code, name, search_name, type, kind, parent_id, path)
        RETURNING id, code`;
      for (const unit of created) idOf.set(unit.code, unit.id);
    }
    const links = plan.successions;
    await tx.$executeRaw`
      INSERT INTO unit_succession (predecessor_id, successor_id, part, share, reorganisation_id)
      SELECT v.predecessor_id, v.successor_id, v.part, v.share, ${id}::int
      FROM unnest(${links.map((s) => s.predecessorId)}::int[], ${links.map((s) => idOf.get(s.successorCode)!)}::int[],
                  ${links.map((s) => s.part)}::text[], ${links.map((s) => s.share)}::numeric[]) AS v(predecessor_id, successor_id, part, share)`;
    // the ended units' running totals carried on to their successors, and the continuing
    // parents' reportedOn no longer waiting for their ended children (lib/data/carries.ts)
    await carryOnReorganisation(tx, id, date);

    const oldById = new Map(old.map((u) => [u.id, u]));
    const reorganisation = { reorganisation: id, date };
    const audits: AuditEventInput[] = [
      { userId: actor.id, action: "unit.reorganise", entity: "unit_reorganisation", entityKey: String(id), newValue: plan.summary as unknown as Prisma.InputJsonObject },
      ...plan.endingIds.map((unitId): AuditEventInput => {
        const u = oldById.get(unitId)!;
        return { userId: actor.id, action: "unit.dissolve", entity: "unit", entityKey: u.code, unitId, oldValue: { dissolvedOn: null }, newValue: { dissolvedOn: date, ...reorganisation } };
      }),
      ...renamed.map((u): AuditEventInput => ({ userId: actor.id, action: "unit.update", entity: "unit", entityKey: u.code, unitId: u.id, oldValue: u.before, newValue: { name: u.name, type: u.type, ...reorganisation } })),
      ...plan.create.map((u): AuditEventInput => ({
        userId: actor.id, action: "unit.create", entity: "unit", entityKey: u.code, unitId: idOf.get(u.code)!,
        newValue: { name: u.name, type: u.type, parent: u.parentCode, validFrom: date, ...reorganisation },
      })),
    ];
    await writeAudits(tx, audits);
    return { ok: true, dryRun, id, summary: plan.summary, errors: [], errorCount: 0, reasons: [] } satisfies ReorganisationResult;
  }, { timeout: 300_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  return outcome;
}

export interface UndoResult {
  id: number;
  /** units it had started, removed */
  removed: number;
  /** units it had ended, existing again */
  reopened: number;
  /** units it had renamed, their names and types restored */
  restored: number;
}

const USES = ["figure", "target", "population", "user", "lock", "report", "setting", "unit", "succession"] as const;

/**
 * Undoes a reorganisation: removes the units it started and its successions, clears the ends
 * it set, restores the names it changed; refused while anything refers to one of its new
 * units (a figure or total, a target, a user, a lock, an issued report, a setting, a unit or
 * succession added since).
 */
export async function undoReorganisation(actor: Actor, id: number, reason?: string): Promise<UndoResult> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
  return db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: number; renamed: { id: number; code: string; name: string; type: string }[] }[]>`
      SELECT id, renamed FROM unit_reorganisation WHERE id = ${id}::int FOR UPDATE`;
    if (!row) throw new AppError("NOT_FOUND", { subject: "reorganisation", userMessage: { key: "validation.reorganisation.undo.notFound", params: { id: String(id) } } });
    const [uses] = await tx.$queryRaw<Record<(typeof USES)[number], number>[]>`
      WITH n AS (SELECT id FROM unit WHERE reorganisation_id = ${id}::int)
      SELECT
        -- figures entered (the carries and facts it derived itself are removed with it)
        ((SELECT count(*) FROM figure WHERE unit_id IN (SELECT id FROM n)) + (SELECT count(*) FROM daily_total WHERE unit_id IN (SELECT id FROM n))
          + (SELECT count(*) FROM unit_report WHERE unit_id IN (SELECT id FROM n)))::int AS figure,
        ((SELECT count(*) FROM target WHERE unit_id IN (SELECT id FROM n)) + (SELECT count(*) FROM target_share WHERE unit_id IN (SELECT id FROM n)))::int AS target,
        (SELECT count(*) FROM unit_population WHERE unit_id IN (SELECT id FROM n))::int AS population,
        (SELECT count(*) FROM app_user WHERE unit_id IN (SELECT id FROM n))::int AS "user",
        (SELECT count(*) FROM period_lock WHERE unit_id IN (SELECT id FROM n))::int AS lock,
        (SELECT count(*) FROM issued_report WHERE unit_id IN (SELECT id FROM n))::int AS report,
        ((SELECT count(*) FROM issuing_settings WHERE unit_id IN (SELECT id FROM n)) + (SELECT count(*) FROM criticism_rules WHERE unit_id IN (SELECT id FROM n)))::int AS setting,
        (SELECT count(*) FROM unit WHERE parent_id IN (SELECT id FROM n) AND reorganisation_id IS DISTINCT FROM ${id}::int)::int AS unit,
        (SELECT count(*) FROM unit_succession WHERE (predecessor_id IN (SELECT id FROM n) OR successor_id IN (SELECT id FROM n)) AND reorganisation_id IS DISTINCT FROM ${id}::int)::int AS succession`;
    const inUse = USES.filter((use) => uses[use] > 0);
    if (inUse.length) {
      const words = inUse.map((use) => m(`validation.reorganisation.undo.uses.${use}`)).join(", ");
      throw new AppError("CONFLICT", { subject: "reorganisation", userMessage: { key: "validation.reorganisation.undo.refused", params: { id: String(id), uses: words } } });
    }
    const dropped = await dropReorganisationCarries(tx, id);
    const [{ day }] = await tx.$queryRaw<{ day: Date }[]>`SELECT effective_date AS day FROM unit_reorganisation WHERE id = ${id}::int`;
    await tx.$executeRaw`DELETE FROM ranking_fact WHERE unit_id IN (SELECT id FROM unit WHERE reorganisation_id = ${id}::int)`;
    await tx.$executeRaw`DELETE FROM unit_succession WHERE reorganisation_id = ${id}::int`;
    const removed = await tx.$executeRaw`DELETE FROM unit WHERE reorganisation_id = ${id}::int`;
    const reopenedParents = await tx.$queryRaw<{ parent_id: number | null }[]>`
      UPDATE unit SET dissolved_on = NULL, ended_by_reorganisation_id = NULL, updated_at = now() WHERE ended_by_reorganisation_id = ${id}::int
      RETURNING parent_id`;
    const reopened = reopenedParents.length;
    // the units the carries had reached, and the parents of the units existing again, as before it
    const changeDay = dateToDay(day);
    const still = await tx.unit.findMany({ where: { id: { in: dropped.unitIds } }, select: { id: true } });
    await refreshRankingFactsOfUnits(tx, still.map((u) => u.id), changeDay);
    await parentsLostChildren(tx, [...new Set(reopenedParents.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id])))], changeDay);
    // the rows it had given parents on its day, where nothing else gives them one (no child
    // reported or ended that day), and the ranking facts' day if no unit of the level has one:
    // the derived tables as a rebuild makes them (deepest first: a parent's row rests on its children's)
    for (const { level } of await tx.$queryRaw<{ level: number }[]>`SELECT DISTINCT level FROM unit WHERE parent_id IS NOT NULL ORDER BY level DESC`) {
      await tx.$executeRaw`
        DELETE FROM unit_report p USING unit u
        WHERE p.date = ${day}::date AND u.id = p.unit_id AND u.level = ${level - 1}::int
          AND EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = p.unit_id)
          AND NOT EXISTS (SELECT 1 FROM unit c JOIN unit_report r ON r.unit_id = c.id AND r.date = p.date WHERE c.parent_id = p.unit_id)
          AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = p.unit_id AND c.dissolved_on = p.date)`;
    }
    await tx.$executeRaw`
      DELETE FROM ranking_fact f WHERE f.date = ${day}::date
        AND NOT EXISTS (SELECT 1 FROM unit_report r JOIN unit u ON u.id = r.unit_id WHERE r.date = f.date AND u.level = f.level)
        AND NOT EXISTS (SELECT 1 FROM unit_carry uc JOIN unit u ON u.id = uc.unit_id WHERE uc.from_day = f.date AND u.level = f.level)`;
    const renamed = row.renamed;
    if (renamed.length) {
      await tx.$executeRaw`
        UPDATE unit AS u SET name = v.name, search_name = v.search_name, type = v.type, updated_at = now()
        FROM unnest(${renamed.map((u) => u.id)}::int[], ${renamed.map((u) => u.name)}::text[], ${renamed.map((u) => searchKey(u.name))}::text[], ${renamed.map((u) => u.type)}::text[]) AS v(id, name, search_name, type)
        WHERE u.id = v.id`;
    }
    await tx.$executeRaw`DELETE FROM unit_reorganisation WHERE id = ${id}::int`;
    const result = { id, removed, reopened, restored: renamed.length };
    await writeAudits(tx, [{ userId: actor.id, action: "unit.reorganise_undo", entity: "unit_reorganisation", entityKey: String(id), oldValue: { ...result }, reason: reason ?? null }]);
    return result;
  }, { timeout: 300_000, maxWait: TRANSACTION_MAX_WAIT_MS });
}

export interface ReorganisationDTO {
  id: number;
  effectiveDate: string;
  createdAt: string;
  createdBy: string | null;
  summary: ReorganisationSummary;
}

/** The reorganisations loaded, the latest first, with their summaries (administrators). */
export async function listReorganisations(actor: Actor): Promise<ReorganisationDTO[]> {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
  const client = db();
  const rows = await client.unitReorganisation.findMany({ select: { id: true, effectiveDate: true, createdAt: true, summary: true, createdById: true }, orderBy: { id: "desc" } });
  const ids = [...new Set(rows.flatMap((r) => (r.createdById === null ? [] : [r.createdById])))];
  const names = new Map((await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]));
  return rows.map((r) => ({
    id: r.id, effectiveDate: dateToDay(r.effectiveDate), createdAt: r.createdAt.toISOString(), createdBy: r.createdById === null ? null : names.get(r.createdById) ?? null,
    summary: r.summary as unknown as ReorganisationSummary,
  }));
}
