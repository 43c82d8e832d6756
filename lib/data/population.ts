import "server-only";
// Eligible populations and targets set as a share of them (issue 22; the rule in
// lib/domain/population-share.ts). A population is entered for a leaf unit (a commune, ward or
// special zone) from a day on; the latest on or before a day counts, a parent's is the sum of
// its leaves'. A share ("activated, 55% by 30/06/2023") is kept (table target_share) and the
// targets it sets, of the unit and every unit below it existing on the due date, are counts in
// "target" like any other, rewritten (audited, old and new count) when a population changes.
// Administrators only; every change audited in its transaction.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { EXISTS_ON, existsOn } from "@/lib/db/unit-lifetime";
import { Prisma } from "@/lib/db/generated/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { allocateShare, type ShareNode } from "@/lib/domain/population-share";
import { formatDay } from "@/lib/domain/format";
import { AppError, invalidField } from "./errors";
import { writeAudits } from "./audit";
import { writeTargetValues, type Tx } from "./targets-admin";
import { unitsOnDays } from "./unit-on-day";

/** How many unit codes a refusal names before it only counts. */
const NAMED = 10;

function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN", { subject: "population" });
}

/** One population: a leaf unit's eligible citizens from a day on. */
export interface PopulationRecord {
  unitCode: string;
  asOf: string;
  eligible: number;
}

/** One share: a campaign's milestone for a metric, on a unit and every unit below it. */
export interface TargetShareRecord {
  campaign: string;
  metric: string;
  dueDate: string;
  unitCode: string;
  /** hundredths of a percent: 5500 is 55% */
  basisPoints: number;
}

/**
 * Saves populations (a page's rows or `npm run import -- --kind populations`), each unit
 * resolved on its row's day and required to be a leaf then; unchanged values are left alone.
 * The shares whose subtree holds a changed unit are recomputed in the same transaction.
 * All or nothing. Returns how many populations and targets changed.
 */
export async function savePopulations(actor: Actor, rows: readonly PopulationRecord[]): Promise<{ changed: number; targets: number }> {
  requireAdmin(actor);
  if (rows.length === 0) return { changed: 0, targets: 0 };
  const seen = new Set<string>();
  for (const row of rows) {
    const key = `${row.unitCode}|${row.asOf}`;
    if (seen.has(key)) throw invalidField("values", "validation.population.duplicate", { code: row.unitCode, date: formatDay(row.asOf) });
    seen.add(key);
  }
  return db().$transaction(async (tx) => {
    const unitOn = await unitsOnDays(tx, rows.map((r) => r.unitCode));
    const unknown = [...new Set(rows.filter((r) => !unitOn(r.unitCode, r.asOf)).map((r) => r.unitCode))];
    if (unknown.length) throw invalidField("values", "admin.units.refusal.noSuchUnit", { code: unknown.slice(0, NAMED).join(", ") });
    const resolved = rows.map((r) => ({ ...r, unit: unitOn(r.unitCode, r.asOf)! }));
    const parents = await withChildren(tx, resolved.map((r) => ({ id: r.unit.id, day: r.asOf })));
    const parent = resolved.find((r) => parents.has(`${r.unit.id}|${r.asOf}`));
    if (parent) throw invalidField("values", "validation.population.notLeaf", { code: parent.unitCode });
    const stored = await tx.unitPopulation.findMany({
      where: { unitId: { in: [...new Set(resolved.map((r) => r.unit.id))] }, asOf: { in: [...new Set(resolved.map((r) => r.asOf))].map(dayToDate) } },
    });
    const before = new Map(stored.map((p) => [`${p.unitId}|${dateToDay(p.asOf)}`, p.eligible]));
    const changes = resolved.filter((r) => before.get(`${r.unit.id}|${r.asOf}`) !== r.eligible);
    if (changes.length === 0) return { changed: 0, targets: 0 };
    await tx.$executeRaw`
      INSERT INTO unit_population (unit_id, as_of, eligible)
      SELECT * FROM unnest(${changes.map((r) => r.unit.id)}::int[], ${changes.map((r) => r.asOf)}::date[], ${changes.map((r) => r.eligible)}::int[])
      ON CONFLICT (unit_id, as_of) DO UPDATE SET eligible = EXCLUDED.eligible`;
    await writeAudits(tx, changes.map((r) => {
      const old = before.get(`${r.unit.id}|${r.asOf}`);
      return {
        userId: actor.id, action: old === undefined ? "population.create" : "population.update", entity: "population",
        entityKey: `${r.unitCode}:${r.asOf}`, unitId: r.unit.id, ...(old === undefined ? {} : { oldValue: old }), newValue: r.eligible,
      };
    }));
    // every share over a changed unit, whatever its due date (a population from a later day changes nothing before it: recomputing is a no-op)
    const shares = await tx.$queryRaw<SharedRow[]>`
      SELECT c.code AS campaign, m.code AS metric, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate", u.code AS "unitCode", s.basis_points AS "basisPoints"
      FROM target_share s JOIN campaign c ON c.id = s.campaign_id JOIN metric m ON m.id = s.metric_id JOIN unit u ON u.id = s.unit_id
      WHERE EXISTS (SELECT 1 FROM unnest(${changes.map((r) => r.unit.path)}::text[]) AS p(path) WHERE starts_with(p.path, u.path))
      ORDER BY u.level, u.code`;
    let targets = 0;
    for (const share of shares) targets += await writeShareTargets(tx, actor, share);
    return { changed: changes.length, targets };
  });
}
type SharedRow = TargetShareRecord;

