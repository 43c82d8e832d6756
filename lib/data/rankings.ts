import "server-only";
import { db } from "@/lib/db/client";
import { canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { dateToDay, dayToDate } from "@/lib/domain/dates";
import { effectiveTargets, pickDueDate, type TargetNode } from "@/lib/domain/milestones";
import { percentOf } from "@/lib/domain/percent";
import { rankRows } from "@/lib/domain/ranking";
import { parentReportedOn } from "@/lib/domain/reporting";
import { AppError } from "./errors";
import { resolveCampaign } from "./campaigns";

export interface RankingRowDTO {
  code: string;
  name: string;
  actual: number;
  target: number | null;
  percent: number | null;
  rank: number | null;
  reportedOn: string | null;
}

export interface RankingDTO {
  asOf: string;
  metric: string;
  campaign: string | null;
  dueDate: string | null;
  parent: { code: string; name: string } | null;
  rows: RankingRowDTO[];
}

export interface RankingQuery {
  parentCode: string | null;
  metricCode: string;
  asOf: string;
  campaignCode?: string;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  path: string;
}

/**
 * Ranks the children of a unit (or the roots) by share of target, following the shared
 * semantics in the README ("How figures are computed"). Scope is part of the query: rows
 * outside what the actor may see are never read.
 */
export async function getRankings(actor: Actor, query: RankingQuery): Promise<RankingDTO> {
  const scope = viewScope(actor);
  if (scope === null) throw new AppError("FORBIDDEN");
  const client = db();
  const metric = await client.metric.findUnique({ where: { code: query.metricCode }, select: { id: true, code: true } });
  if (!metric) throw new AppError("NOT_FOUND", "metric");

  let parent: UnitRow | null = null;
  if (query.parentCode !== null) {
    parent = await client.unit.findUnique({ where: { code: query.parentCode }, select: { id: true, code: true, name: true, path: true } });
    if (!parent) throw new AppError("NOT_FOUND", "unit");
    if (!canViewUnit(actor, parent.path)) throw new AppError("FORBIDDEN");
  }
  const asOfDate = dayToDate(query.asOf);
  // A unit dissolved (or merged) on day D is listed in views as of days before D; from D
  // on it is not, while its figures stay attached to it and in its parent's totals.
  const current = { OR: [{ dissolvedOn: null }, { dissolvedOn: { gt: asOfDate } }] };
  const children = await client.unit.findMany({
    where: parent ? { parentId: parent.id, ...current } : { parentId: null, path: { startsWith: scope }, ...current },
    select: { id: true, code: true, name: true, path: true },
  });

  const campaign = await resolveCampaign(query.campaignCode, query.asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", "campaign");

  const childIds = children.map((c) => c.id);
  const actuals = await client.$queryRaw<{ unit_id: number; cumulative: number }[]>`
    SELECT c.id AS unit_id,
      COALESCE((SELECT t.cumulative FROM daily_total t
                WHERE t.unit_id = c.id AND t.metric_id = ${metric.id} AND t.date <= ${asOfDate}::date
                ORDER BY t.date DESC LIMIT 1), 0)::int AS cumulative
    FROM unnest(${childIds}::int[]) AS c(id)`;
  const actualById = new Map(actuals.map((row) => [row.unit_id, row.cumulative]));

  const { dueDate, targets } = campaign
    ? await subtreeTargets(campaign.id, metric.id, query.asOf, children)
    : { dueDate: null, targets: new Map<string, number | null>() };
  const reported = await reportedOnByChild(children, query.asOf);

  const rows = rankRows(
    children.map((child) => {
      const actual = actualById.get(child.id) ?? 0;
      const target = targets.get(child.code) ?? null;
      return { code: child.code, name: child.name, actual, target, percent: percentOf(actual, target), reportedOn: reported.get(child.code) ?? null };
    }),
  );
  return {
    asOf: query.asOf,
    metric: metric.code,
    campaign: campaign?.code ?? null,
    dueDate,
    parent: parent ? { code: parent.code, name: parent.name } : null,
    rows,
  };
}

/** Effective targets of `units` at the campaign milestone that counts on `asOf`. */
async function subtreeTargets(campaignId: number, metricId: number, asOf: string, units: UnitRow[]) {
  const client = db();
  const dueRows = await client.target.findMany({
    where: { campaignId, metricId },
    distinct: ["dueDate"],
    select: { dueDate: true },
  });
  const dueDate = pickDueDate(dueRows.map((row) => dateToDay(row.dueDate)), asOf);
  const targets = new Map<string, number | null>();
  if (!dueDate || units.length === 0) return { dueDate, targets };

  const prefixes = units.map((u) => u.path);
  const rows = await client.$queryRaw<{ code: string; path: string; value: number }[]>`
    SELECT u.code, u.path, t.value
    FROM target t JOIN unit u ON u.id = t.unit_id
    WHERE t.campaign_id = ${campaignId} AND t.metric_id = ${metricId} AND t.due_date = ${dayToDate(dueDate)}::date
      AND u.path LIKE ANY (SELECT p || '%' FROM unnest(${prefixes}::text[]) AS p)`;

  // Build the part of the tree that connects each unit to the targets below it.
  const nodes = new Map<string, TargetNode>();
  const unitDepth = units[0].path.split("/").filter(Boolean).length;
  for (const unit of units) nodes.set(unit.code, { code: unit.code, parentCode: null, ownTarget: null });
  for (const row of rows) {
    const chain = row.path.split("/").filter(Boolean).slice(unitDepth - 1);
    chain.forEach((code, index) => {
      const existing = nodes.get(code);
      const parentCode = index === 0 ? null : chain[index - 1];
      nodes.set(code, { code, parentCode, ownTarget: existing?.ownTarget ?? null });
    });
    nodes.set(row.code, { ...nodes.get(row.code)!, ownTarget: row.value });
  }
  const effective = effectiveTargets([...nodes.values()]);
  for (const unit of units) targets.set(unit.code, effective.get(unit.code) ?? null);
  return { dueDate, targets };
}

/** reportedOn of each unit: its leaves' latest reported day, the earliest among them. */
async function reportedOnByChild(units: UnitRow[], asOf: string): Promise<Map<string, string | null>> {
  const result = new Map<string, string | null>();
  if (units.length === 0) return result;
  const prefixes = units.map((u) => u.path);
  const leaves = await db().$queryRaw<{ path: string; reported: Date | null }[]>`
    SELECT leaf.path,
      (SELECT max(f.date) FROM figure f WHERE f.unit_id = leaf.id AND f.date <= ${dayToDate(asOf)}::date) AS reported
    FROM unit leaf
    WHERE leaf.path LIKE ANY (SELECT p || '%' FROM unnest(${prefixes}::text[]) AS p)
      AND NOT EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = leaf.id)`;
  // All ranked units are siblings, so a leaf's owner is the path segment at their depth.
  const depth = units[0].path.split("/").filter(Boolean).length;
  const byUnit = new Map<string, (string | null)[]>();
  for (const leaf of leaves) {
    const ownerCode = leaf.path.split("/")[depth - 1];
    const list = byUnit.get(ownerCode) ?? [];
    list.push(leaf.reported ? dateToDay(leaf.reported) : null);
    byUnit.set(ownerCode, list);
  }
  for (const unit of units) result.set(unit.code, parentReportedOn(byUnit.get(unit.code) ?? [null]));
  return result;
}
