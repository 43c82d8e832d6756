import "server-only";
// Imports of units, campaigns, targets and daily figures, from the web pages and `npm run
// import`. All or nothing: every row is validated (format, references, scope) before
// anything is written. Daily figures stream through the one daily engine
// (lib/data/daily-engine.ts, shared with the entry grid and POST /api/v1/daily), whatever the
// file's size; the answer lists the first ERRORS_LISTED bad rows by line and counts them all
// by reason.
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { m } from "@/lib/i18n/message";
import { readCsv, streamCsv, type CsvIssue } from "@/lib/validation/csv";
import { describeIssue, IMPORT_KINDS, type ImportKind, unitRowSchema, campaignRowSchema, targetRowSchema, populationRowSchema } from "@/lib/validation/import-rows";
import { savePopulations, withChildren } from "./population";
import { saveAgencies, saveAgencyWeeks, type AgencyIssue } from "./agencies";
import type { agencyRowSchema, agencyWeeklyRowSchema } from "@/lib/validation/agencies";
import { formatIsoWeek } from "@/lib/domain/weeks";
import { formatDay } from "@/lib/domain/format";
import type { OnImportProgress } from "@/lib/domain/import-progress";
import { dailyIssueMessage, dailyIssueReason } from "@/lib/i18n/daily-issues";
import { DailyEngine, STAGE_BATCH, type DailyRow } from "./daily-engine";
import { saveCampaigns, saveTargetValues } from "./targets-admin";
import { saveUnits } from "./units-admin";
import { isDatabaseUnavailable, withErrorId } from "./db-errors";
import { AppError, roleCannotWriteFigures } from "./errors";
import { inDirectTransaction } from "@/lib/db/direct";
import { logError } from "@/lib/observability/errors";
import { unitsOnDays } from "./unit-on-day";

export interface ImportResult {
  ok: boolean;
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  /** rows written (0 on a dry run or on any error) */
  written: number;
  /** the first ERRORS_LISTED errors, by line */
  errors: CsvIssue[];
  /** every error, listed or not */
  errorCount: number;
  /** every error counted by reason, the most frequent first */
  reasons: { reason: string; count: number }[];
  /** daily: some rows were refused as spikes only (confirm them to import) */
  spikes?: boolean;
}

/** Errors listed by line in an answer; the rest are counted by reason. */
export const ERRORS_LISTED = 200;

type Row<S extends z.ZodType> = { line: number; data: z.output<S> };

export interface ImportOptions {
  dryRun?: boolean;
  now?: Date;
  /** daily: the user has confirmed the flagged spikes */
  confirmSpikes?: boolean;
  /** daily: the reason for every correction whose row has none */
  reason?: string;
  /** daily: told how far the import has gone, a few times a second */
  onProgress?: OnImportProgress;
  /** daily: the file's size in bytes or characters, for the reading phase's progress */
  size?: number;
  /** daily, command line: no statement time limit (a national year takes minutes) */
  unbounded?: boolean;
}

export async function importCsv(actor: Actor, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (kind === "daily") return importDailyFile(actor, pieces(text), { size: text.length, ...options });
  const spec = IMPORT_KINDS[kind];
  const dryRun = options.dryRun ?? false;
  const fail = (errors: CsvIssue[], rows = 0): ImportResult => ({ ok: false, kind, dryRun, rows, written: 0, ...ErrorTally.of(errors).result() });
  if (!canAdminister(actor)) return fail([{ line: 0, message: m("validation.import.forbiddenKind") }]);

  const csv = readCsv(text, spec.columns, spec.required);
  if (!csv.ok) return fail(csv.errors);
  const errors: CsvIssue[] = [];
  const parsed: { line: number; data: unknown }[] = [];
  for (const row of csv.rows) {
    const result = spec.schema.safeParse(row.values);
    if (result.success) parsed.push({ line: row.line, data: result.data });
    else errors.push({ line: row.line, message: describeIssue(result.error) });
  }
  const importer = IMPORTERS[kind];
  const outcome = await importer(actor, parsed as never, errors, dryRun, options.now ?? new Date(), options);
  errors.sort((a, b) => a.line - b.line);
  if (errors.length) return fail(errors, csv.rows.length);
  return { ok: true, kind, dryRun, rows: csv.rows.length, written: dryRun ? 0 : outcome, errors: [], errorCount: 0, reasons: [] };
}

