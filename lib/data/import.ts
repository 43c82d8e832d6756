import "server-only";
// One code path for every import: the web page, `npm run import` and POST /api/v1/daily.
// All or nothing: every row is validated (format, references, scope) before anything is
// written, and the answer lists every bad row with its line number.
import type { z } from "zod";
import { db, TRANSACTION_MAX_WAIT_MS } from "@/lib/db/client";
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { dayToDate } from "@/lib/domain/dates";
import { searchKey } from "@/lib/domain/text";
import { m } from "@/lib/i18n/message";
import { readCsv, type CsvIssue } from "@/lib/validation/csv";
import { describeIssue, IMPORT_KINDS, type ImportKind, dailyRowSchema, unitRowSchema, campaignRowSchema, targetRowSchema } from "@/lib/validation/import-rows";
import { checkDailyRows, type DailyRow } from "./daily-checks";
import { applyFigureChanges } from "./figure-writer";
import { writeAudit } from "./audit";

export interface ImportResult {
  ok: boolean;
  kind: ImportKind;
  dryRun: boolean;
  rows: number;
  /** rows written (0 on a dry run or on any error) */
  written: number;
  errors: CsvIssue[];
}

type Row<S extends z.ZodType> = { line: number; data: z.output<S> };

export interface ImportOptions {
  dryRun?: boolean;
  now?: Date;
  /** daily: the user has confirmed the flagged spikes */
  confirmSpikes?: boolean;
  /** daily: the reason for every correction whose row has none */
  reason?: string;
}

export async function importCsv(actor: Actor, kind: ImportKind, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  const spec = IMPORT_KINDS[kind];
  const dryRun = options.dryRun ?? false;
  const fail = (errors: CsvIssue[], rows = 0): ImportResult => ({ ok: false, kind, dryRun, rows, written: 0, errors });
  if (kind !== "daily" && !canAdminister(actor)) return fail([{ line: 0, message: m("validation.import.forbiddenKind") }]);

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
  return { ok: true, kind, dryRun, rows: csv.rows.length, written: dryRun ? 0 : outcome, errors: [] };
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
  const ordered = [...rows].sort((a, b) => a.data.level - b.data.level);
  await client.$transaction(async (tx) => {
    const paths = new Map([...existing.values()].map((u) => [u.code, { id: u.id, path: u.path }]));
    for (const { data } of ordered) {
      const parent = data.parent_code ? paths.get(data.parent_code)! : null;
      const path = `${parent ? parent.path : ""}${data.code}/`;
      const current = existing.get(data.code);
      const fields = { name: data.name, searchName: searchKey(data.name), type: data.type };
      if (current) {
        if (current.name === data.name && current.type === data.type) continue;
        await tx.unit.update({ where: { code: data.code }, data: fields });
        await writeAudit(tx, { userId: actor.id, action: "unit.update", entity: "unit", entityKey: data.code, unitId: current.id, oldValue: { name: current.name, type: current.type }, newValue: { name: data.name, type: data.type } });
      } else {
        const created = await tx.unit.create({ data: { ...fields, code: data.code, level: data.level, parentId: parent?.id ?? null, path }, select: { id: true } });
        paths.set(data.code, { id: created.id, path });
        await writeAudit(tx, { userId: actor.id, action: "unit.create", entity: "unit", entityKey: data.code, unitId: created.id, newValue: { name: data.name, type: data.type, parent: data.parent_code || null } });
      }
    }
  }, { timeout: 120_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  return rows.length;
};

const importCampaigns: Importer<typeof campaignRowSchema> = async (actor, rows, errors, dryRun) => {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.data.campaign)) errors.push({ line: row.line, message: m("validation.import.duplicateCampaign", { code: row.data.campaign }) });
    seen.add(row.data.campaign);
  }
  if (errors.length || dryRun) return 0;
  await db().$transaction(async (tx) => {
    for (const { data } of rows) {
      const values = { name: data.name, startDate: dayToDate(data.start_date), endDate: dayToDate(data.end_date) };
      const before = await tx.campaign.findUnique({ where: { code: data.campaign } });
      await tx.campaign.upsert({ where: { code: data.campaign }, create: { code: data.campaign, ...values }, update: values });
      await writeAudit(tx, {
          userId: actor.id, action: before ? "campaign.update" : "campaign.create", entity: "campaign", entityKey: data.campaign,
          ...(before ? { oldValue: { name: before.name, startDate: before.startDate.toISOString().slice(0, 10), endDate: before.endDate.toISOString().slice(0, 10) } } : {}),
          newValue: { name: data.name, startDate: data.start_date, endDate: data.end_date },
        });
    }
  });
  return rows.length;
};

