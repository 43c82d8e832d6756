import "server-only";
// Campaigns and their milestone targets (administrators): create a campaign, set the targets
// of a unit and its children for one milestone in a grid, and warn where children's targets
// do not add up to their parent's. Every change is audited in its transaction.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { populationsAt } from "./population";
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { checkTargetSum, type TargetSumWarning } from "@/lib/domain/target-sums";
import { compareVietnamese } from "@/lib/domain/text";
import type { Locale } from "@/lib/i18n/config";
import type { CampaignDTO } from "./campaigns";
import { AppError, invalidField } from "./errors";
import { writeAudits } from "./audit";
import { unitOnDay, unitsOnDays } from "./unit-on-day";

export interface CampaignSummaryDTO extends CampaignDTO {
  /** due dates of its milestones, ascending */
  dueDates: string[];
  targets: number;
}

/** A metric with its name in each interface language. */
export interface MetricDTO {
  code: string;
  name: Record<Locale, string>;
}

export interface TargetGridDTO {
  campaign: CampaignDTO;
  metric: MetricDTO;
  dueDate: string;
  parent: { code: string; name: string; target: number | null; population: number | null };
  children: { code: string; name: string; target: number | null; dissolvedOn: string | null; population: number | null }[];
  warning: TargetSumWarning | null;
  /** whether any unit of the grid has an eligible population on the due date (the grid shows the column then) */
  hasPopulation: boolean;
}

export interface WarningDTO extends TargetSumWarning {
  metric: string;
  dueDate: string;
}

function requireAdmin(actor: Actor): void {
  if (!canAdminister(actor)) throw new AppError("FORBIDDEN");
}

const toCampaign = (c: { id: number; code: string; name: string; startDate: Date; endDate: Date }): CampaignDTO =>
  ({ id: c.id, code: c.code, name: c.name, startDate: dateToDay(c.startDate), endDate: dateToDay(c.endDate) });

export async function listCampaigns(actor: Actor): Promise<CampaignSummaryDTO[]> {
  requireAdmin(actor);
  const client = db();
  const campaigns = await client.campaign.findMany({ orderBy: { startDate: "desc" } });
  const milestones = await client.target.groupBy({ by: ["campaignId", "dueDate"], _count: { _all: true }, orderBy: { dueDate: "asc" } });
  return campaigns.map((c) => {
    const own = milestones.filter((milestone) => milestone.campaignId === c.id);
    return { ...toCampaign(c), dueDates: own.map((milestone) => dateToDay(milestone.dueDate)), targets: own.reduce((n, milestone) => n + milestone._count._all, 0) };
  });
}

const toMetric = (row: { code: string; nameVi: string; nameEn: string }): MetricDTO => ({ code: row.code, name: { vi: row.nameVi, en: row.nameEn } });

export async function listMetrics(actor: Actor): Promise<MetricDTO[]> {
  requireAdmin(actor);
  const metrics = await db().metric.findMany({ select: { code: true, nameVi: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return metrics.map(toMetric);
}

/** A campaign as a form or a list gives it. */
export interface CampaignRecord {
  code: string;
  name: string;
  startDate: string;
  endDate: string;
}

export type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

/** Creates the new campaigns and updates the others, each audited (campaign.create, campaign.update). */
async function writeCampaigns(tx: Tx, actor: Actor, campaigns: readonly CampaignRecord[]): Promise<void> {
  const before = new Map((await tx.campaign.findMany({ where: { code: { in: campaigns.map((c) => c.code) } } })).map((c) => [c.code, c]));
  const fresh = campaigns.filter((c) => !before.has(c.code));
  const dates = (c: CampaignRecord) => ({ name: c.name, startDate: dayToDate(c.startDate), endDate: dayToDate(c.endDate) });
  if (fresh.length) await tx.campaign.createMany({ data: fresh.map((c) => ({ code: c.code, ...dates(c) })) });
  // a list names a few campaigns: one update each
  for (const c of campaigns.filter((c) => before.has(c.code))) await tx.campaign.update({ where: { code: c.code }, data: dates(c) });
  await writeAudits(tx, campaigns.map((c) => {
    const old = before.get(c.code);
    return {
      userId: actor.id, action: old ? "campaign.update" : "campaign.create", entity: "campaign", entityKey: c.code,
      ...(old ? { oldValue: { name: old.name, startDate: dateToDay(old.startDate), endDate: dateToDay(old.endDate) } } : {}),
      newValue: { name: c.name, startDate: c.startDate, endDate: c.endDate },
    };
  }));
}

/** A new campaign (the administration page): refused when its code is taken. */
export async function createCampaign(actor: Actor, input: CampaignRecord): Promise<CampaignDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    if (await tx.campaign.findUnique({ where: { code: input.code }, select: { id: true } })) throw invalidField("code", "admin.campaigns.refusal.duplicateCode", { code: input.code });
    await writeCampaigns(tx, actor, [input]);
    return toCampaign(await tx.campaign.findUniqueOrThrow({ where: { code: input.code } }));
  });
}