/** Which of these units have units under them on the day given with each (`id|day`): their population is their leaves' sum. */
export async function withChildren(client: Pick<Tx, "$queryRaw">, units: readonly { id: number; day: string }[]): Promise<Set<string>> {
  if (units.length === 0) return new Set();
  const rows = await client.$queryRaw<{ id: number; day: string }[]>`
    SELECT DISTINCT r.id, r.day FROM unnest(${units.map((u) => u.id)}::int[], ${units.map((u) => u.day)}::text[]) AS r(id, day)
    JOIN unit c ON c.parent_id = r.id AND ${Prisma.raw(EXISTS_ON("c", "r.day::date"))}`;
  return new Set(rows.map((r) => `${r.id}|${r.day}`));
}

/**
 * Sets a milestone as a share of the eligible population on a unit and every unit below it
 * existing on the due date: the share is kept, shares set before on units below it for the
 * same milestone give way to it, and the targets are written as counts. Refused when a leaf
 * has no population by the due date. Returns the targets changed.
 */
export async function setTargetShare(actor: Actor, input: TargetShareRecord): Promise<{ targets: number }> {
  requireAdmin(actor);
  if (!Number.isInteger(input.basisPoints) || input.basisPoints <= 0 || input.basisPoints > 10_000) throw invalidField("share", "validation.population.share");
  return db().$transaction(async (tx) => {
    const [campaign, metric, unitOn] = await Promise.all([
      tx.campaign.findUnique({ where: { code: input.campaign }, select: { id: true } }),
      tx.metric.findUnique({ where: { code: input.metric }, select: { id: true } }),
      unitsOnDays(tx, [input.unitCode]),
    ]);
    if (!campaign) throw invalidField("campaign", "admin.campaigns.refusal.noSuchCampaign", { code: input.campaign });
    if (!metric) throw invalidField("metric", "admin.campaigns.refusal.noSuchMetric", { code: input.metric });
    const unit = unitOn(input.unitCode, input.dueDate);
    if (!unit) throw invalidField("unit", "admin.units.refusal.noSuchUnit", { code: input.unitCode });
    const due = dayToDate(input.dueDate);
    const before = await tx.targetShare.findMany({
      where: { campaignId: campaign.id, metricId: metric.id, dueDate: due, unit: { path: { startsWith: unit.path } } },
      select: { unitId: true, basisPoints: true, unit: { select: { code: true } } },
    });
    const own = before.find((s) => s.unitId === unit.id);
    const below = before.filter((s) => s.unitId !== unit.id);
    if (below.length) await tx.targetShare.deleteMany({ where: { campaignId: campaign.id, metricId: metric.id, dueDate: due, unitId: { in: below.map((s) => s.unitId) } } });
    await tx.targetShare.upsert({
      where: { campaignId_unitId_metricId_dueDate: { campaignId: campaign.id, unitId: unit.id, metricId: metric.id, dueDate: due } },
      create: { campaignId: campaign.id, unitId: unit.id, metricId: metric.id, dueDate: due, basisPoints: input.basisPoints },
      update: { basisPoints: input.basisPoints },
    });
    const key = (code: string) => `${input.campaign}:${code}:${input.metric}:${input.dueDate}`;
    await writeAudits(tx, [
      ...below.map((s) => ({ userId: actor.id, action: "target_share.remove" as const, entity: "target_share", entityKey: key(s.unit.code), unitId: s.unitId, oldValue: s.basisPoints })),
      ...(own?.basisPoints === input.basisPoints ? [] : [{
        userId: actor.id, action: "target_share.set" as const, entity: "target_share", entityKey: key(input.unitCode), unitId: unit.id,
        ...(own ? { oldValue: own.basisPoints } : {}), newValue: input.basisPoints,
      }]),
    ]);
    return { targets: await writeShareTargets(tx, actor, input) };
  });
}

/** Writes the targets a share sets (the unit and every unit below it existing on the due date); refused when a leaf has no population. */
async function writeShareTargets(tx: Tx, actor: Actor, share: TargetShareRecord): Promise<number> {
  const nodes = await subtreeWithPopulations(tx, share.unitCode, share.dueDate);
  const missing = nodes.filter((n) => n.leaf && n.population === undefined).map((n) => n.code);
  if (missing.length) {
    const codes = missing.slice(0, NAMED).join(", ") + (missing.length > NAMED ? ", …" : "");
    throw invalidField("share", "validation.population.missing", { date: formatDay(share.dueDate), count: missing.length, codes });
  }
  const counts = allocateShare(nodes, share.basisPoints);
  return writeTargetValues(tx, actor, nodes.map((n) => ({ campaign: share.campaign, metric: share.metric, dueDate: share.dueDate, unitCode: n.code, value: counts.get(n.code)! })));
}