/** Text in pieces of 256 K characters, so that reading it is followed as it goes. */
function* pieces(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += 262_144) yield text.slice(start, start + 262_144);
}

/** Collects a file's errors: the first ERRORS_LISTED by line kept, every one counted by reason. */
class ErrorTally {
  private kept: CsvIssue[] = [];
  private counts = new Map<string, number>();
  total = 0;
  /** Errors listed and counted by their message (the same words for the same fault). */
  static of(errors: readonly CsvIssue[]): ErrorTally {
    const tally = new ErrorTally();
    for (const error of errors) tally.count(error.message);
    tally.keep(errors);
    return tally;
  }
  count(reason: string, count = 1): void {
    this.total += count;
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }
  keep(issues: readonly CsvIssue[]): void {
    this.kept.push(...issues);
    this.kept.sort((a, b) => a.line - b.line);
    this.kept.length = Math.min(this.kept.length, ERRORS_LISTED);
  }
  result(): Pick<ImportResult, "errors" | "errorCount" | "reasons"> {
    return { errors: this.kept, errorCount: this.total, reasons: [...this.counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count) };
  }
}

/** Ends the import's transaction without writing (a dry run, or a file with errors). */
class RolledBack extends Error {
  constructor(readonly result: ImportResult) {
    super("rolled back");
  }
}

/**
 * Imports daily figures from CSV text arriving in pieces (a file streamed from disk, an
 * upload): read, staged and checked in one transaction, then written all or nothing.
 */
export async function importDailyFile(actor: Actor, source: AsyncIterable<string | Uint8Array> | Iterable<string>, options: ImportOptions = {}): Promise<ImportResult> {
  const spec = IMPORT_KINDS.daily;
  const iterable: AsyncIterable<string | Uint8Array> = Symbol.asyncIterator in source
    ? (source as AsyncIterable<string | Uint8Array>)
    : (async function* () { yield* source as Iterable<string>; })();
  let read = 0;
  async function* batches(): AsyncGenerator<DailyBatch> {
    const items = streamCsv(iterable, spec.columns, spec.required, {
      batch: STAGE_BATCH,
      onBytes: (bytes) => {
        read = bytes;
      },
    });
    for await (const item of items) {
      if (item.type === "refused") {
        yield { refused: item.issues.map((issue) => ({ issue, reason: issue.message })) };
        return;
      }
      const rows: DailyRow[] = [];
      const issues: CsvIssue[] = [...item.issues];
      for (const row of item.rows) {
        const result = spec.schema.safeParse(row.values);
        if (!result.success) {
          issues.push({ line: row.line, message: describeIssue(result.error) });
          continue;
        }
        const { data } = result;
        rows.push({ ref: row.line, date: data.date, unitCode: data.unit_code, metric: data.metric, value: data.value, kind: data.kind, ...(data.reason ? { reason: data.reason } : {}) });
      }
      yield { rows, issues: issues.map((issue) => ({ issue, reason: issue.message })), read: item.rows.length + item.issues.length };
    }
  }
  const size = options.size ?? 0;
  return importDailyBatches(actor, batches(), options, { fraction: () => (size ? Math.min(read / size, 1) : 0) });
}

/** An issue of a file's row or cell, kept to be listed, and the reason it is counted under. */
export interface ReadIssue {
  issue: CsvIssue;
  reason: string;
}

/** What a reader of a daily file gives the import: rows for the engine and the issues found reading them, or the file's refusal. */
export type DailyBatch = { rows: DailyRow[]; issues: ReadIssue[]; read: number } | { refused: ReadIssue[] };

export interface DailyReader {
  /** how far the reading has gone, 0 to 1 */
  fraction: () => number;
  /** an issue of the engine about the row `ref` (default: the line `ref`) */
  describe?: (ref: number, message: string) => CsvIssue;
}

/**
 * Imports daily figures from a reader's batches, whatever the layout they were read from (the
 * machine layout's lines, a spreadsheet's cells): staged and checked in one transaction, then
 * written all or nothing.
 */