/** Campaigns from a list (the campaigns import): new ones created, known ones updated. All or nothing. */
export async function saveCampaigns(actor: Actor, campaigns: readonly CampaignRecord[]): Promise<number> {
  requireAdmin(actor);
  if (campaigns.length === 0) return 0;
  await db().$transaction((tx) => writeCampaigns(tx, actor, campaigns));
  return campaigns.length;
}

async function gridContext(campaignCode: string, metricCode: string) {
  const client = db();
  const [campaign, metric] = await Promise.all([
    client.campaign.findUnique({ where: { code: campaignCode } }),
    client.metric.findUnique({ where: { code: metricCode }, select: { id: true, code: true, nameVi: true, nameEn: true } }),
  ]);
  if (!campaign) throw invalidField("campaign", "admin.campaigns.refusal.noSuchCampaign", { code: campaignCode });
  if (!metric) throw invalidField("metric", "admin.campaigns.refusal.noSuchMetric", { code: metricCode });
  return { campaign, metric };
}

/** The targets of a unit and its children for one milestone. */
export async function getTargetGrid(actor: Actor, query: { campaign: string; metric: string; dueDate: string; parentCode: string }): Promise<TargetGridDTO> {
  requireAdmin(actor);
  const client = db();
  const { campaign, metric } = await gridContext(query.campaign, query.metric);
  const parent = await unitOnDay(client, query.parentCode, query.dueDate, { id: true, code: true, name: true });
  if (!parent) throw invalidField("parentCode", "admin.units.refusal.noSuchUnit", { code: query.parentCode });
  const children = (await client.unit.findMany({ where: { parentId: parent.id }, select: { id: true, code: true, name: true, dissolvedOn: true } }))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const targets = await client.target.findMany({
    where: { campaignId: campaign.id, metricId: metric.id, dueDate: dayToDate(query.dueDate), unitId: { in: [parent.id, ...children.map((c) => c.id)] } },
    select: { unitId: true, value: true },
  });
  const byUnit = new Map(targets.map((t) => [t.unitId, t.value]));
  // the eligible population on the due date, summed up the tree like figures (issue 22)
  const populations = await populationsAt([parent.id, ...children.map((c) => c.id)], query.dueDate);
  const parentRow = { code: parent.code, name: parent.name, target: byUnit.get(parent.id) ?? null, population: populations.get(parent.id) ?? null };
  // A unit that ended before the due date takes no part in the milestone.
  const childRows = children
    .filter((c) => !c.dissolvedOn || dateToDay(c.dissolvedOn) > query.dueDate || byUnit.has(c.id))
    .map((c) => ({ code: c.code, name: c.name, target: byUnit.get(c.id) ?? null, dissolvedOn: c.dissolvedOn ? dateToDay(c.dissolvedOn) : null, population: populations.get(c.id) ?? null }));
  return {
    campaign: toCampaign(campaign), metric: toMetric(metric), dueDate: query.dueDate,
    parent: parentRow, children: childRows, warning: checkTargetSum(parentRow, childRows),
    hasPopulation: [parentRow, ...childRows].some((row) => row.population !== null),
  };
}