/** The unit and every unit below it existing on `day`, each leaf with its population on that day (the latest on or before it), if any. */
async function subtreeWithPopulations(tx: Tx, unitCode: string, day: string): Promise<(ShareNode & { leaf: boolean })[]> {
  const rows = await tx.$queryRaw<{ code: string; parent_code: string | null; depth: number; leaf: boolean; eligible: number | null }[]>`
    WITH root AS (SELECT u.id, u.path FROM unit u WHERE u.code = ${unitCode} AND ${existsOn("u", day)}),
    tree AS (SELECT u.* FROM unit u, root WHERE starts_with(u.path, root.path) AND ${existsOn("u", day)})
    SELECT t.code, CASE WHEN t.id = (SELECT id FROM root) THEN NULL ELSE p.code END AS parent_code, t.level AS depth,
           NOT EXISTS (SELECT 1 FROM tree c WHERE c.parent_id = t.id) AS leaf,
           (SELECT up.eligible FROM unit_population up WHERE up.unit_id = t.id AND up.as_of <= ${day}::date ORDER BY up.as_of DESC LIMIT 1) AS eligible
    FROM tree t LEFT JOIN unit p ON p.id = t.parent_id
    ORDER BY t.path`;
  return rows.map((r) => ({ code: r.code, parentCode: r.parent_code, leaf: r.leaf, ...(r.leaf && r.eligible !== null ? { population: r.eligible } : {}) }));
}

/** The eligible population of each unit on `day` (a leaf's latest on or before it, a parent's the sum of its leaves'), for the units given. */
export async function populationsAt(unitIds: readonly number[], day: string): Promise<Map<number, number | null>> {
  const result = new Map<number, number | null>();
  if (unitIds.length === 0) return result;
  // most installations enter no population: one look, and every view is spared the leaves' walk
  const [{ any }] = await db().$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM unit_population) AS any`;
  if (!any) return new Map(unitIds.map((id) => [id, null]));
  const rows = await db().$queryRaw<{ unit_id: number; eligible: number | null; known: number; leaves: number }[]>`
    SELECT u.id AS unit_id, sum(p.eligible)::int AS eligible, count(p.eligible)::int AS known, count(*)::int AS leaves
    FROM unnest(${[...unitIds]}::int[]) AS q(id)
    JOIN unit u ON u.id = q.id
    JOIN unit l ON starts_with(l.path, u.path) AND ${existsOn("l", day)}
      AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = l.id AND ${existsOn("c", day)})
    LEFT JOIN LATERAL (SELECT up.eligible FROM unit_population up WHERE up.unit_id = l.id AND up.as_of <= ${day}::date ORDER BY up.as_of DESC LIMIT 1) p ON true
    GROUP BY u.id`;
  // a parent some of whose leaves have no population has no population: a partial sum would mislead
  for (const row of rows) result.set(row.unit_id, row.known === row.leaves ? row.eligible : null);
  return result;
}

/** A milestone set as a share, as the campaign page lists it. */
export interface TargetShareDTO {
  unitCode: string;
  unitName: string;
  metric: string;
  dueDate: string;
  basisPoints: number;
  /** the unit's eligible population on the due date; null while some leaf under it has none */
  population: number | null;
  /** the target it set for the unit itself */
  target: number | null;
}

/** The milestones of a campaign set as a share of the eligible population (administrators). */
export async function listTargetShares(actor: Actor, campaignCode: string): Promise<TargetShareDTO[]> {
  requireAdmin(actor);
  const rows = await db().$queryRaw<{ unit_id: number; code: string; name: string; metric: string; due: Date; basis_points: number; target: number | null }[]>`
    SELECT s.unit_id, u.code, u.name, m.code AS metric, s.due_date AS due, s.basis_points, t.value AS target
    FROM target_share s JOIN campaign c ON c.id = s.campaign_id JOIN unit u ON u.id = s.unit_id JOIN metric m ON m.id = s.metric_id
    LEFT JOIN target t ON t.campaign_id = s.campaign_id AND t.unit_id = s.unit_id AND t.metric_id = s.metric_id AND t.due_date = s.due_date
    WHERE c.code = ${campaignCode}
    ORDER BY s.due_date, m.sort_order, u.path`;
  // one read of the populations per due date, not one per share
  const days = [...new Set(rows.map((r) => dateToDay(r.due)))];
  const populationOn = new Map(await Promise.all(days.map(async (day) =>
    [day, await populationsAt(rows.filter((r) => dateToDay(r.due) === day).map((r) => r.unit_id), day)] as const)));
  return rows.map((r) => {
    const dueDate = dateToDay(r.due);
    return {
      unitCode: r.code, unitName: r.name, metric: r.metric, dueDate, basisPoints: r.basis_points, target: r.target,
      population: populationOn.get(dueDate)!.get(r.unit_id) ?? null,
    };
  });
}
