import "server-only";
// Campaigns and their milestone targets (administrators): create a campaign, set the targets
// of a unit and its children for one milestone in a grid, and warn where children's targets
// do not add up to their parent's. Every change is audited in its transaction.
import { canAdminister, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { checkTargetSum, type TargetSumWarning } from "@/lib/domain/target-sums";
import { compareVietnamese } from "@/lib/domain/text";
import type { Locale } from "@/lib/i18n/config";
import type { CampaignDTO } from "./campaigns";
import { AppError, invalidField } from "./errors";
import { writeAudit } from "./audit";

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
  parent: { code: string; name: string; target: number | null };
  children: { code: string; name: string; target: number | null; dissolvedOn: string | null }[];
  warning: TargetSumWarning | null;
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

export async function createCampaign(actor: Actor, input: { code: string; name: string; startDate: string; endDate: string }): Promise<CampaignDTO> {
  requireAdmin(actor);
  return db().$transaction(async (tx) => {
    if (await tx.campaign.findUnique({ where: { code: input.code }, select: { id: true } })) throw invalidField("code", "admin.campaigns.refusal.duplicateCode", { code: input.code });
    const created = await tx.campaign.create({ data: { code: input.code, name: input.name, startDate: dayToDate(input.startDate), endDate: dayToDate(input.endDate) } });
    await writeAudit(tx, { userId: actor.id, action: "campaign.create", entity: "campaign", entityKey: input.code, newValue: { name: input.name, startDate: input.startDate, endDate: input.endDate } });
    return toCampaign(created);
  });
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
  const parent = await client.unit.findUnique({ where: { code: query.parentCode }, select: { id: true, code: true, name: true } });
  if (!parent) throw invalidField("parentCode", "admin.units.refusal.noSuchUnit", { code: query.parentCode });
  const children = (await client.unit.findMany({ where: { parentId: parent.id }, select: { id: true, code: true, name: true, dissolvedOn: true } }))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const targets = await client.target.findMany({
    where: { campaignId: campaign.id, metricId: metric.id, dueDate: dayToDate(query.dueDate), unitId: { in: [parent.id, ...children.map((c) => c.id)] } },
    select: { unitId: true, value: true },
  });
  const byUnit = new Map(targets.map((t) => [t.unitId, t.value]));
  const parentRow = { code: parent.code, name: parent.name, target: byUnit.get(parent.id) ?? null };
  // A unit that ended before the due date takes no part in the milestone.
  const childRows = children
    .filter((c) => !c.dissolvedOn || dateToDay(c.dissolvedOn) > query.dueDate || byUnit.has(c.id))
    .map((c) => ({ code: c.code, name: c.name, target: byUnit.get(c.id) ?? null, dissolvedOn: c.dissolvedOn ? dateToDay(c.dissolvedOn) : null }));
  return {
    campaign: toCampaign(campaign), metric: toMetric(metric), dueDate: query.dueDate,
    parent: parentRow, children: childRows, warning: checkTargetSum(parentRow, childRows),
  };
}

/**
 * Saves one milestone's targets for the units listed (a number sets it, null removes it);
 * unchanged values are left alone. All or nothing.
 */
export async function saveTargets(actor: Actor, input: { campaign: string; metric: string; dueDate: string; values: { unitCode: string; value: number | null }[] }): Promise<{ changed: number }> {
  requireAdmin(actor);
  const { campaign, metric } = await gridContext(input.campaign, input.metric);
  const dueDate = dayToDate(input.dueDate);
  return db().$transaction(async (tx) => {
    const units = new Map((await tx.unit.findMany({ where: { code: { in: input.values.map((v) => v.unitCode) } }, select: { id: true, code: true } })).map((u) => [u.code, u]));
    const unknown = input.values.filter((v) => !units.has(v.unitCode)).map((v) => v.unitCode);
    if (unknown.length) throw invalidField("values", "admin.units.refusal.noSuchUnit", { code: unknown.join(", ") });
    let changed = 0;
    for (const { unitCode, value } of input.values) {
      const unit = units.get(unitCode)!;
      const key = { campaignId: campaign.id, unitId: unit.id, metricId: metric.id, dueDate };
      const before = await tx.target.findUnique({ where: { campaignId_unitId_metricId_dueDate: key }, select: { value: true } });
      if ((before?.value ?? null) === value) continue;
      if (value === null) await tx.target.delete({ where: { campaignId_unitId_metricId_dueDate: key } });
      else await tx.target.upsert({ where: { campaignId_unitId_metricId_dueDate: key }, create: { ...key, value }, update: { value } });
      await writeAudit(tx, {
          userId: actor.id, action: value === null ? "target.delete" : before ? "target.update" : "target.create", entity: "target",
          entityKey: `${campaign.code}:${unitCode}:${metric.code}:${input.dueDate}`, unitId: unit.id,
          ...(before ? { oldValue: before.value } : {}), ...(value !== null ? { newValue: value } : {}),
        });
      changed++;
    }
    return { changed };
  });
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
