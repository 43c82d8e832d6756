import "server-only";
// Which rule picks the criticised units of a unit's rankings (lib/domain/criticism-rule.ts):
// the unit's own stored rule, else its nearest ancestor's, else the bottom 5. Everyone who may
// view a unit reads it (it shapes what they are shown); administrators and provincial users
// within their province change it, audited in the same transaction.
import { canEditCriticismRule } from "@/lib/auth/criticism-permissions";
import { ancestorPaths, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { DEFAULT_CRITICISM_RULE, type CriticismRule, type CriticismRuleKind } from "@/lib/domain/criticism-rule";
import type { CriticismRuleInput } from "@/lib/validation/criticism-rule";
import { writeAudit } from "./audit";
import { AppError } from "./errors";
import { resolveCampaign } from "./campaigns";
import { getViewableUnit, progressOf } from "./progress";

export interface CriticismRuleDTO {
  unit: { code: string; name: string };
  rule: CriticismRule;
  /** where the rule comes from: the unit's own row, an ancestor's, or the default */
  source: "own" | "inherited" | "default";
  /** the unit whose row is used (itself or an ancestor); null for the default */
  sourceUnit: { code: string; name: string } | null;
  updatedAt: string | null;
  /** whether the caller may change it */
  editable: boolean;
}

interface StoredRuleRow { kind: string; count: number; threshold: number | null }

/** A stored row as a rule; a row of an unknown kind reads as the default ("bottom" of its count). */
function ruleOf(row: StoredRuleRow): CriticismRule {
  const kind = row.kind as CriticismRuleKind;
  if (kind === "belowPercent" && row.threshold !== null) return { kind, count: row.count, threshold: row.threshold };
  if (kind === "belowParent") return { kind, count: row.count };
  return { kind: "bottom", count: row.count };
}

/**
 * The rule in force for a unit already checked against the caller's scope (its `path`, the
 * chain of codes down to itself), with the unit whose row it is. Internal: callers check scope.
 */
export async function criticismRuleOfPath(path: string): Promise<{ rule: CriticismRule; from: { code: string; name: string; updatedAt: Date } | null }> {
  const paths = [...ancestorPaths(path), path];
  const units = await db().unit.findMany({ where: { path: { in: paths } }, select: { id: true, code: true, name: true, path: true } });
  const rows = new Map((await db().criticismRule.findMany({ where: { unitId: { in: units.map((u) => u.id) } } })).map((row) => [row.unitId, row]));
  // nearest first: the unit itself, then its parent, and so on up
  const byPath = new Map(units.map((u) => [u.path, u]));
  for (const p of [...paths].reverse()) {
    const unit = byPath.get(p);
    const row = unit && rows.get(unit.id);
    if (unit && row) return { rule: ruleOf(row), from: { code: unit.code, name: unit.name, updatedAt: row.updatedAt } };
  }
  return { rule: DEFAULT_CRITICISM_RULE, from: null };
}

/** The criticism rule a unit's rankings follow, where it comes from, and whether the caller may change it. */
export async function getCriticismRule(actor: Actor, unitCode: string): Promise<CriticismRuleDTO> {
  return ruleOfUnit(actor, await getViewableUnit(actor, unitCode));
}

async function ruleOfUnit(actor: Actor, unit: { code: string; name: string; path: string }): Promise<CriticismRuleDTO> {
  const { rule, from } = await criticismRuleOfPath(unit.path);
  return {
    unit: { code: unit.code, name: unit.name },
    rule,
    source: from === null ? "default" : from.code === unit.code ? "own" : "inherited",
    sourceUnit: from && { code: from.code, name: from.name },
    updatedAt: from?.code === unit.code ? from.updatedAt.toISOString() : null,
    editable: canEditCriticismRule(actor, unit.path),
  };
}

export interface CriticismContextDTO extends CriticismRuleDTO {
  /** the ranked children's parent and its own percent on the day (needed by "belowParent") */
  parent: { name: string; percent: number | null };
}

/**
 * The rule for the ranking of a unit's children on a day, with the unit's own percent on
 * the metric, which "belowParent" compares them with (read only for that rule).
 */
export async function getCriticismContext(actor: Actor, query: { unitCode: string; metricCode: string; asOf: string; campaignCode?: string }): Promise<CriticismContextDTO> {
  // read for its ranking: a district or commune officer may also read their own unit's parent's
  const unit = await getViewableUnit(actor, query.unitCode, { forRanking: true, asOf: query.asOf });
  const found = await ruleOfUnit(actor, unit);
  if (found.rule.kind !== "belowParent") return { ...found, parent: { name: found.unit.name, percent: null } };
  const [metric, campaign] = await Promise.all([
    db().metric.findUnique({ where: { code: query.metricCode }, select: { id: true, code: true } }),
    resolveCampaign(query.campaignCode, query.asOf),
  ]);
  if (!metric) throw new AppError("NOT_FOUND", { subject: "metric" });
  const progress = await progressOf(unit, metric, campaign, query.asOf);
  return { ...found, parent: { name: unit.name, percent: progress.percent } };
}

/** Stores a unit's criticism rule (replacing any), with an audit event of the old and new rule. */
export async function updateCriticismRule(actor: Actor, input: CriticismRuleInput): Promise<{ code: string; name: string }> {
  const unit = await getViewableUnit(actor, input.unit);
  if (!canEditCriticismRule(actor, unit.path)) throw new AppError("FORBIDDEN");
  const values = { kind: input.rule.kind, count: input.rule.count, threshold: input.rule.kind === "belowPercent" ? input.rule.threshold : null };
  return db().$transaction(async (tx) => {
    const before = await tx.criticismRule.findUnique({ where: { unitId: unit.id } });
    await tx.criticismRule.upsert({
      where: { unitId: unit.id },
      create: { unitId: unit.id, ...values, updatedById: actor.id },
      update: { ...values, updatedById: actor.id, updatedAt: new Date() },
    });
    await writeAudit(tx, {
      userId: actor.id, action: "criticism_rule.update", entity: "criticism_rules", entityKey: unit.code, unitId: unit.id,
      ...(before ? { oldValue: { kind: before.kind, count: before.count, threshold: before.threshold } } : {}), newValue: values, reason: null,
    });
    return { code: unit.code, name: unit.name };
  });
}