export async function importDailyBatches(actor: Actor, batches: AsyncIterable<DailyBatch>, options: ImportOptions, reader: DailyReader): Promise<ImportResult> {
  // A role that may never write figures is told what it may do before a byte of the file is read.
  if (!canEditFiguresAnywhere(actor)) {
    throw roleCannotWriteFigures(actor.role);
  }
  const dryRun = options.dryRun ?? false;
  const progress = throttled(options.onProgress);
  const tally = new ErrorTally();
  const describe = reader.describe ?? ((ref: number, message: string) => ({ line: ref, message }));
  let rows = 0;
  const outcome = (ok: boolean, written = 0, spikes = false): ImportResult => ({ ok, kind: "daily", dryRun, rows, written, ...tally.result(), ...(spikes ? { spikes } : {}) });
  const note = (issues: readonly ReadIssue[]) => {
    for (const { reason } of issues) tally.count(reason);
    if (issues.length) tally.keep(issues.map(({ issue }) => issue));
  };
  try {
    // A direct connection, for COPY; a big file's statements take longer than the app's usual limit.
    const result = await inDirectTransaction(async (tx) => {
      const engine = await DailyEngine.open(tx, actor, {
        ...(options.now ? { now: options.now } : {}),
        confirmSpikes: options.confirmSpikes ?? false,
        ...(options.reason ? { reason: options.reason } : {}),
        issueLimit: ERRORS_LISTED,
        onStep: (phase, done, total) => progress({ phase, rows: Math.round((rows * done) / total), fraction: done / total }, done === total),
      });
      let staging: Promise<void> = Promise.resolve();
      for await (const batch of batches) {
        if ("refused" in batch) {
          note(batch.refused);
          throw new RolledBack(outcome(false));
        }
        rows += batch.read;
        note(batch.issues);
        // the next batch is read while this one is copied in: one batch in flight at a time
        await staging;
        staging = engine.stage(batch.rows);
        staging.catch(() => undefined); // awaited (and thrown) with the next batch or after the last
        progress({ phase: "reading", rows, fraction: reader.fraction() });
      }
      await staging;
      progress({ phase: "reading", rows, fraction: 1 }, true);
      const checked = await engine.check();
      for (const [code, count] of Object.entries(checked.counts)) tally.count(dailyIssueReason(code as keyof typeof checked.counts), count);
      tally.keep(checked.issues.map((issue) => describe(issue.ref, dailyIssueMessage(issue))));
      if (tally.total > 0) {
        const spikesOnly = checked.issueCount > 0 && checked.issueCount === (checked.counts.spike ?? 0) && tally.total === checked.issueCount;
        throw new RolledBack(outcome(false, 0, spikesOnly));
      }
      if (dryRun) throw new RolledBack(outcome(true));
      const written = await engine.write();
      return outcome(true, written);
    }, { statementTimeoutMs: options.unbounded ? 0 : IMPORT_STATEMENT_TIMEOUT_MS });
    // After a big import the planner's statistics of the tables it filled are stale until
    // autovacuum gets to them, and the next saves and reads would be planned against them.
    if (result.written > ANALYZE_AFTER_ROWS) {
      await inDirectTransaction((tx) => tx.$executeRawUnsafe("ANALYZE figure, daily_total, unit_report, audit_event"), { statementTimeoutMs: 0 });
    }
    return result;
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    if (isDatabaseUnavailable(error)) {
      // PostgreSQL rolled the transaction back (or never began it): nothing is stored.
      const errorId = logError(error, "importDailyFile", "database-unavailable");
      throw withErrorId(new AppError("DATABASE_UNAVAILABLE", { userMessage: { key: "errors.api.databaseUnavailableWithId", params: { errorId } }, cause: error }), errorId);
    }
    throw error;
  }
}

/** Imports writing more figures than this refresh the planner's statistics of what they wrote. */
const ANALYZE_AFTER_ROWS = 20_000;

/** A web or API import's statements may run this long each (the app's usual limit is 30 s). */
const IMPORT_STATEMENT_TIMEOUT_MS = 600_000;