/**
 * Saves one milestone's targets for the units listed (a number sets it, null removes it);
 * unchanged values are left alone. All or nothing.
 */
export async function saveTargets(actor: Actor, input: { campaign: string; metric: string; dueDate: string; values: { unitCode: string; value: number | null }[] }): Promise<{ changed: number }> {
  return { changed: await saveTargetValues(actor, input.values.map(({ unitCode, value }) => ({ campaign: input.campaign, metric: input.metric, dueDate: input.dueDate, unitCode, value }))) };
}

/** One target: a number sets it, null removes it. */
export interface TargetRecord {
  campaign: string;
  unitCode: string;
  metric: string;
  dueDate: string;
  value: number | null;
}

/**
 * Sets targets of any campaigns, metrics and milestones (the grid of one milestone, the
 * targets import): unchanged values are left alone, each change audited (target.create,
 * target.update, target.delete). All or nothing, set-based: the stored values read in one
 * query, the changes written in one statement of each kind. Returns how many changed.
 */
export async function saveTargetValues(actor: Actor, targets: readonly TargetRecord[]): Promise<number> {
  requireAdmin(actor);
  if (targets.length === 0) return 0;
  return db().$transaction((tx) => writeTargetValues(tx, actor, targets));
}

/** saveTargetValues in the caller's transaction (targets derived from a population share, lib/data/population.ts); the caller checks the actor. */
export async function writeTargetValues(tx: Tx, actor: Actor, targets: readonly TargetRecord[]): Promise<number> {
  if (targets.length === 0) return 0;
  const [campaigns, metrics] = await Promise.all([
    tx.campaign.findMany({ where: { code: { in: [...new Set(targets.map((t) => t.campaign))] } }, select: { id: true, code: true } }),
    tx.metric.findMany({ where: { code: { in: [...new Set(targets.map((t) => t.metric))] } }, select: { id: true, code: true } }),
  ]);
  const campaignOf = new Map(campaigns.map((c) => [c.code, c]));
  const metricOf = new Map(metrics.map((m) => [m.code, m]));
  const missingCampaign = targets.find((t) => !campaignOf.has(t.campaign));
  if (missingCampaign) throw invalidField("campaign", "admin.campaigns.refusal.noSuchCampaign", { code: missingCampaign.campaign });
  const missingMetric = targets.find((t) => !metricOf.has(t.metric));
  if (missingMetric) throw invalidField("metric", "admin.campaigns.refusal.noSuchMetric", { code: missingMetric.metric });
  {
    // each code on its target's due date (a code names a unit only together with a day)
    const unitOn = await unitsOnDays(tx, targets.map((t) => t.unitCode));
    const unknown = [...new Set(targets.filter((t) => !unitOn(t.unitCode, t.dueDate)).map((t) => t.unitCode))];
    if (unknown.length) throw invalidField("values", "admin.units.refusal.noSuchUnit", { code: unknown.join(", ") });
    const keyOf = (campaignId: number, unitId: number, metricId: number, dueDate: string) => `${campaignId}|${unitId}|${metricId}|${dueDate}`;
    const rows = targets.map((t) => ({ ...t, campaignId: campaignOf.get(t.campaign)!.id, unitId: unitOn(t.unitCode, t.dueDate)!.id, metricId: metricOf.get(t.metric)!.id }));
    const stored = await tx.target.findMany({
      where: {
        campaignId: { in: [...new Set(rows.map((r) => r.campaignId))] }, metricId: { in: [...new Set(rows.map((r) => r.metricId))] },
        unitId: { in: [...new Set(rows.map((r) => r.unitId))] }, dueDate: { in: [...new Set(rows.map((r) => r.dueDate))].map(dayToDate) },
      },
      select: { id: true, campaignId: true, unitId: true, metricId: true, dueDate: true, value: true },
    });
    const before = new Map(stored.map((t) => [keyOf(t.campaignId, t.unitId, t.metricId, dateToDay(t.dueDate)), t]));
    const changes = rows.filter((r) => (before.get(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate))?.value ?? null) !== r.value);
    const removed = changes.filter((r) => r.value === null).map((r) => before.get(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate))!.id);
    const updated = changes.filter((r) => r.value !== null && before.has(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate)));
    const created = changes.filter((r) => r.value !== null && !before.has(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate)));
    if (removed.length) await tx.target.deleteMany({ where: { id: { in: removed } } });
    if (updated.length) {
      await tx.$executeRaw`
        UPDATE target AS t SET value = v.value
        FROM unnest(${updated.map((r) => before.get(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate))!.id)}::int[], ${updated.map((r) => r.value)}::int[]) AS v(id, value)
        WHERE t.id = v.id`;
    }
    if (created.length) {
      await tx.$executeRaw`
        INSERT INTO target (campaign_id, unit_id, metric_id, due_date, value)
        SELECT * FROM unnest(${created.map((r) => r.campaignId)}::int[], ${created.map((r) => r.unitId)}::int[], ${created.map((r) => r.metricId)}::int[], ${created.map((r) => r.dueDate)}::date[], ${created.map((r) => r.value)}::int[])`;
    }
    await writeAudits(tx, changes.map((r) => {
      const old = before.get(keyOf(r.campaignId, r.unitId, r.metricId, r.dueDate));
      return {
        userId: actor.id, action: r.value === null ? "target.delete" : old ? "target.update" : "target.create", entity: "target",
        entityKey: `${r.campaign}:${r.unitCode}:${r.metric}:${r.dueDate}`, unitId: r.unitId,
        ...(old ? { oldValue: old.value } : {}), ...(r.value !== null ? { newValue: r.value } : {}),
      };
    }));
    return changes.length;
  }
}