async function lookups(unitCodes: string[], metricCodes: string[]) {
  const client = db();
  const units = await client.unit.findMany({
    where: { code: { in: [...new Set(unitCodes)] } },
    select: { id: true, code: true, path: true, _count: { select: { children: true } } },
  });
  const metrics = await client.metric.findMany({ where: { code: { in: [...new Set(metricCodes)] } }, select: { id: true, code: true } });
  return { units: new Map(units.map((u) => [u.code, u])), metrics: new Map(metrics.map((m) => [m.code, m])) };
}

const importTargets: Importer<typeof targetRowSchema> = async (actor, rows, errors, dryRun) => {
  const { units, metrics } = await lookups(rows.map((r) => r.data.unit_code), rows.map((r) => r.data.metric));
  const campaigns = new Map((await db().campaign.findMany({ select: { id: true, code: true } })).map((c) => [c.code, c]));
  const seen = new Set<string>();
  for (const { line, data } of rows) {
    if (!campaigns.has(data.campaign)) errors.push({ line, message: m("validation.import.noCampaign", { code: data.campaign }) });
    if (!units.has(data.unit_code)) errors.push({ line, message: m("validation.import.noUnit", { code: data.unit_code }) });
    if (!metrics.has(data.metric)) errors.push({ line, message: m("validation.import.noMetric", { code: data.metric }) });
    const key = `${data.campaign}|${data.unit_code}|${data.metric}|${data.due_date}`;
    if (seen.has(key)) errors.push({ line, message: m("validation.import.duplicateTarget") });
    seen.add(key);
  }
  if (errors.length || dryRun) return 0;
  await db().$transaction(async (tx) => {
    for (const { data } of rows) {
      const unit = units.get(data.unit_code)!;
      const key = { campaignId: campaigns.get(data.campaign)!.id, unitId: unit.id, metricId: metrics.get(data.metric)!.id, dueDate: dayToDate(data.due_date) };
      const before = await tx.target.findUnique({ where: { campaignId_unitId_metricId_dueDate: key }, select: { value: true } });
      if (before?.value === data.target) continue;
      await tx.target.upsert({ where: { campaignId_unitId_metricId_dueDate: key }, create: { ...key, value: data.target }, update: { value: data.target } });
      await writeAudit(tx, {
          userId: actor.id, action: before ? "target.update" : "target.create", entity: "target",
          entityKey: `${data.campaign}:${data.unit_code}:${data.metric}:${data.due_date}`, unitId: unit.id,
          ...(before ? { oldValue: before.value } : {}), newValue: data.target,
        });
    }
  }, { timeout: 120_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  return rows.length;
};

const importDaily: Importer<typeof dailyRowSchema> = async (actor, rows, errors, dryRun, now, options) => {
  const dailyRows: DailyRow[] = rows.map(({ line, data }) => ({
    ref: line, date: data.date, unitCode: data.unit_code, metric: data.metric, value: data.value, kind: data.kind,
    ...(data.reason ? { reason: data.reason } : {}),
  }));
  const check = (client: Parameters<typeof checkDailyRows>[0]) => checkDailyRows(client, actor, dailyRows, {
    now, confirmSpikes: options.confirmSpikes ?? false, ...(options.reason ? { reason: options.reason } : {}),
  });
  const first = await check(db());
  for (const issue of first.issues) errors.push({ line: issue.ref, message: issue.message });
  if (errors.length || dryRun) return 0;
  // Checked again inside the transaction, so that nothing changed in between is overwritten.
  const applied = await db().$transaction(async (tx) => {
    const checked = await check(tx);
    if (checked.issues.length) {
      for (const issue of checked.issues) errors.push({ line: issue.ref, message: issue.message });
      return [];
    }
    return applyFigureChanges(tx, actor.id, checked.changes);
  }, { timeout: 300_000, maxWait: TRANSACTION_MAX_WAIT_MS });
  return applied.length;
};

const IMPORTERS: Record<ImportKind, Importer<never>> = {
  units: importUnits as Importer<never>,
  campaigns: importCampaigns as Importer<never>,
  targets: importTargets as Importer<never>,
  daily: importDaily as Importer<never>,
};