/** Calls `report` at most five times a second, and always for a phase's last step. */
function throttled(report: OnImportProgress | undefined) {
  let last = 0;
  return (progress: Parameters<OnImportProgress>[0], force = false) => {
    if (!report) return;
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    report(progress);
  };
}

type Importer<S extends z.ZodType> = (actor: Actor, rows: Row<S>[], errors: CsvIssue[], dryRun: boolean, now: Date, options: ImportOptions) => Promise<number>;

const importUnits: Importer<typeof unitRowSchema> = async (actor, rows, errors, dryRun) => {
  const client = db();
  const levels = new Set((await client.unitLevel.findMany({ select: { level: true } })).map((l) => l.level));
  const existing = new Map(
    (await client.unit.findMany({ select: { id: true, code: true, name: true, type: true, level: true, path: true, parent: { select: { code: true } } } })).map((u) => [u.code, u]),
  );
  const fileUnits = new Map<string, Row<typeof unitRowSchema>>();
  for (const row of rows) {
    if (fileUnits.has(row.data.code)) errors.push({ line: row.line, message: m("validation.import.duplicateUnit", { code: row.data.code }) });
    fileUnits.set(row.data.code, row);
  }
  for (const row of rows) {
    const { code, parent_code: parentCode, level } = row.data;
    if (!levels.has(level)) errors.push({ line: row.line, message: m("validation.import.undefinedLevel", { level: String(level) }) });
    const parentLevel = parentCode ? (fileUnits.get(parentCode)?.data.level ?? existing.get(parentCode)?.level) : undefined;
    if (parentCode && parentLevel === undefined) errors.push({ line: row.line, message: m("validation.import.noParent", { code: parentCode }) });
    if (parentLevel !== undefined && parentLevel !== level - 1) errors.push({ line: row.line, message: m("validation.import.levelMismatch", { level: String(level), parentLevel: String(parentLevel) }) });
    if (!parentCode && level !== 1) errors.push({ line: row.line, message: m("validation.import.parentRequired") });
    const current = existing.get(code);
    if (current && (current.parent?.code ?? "") !== parentCode) errors.push({ line: row.line, message: m("validation.import.parentChange", { code }) });
  }
  if (errors.length || dryRun) return 0;
  await saveUnits(actor, rows.map(({ data }) => ({ code: data.code, name: data.name, type: data.type, level: data.level, parentCode: data.parent_code || null })));
  return rows.length;
};

const importCampaigns: Importer<typeof campaignRowSchema> = async (actor, rows, errors, dryRun) => {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.data.campaign)) errors.push({ line: row.line, message: m("validation.import.duplicateCampaign", { code: row.data.campaign }) });
    seen.add(row.data.campaign);
  }
  if (errors.length || dryRun) return 0;
  return saveCampaigns(actor, rows.map(({ data }) => ({ code: data.campaign, name: data.name, startDate: data.start_date, endDate: data.end_date })));
};

/** The units of the rows' codes (each resolved on its row's day: a code names a unit only together with a day) and the metrics. */
async function lookups(unitCodes: string[], metricCodes: string[]) {
  const client = db();
  const unitOn = await unitsOnDays(client, unitCodes);
  const metrics = await client.metric.findMany({ where: { code: { in: [...new Set(metricCodes)] } }, select: { id: true, code: true } });
  return { unitOn, metrics: new Map(metrics.map((m) => [m.code, m])) };
}

const importTargets: Importer<typeof targetRowSchema> = async (actor, rows, errors, dryRun) => {
  const { unitOn, metrics } = await lookups(rows.map((r) => r.data.unit_code), rows.map((r) => r.data.metric));
  const campaigns = new Map((await db().campaign.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c]));
  const seen = new Set<string>();
  for (const { line, data } of rows) {
    if (!campaigns.has(data.campaign)) errors.push({ line, message: m("validation.import.noCampaign", { code: data.campaign }) });
    if (!unitOn(data.unit_code, data.due_date)) errors.push({ line, message: m("validation.import.noUnit", { code: data.unit_code }) });
    if (!metrics.has(data.metric)) errors.push({ line, message: m("validation.import.noMetric", { code: data.metric }) });
    const key = `${data.campaign}|${data.unit_code}|${data.metric}|${data.due_date}`;
    if (seen.has(key)) errors.push({ line, message: m("validation.import.duplicateTarget") });
    seen.add(key);
  }
  if (errors.length || dryRun) return 0;
  await saveTargetValues(actor, rows.map(({ data }) => ({ campaign: data.campaign, unitCode: data.unit_code, metric: data.metric, dueDate: data.due_date, value: data.target })));
  return rows.length;
};