/** Every milestone of a campaign where a unit's children's targets do not add up to its own. */
export async function listTargetSumWarnings(actor: Actor, campaignCode: string): Promise<WarningDTO[]> {
  requireAdmin(actor);
  const client = db();
  const campaign = await client.campaign.findUnique({ where: { code: campaignCode }, select: { id: true } });
  if (!campaign) throw new AppError("NOT_FOUND");
  const targets = await client.target.findMany({
    where: { campaignId: campaign.id },
    select: { unitId: true, dueDate: true, value: true, metric: { select: { code: true } } },
  });
  const parentIds = [...new Set(targets.map((t) => t.unitId))];
  const units = await client.unit.findMany({
    where: { OR: [{ id: { in: parentIds } }, { parentId: { in: parentIds } }] },
    select: { id: true, code: true, name: true, parentId: true, dissolvedOn: true },
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const value = new Map(targets.map((t) => [`${t.unitId}|${t.metric.code}|${dateToDay(t.dueDate)}`, t.value]));
  const warnings: WarningDTO[] = [];
  for (const t of targets) {
    const parent = byId.get(t.unitId)!;
    const due = dateToDay(t.dueDate);
    const children = units
      .filter((u) => u.parentId === parent.id && (!u.dissolvedOn || dateToDay(u.dissolvedOn) > due || value.has(`${u.id}|${t.metric.code}|${due}`)))
      .map((u) => ({ code: u.code, name: u.name, target: value.get(`${u.id}|${t.metric.code}|${due}`) ?? null }));
    const warning = checkTargetSum({ code: parent.code, name: parent.name, target: t.value }, children);
    if (warning) warnings.push({ ...warning, metric: t.metric.code, dueDate: due });
  }
  return warnings.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.metric.localeCompare(b.metric) || a.unitCode.localeCompare(b.unitCode));
}