const importPopulations: Importer<typeof populationRowSchema> = async (actor, rows, errors, dryRun) => {
  const { unitOn } = await lookups(rows.map((r) => r.data.unit_code), []);
  const parents = await withChildren(db(), rows.flatMap(({ data }) => {
    const unit = unitOn(data.unit_code, data.as_of);
    return unit ? [{ id: unit.id, day: data.as_of }] : [];
  }));
  const seen = new Set<string>();
  for (const { line, data } of rows) {
    const unit = unitOn(data.unit_code, data.as_of);
    if (!unit) errors.push({ line, message: m("validation.import.noUnit", { code: data.unit_code }) });
    else if (parents.has(`${unit.id}|${data.as_of}`)) errors.push({ line, message: m("validation.population.notLeaf", { code: data.unit_code }) });
    const key = `${data.unit_code}|${data.as_of}`;
    if (seen.has(key)) errors.push({ line, message: m("validation.population.duplicate", { code: data.unit_code, date: formatDay(data.as_of) }) });
    seen.add(key);
  }
  if (errors.length || dryRun) return 0;
  await savePopulations(actor, rows.map(({ data }) => ({ unitCode: data.unit_code, asOf: data.as_of, eligible: data.eligible })));
  return rows.length;
};

/** A save's refused rows, each at its line. */
function noteIssues(errors: CsvIssue[], lines: readonly number[], issues: readonly AgencyIssue[]): void {
  for (const issue of issues) errors.push({ line: lines[issue.index], message: issue.message });
}

/** The agencies' tree and headcounts (issue 22): all or nothing, checked by saveAgencies itself (in a dry run too, rolled back). */
const importAgencies: Importer<typeof agencyRowSchema> = async (actor, rows, errors, dryRun) => {
  const records = rows.map(({ data }) => ({
    code: data.code, name: data.name, parentCode: data.parent_code || null, unitCode: data.unit_code,
    ...(data.as_of !== "" && data.headcount !== "" ? { asOf: data.as_of, headcount: data.headcount } : {}),
  }));
  if (dryRun) return 0;
  const result = await saveAgencies(actor, records);
  if (!result.ok) noteIssues(errors, rows.map((r) => r.line), result.issues);
  return result.ok ? rows.length : 0;
};

/** Agencies' weekly figures, one week or several, in one transaction through saveAgencyWeeks (its scope, headcount and audit rules). */
const importAgencyWeekly: Importer<typeof agencyWeeklyRowSchema> = async (actor, rows, errors, dryRun) => {
  const weeks = new Map<string, typeof rows>();
  for (const row of rows) weeks.set(formatIsoWeek(row.data.week), [...(weeks.get(formatIsoWeek(row.data.week)) ?? []), row]);
  if (dryRun) return 0;
  const groups = [...weeks.values()];
  const result = await saveAgencyWeeks(actor, groups.map((group) => ({
    week: group[0].data.week,
    rows: group.map(({ data }) => ({ agencyCode: data.agency_code, activated: data.activated, ...(data.headcount !== "" ? { headcount: data.headcount } : {}) })),
  })));
  if (!result.ok) noteIssues(errors, groups.flat().map((r) => r.line), result.issues);
  return result.ok ? rows.length : 0;
};

const IMPORTERS: Record<Exclude<ImportKind, "daily">, Importer<never>> = {
  agencies: importAgencies as Importer<never>,
  agency_weekly: importAgencyWeekly as Importer<never>,
  units: importUnits as Importer<never>,
  campaigns: importCampaigns as Importer<never>,
  targets: importTargets as Importer<never>,
  populations: importPopulations as Importer<never>,
};
