import "server-only";
// A unit's progress on one metric: actual against the milestone that counts, and the
// projection. `GET /api/v1/progress` and the overview page both call getProgress.
import { db, onReplica } from "@/lib/db/client";
import { canViewRankingOf, canViewUnit, viewScope, type Actor } from "@/lib/auth/permissions";
import { addDays } from "@/lib/domain/dates";
import { percentOf } from "@/lib/domain/percent";
import { PACE_WINDOW_DAYS, project, type Projection } from "@/lib/domain/projection";
import { formatDay } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { AppError, type UserMessage } from "./errors";
import { codeElsewhere, today, unitOnDay } from "./unit-on-day";
import { resolveCampaign, type CampaignDTO } from "./campaigns";
import { carriedAt, cumulativeAt, cumulativeKey, reportedOnAt } from "./figures-at";
import { dueDateOn, effectiveTargetsOf } from "./targets";
import { labelledOn } from "./unit-labels";

export interface ProgressQuery {
  unitCode: string;
  metricCode: string;
  asOf: string;
  campaignCode?: string;
}

export interface ViewedUnit {
  id: number;
  code: string;
  name: string;
  path: string;
  level: number;
  type: string;
  /** what the unit is, whatever its depth (a level's key: province, district, commune) */
  kind: string;
  parentCode: string | null;
}

export interface ProgressDTO {
  unit: string;
  metric: string;
  asOf: string;
  campaign: string | null;
  actual: number;
  target: number | null;
  percent: number | null;
  dueDate: string | null;
  reportedOn: string | null;
  projection: Projection;
}

/**
 * The one way to find a unit for an actor: the unit with that code on `asOf` (default the
 * actor's home day: today, or for an account whose unit has ended the day its history stops,
 * SessionUserDTO.homeDay; a code names a unit only together with a day) if the actor may see it, else a typed error
 * (FORBIDDEN for a role that sees nothing or a unit out of scope, NOT_FOUND for a code that
 * names no unit that day, saying when the unit it named ended and what succeeded it, or when
 * it starts; `notFoundMessage` is the `unit` field's message when the caller shows one).
 * `forRanking`: the unit is found to rank its children, which district and commune officers
 * may also do for their own unit's parent (canViewRankingOf), without opening it otherwise.
 */
export async function getViewableUnit(actor: Actor, code: string, options: { asOf?: string; notFoundMessage?: string; forRanking?: boolean } = {}): Promise<ViewedUnit> {
  if (viewScope(actor) === null) throw new AppError("FORBIDDEN");
  // no day given: the actor's (today, or where the history of an account's ended unit stops)
  const asOf = options.asOf ?? actor.homeDay ?? today();
  const unit = await unitOnDay(db(), code, asOf, { id: true, code: true, name: true, path: true, level: true, type: true, kind: true, parent: { select: { code: true } } });
  if (!unit) throw await unitNotFound(actor, code, asOf, options.notFoundMessage);
  if (!(options.forRanking ? canViewRankingOf : canViewUnit)(actor, unit.path)) throw new AppError("FORBIDDEN");
  const { parent, ...rest } = unit;
  // named as it was on the view's day (a unit renamed by a reorganisation)
  const [named] = await labelledOn([rest], asOf);
  return { ...named, parentCode: parent?.code ?? null };
}

/** "Phường Hải Vân (20194); Xã Hòa Liên (20200, một phần)": units a succession links, in a message. */
const namedList = (units: readonly { code: string; name: string; part: string }[]) =>
  units.map((u) => `${u.name} (${u.code}${u.part === "partial" ? `, ${m("errors.unitOnDay.partial")}` : ""})`).join("; ");

/** NOT_FOUND for a code on a day, naming the end (and successors) or the start of the unit it names on other days, when the actor could see that unit. */
async function unitNotFound(actor: Actor, code: string, asOf: string, notFoundMessage: string | undefined): Promise<AppError> {
  const elsewhere = await codeElsewhere(code, asOf);
  const visible = async (c: string, day: string) => {
    const u = await unitOnDay(db(), c, day, { path: true });
    return !!u && canViewUnit(actor, u.path);
  };
  let userMessage: UserMessage | undefined;
  if (elsewhere.ended && (await visible(code, elsewhere.ended.lastDay))) {
    const { name, lastDay, successors } = elsewhere.ended;
    userMessage = successors.length
      ? { key: "errors.unitOnDay.ended", params: { code, day: formatDay(asOf), name, lastDay: formatDay(lastDay), successors: namedList(successors) } }
      : { key: "errors.unitOnDay.endedNoSuccessor", params: { code, day: formatDay(asOf), name, lastDay: formatDay(lastDay) } };
  } else if (elsewhere.starts && (await visible(code, elsewhere.starts.firstDay))) {
    const { name, firstDay, predecessors } = elsewhere.starts;
    const params = { code, day: formatDay(asOf), name, firstDay: formatDay(firstDay) };
    userMessage = predecessors.length
      ? { key: "errors.unitOnDay.notYetFrom", params: { ...params, predecessors: namedList(predecessors) } }
      : { key: "errors.unitOnDay.notYet", params };
  }
  const field = notFoundMessage ?? (userMessage ? m(userMessage.key, userMessage.params) : undefined);
  return new AppError("NOT_FOUND", { subject: "unit", ...(userMessage ? { userMessage } : {}), fieldErrors: field ? { unit: [field] } : {} });
}

export async function getProgress(actor: Actor, query: ProgressQuery): Promise<ProgressDTO> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readProgressNow(actor, query));
}

async function readProgressNow(actor: Actor, query: ProgressQuery): Promise<ProgressDTO> {
  const unit = await getViewableUnit(actor, query.unitCode, { asOf: query.asOf });
  const campaign = await resolveCampaign(query.campaignCode, query.asOf);
  if (query.campaignCode && !campaign) throw new AppError("NOT_FOUND", { subject: "campaign" });
  const metric = await db().metric.findUnique({ where: { code: query.metricCode }, select: { id: true, code: true } });
  if (!metric) throw new AppError("NOT_FOUND", { subject: "metric" });
  return progressOf(unit, metric, campaign, query.asOf);
}

/** Progress of a unit already checked against the actor's scope. */
export async function progressOf(unit: ViewedUnit, metric: { id: number; code: string }, campaign: CampaignDTO | null, asOf: string): Promise<ProgressDTO> {
  const weekAgo = addDays(asOf, -PACE_WINDOW_DAYS);
  const [totals, carried, reported, dueDate] = await Promise.all([
    cumulativeAt([unit.id], metric.id, [asOf, weekAgo]),
    carriedAt([unit.id], metric.id, [asOf, weekAgo]),
    reportedOnAt([unit.id], asOf),
    campaign ? dueDateOn(campaign.id, metric.id, asOf) : null,
  ]);
  const target = campaign && dueDate ? ((await effectiveTargetsOf(campaign.id, metric.id, dueDate, [unit], asOf)).get(unit.id) ?? null) : null;
  const actual = totals.get(cumulativeKey(unit.id, asOf)) ?? 0;
  // the pace is the week's own work: what a change of the tree carried in during the week is
  // counted as if it had been there a week ago (docs/units-over-time.md)
  const carriedInWeek = (carried.get(cumulativeKey(unit.id, asOf)) ?? 0) - (carried.get(cumulativeKey(unit.id, weekAgo)) ?? 0);
  const actualWeekAgo = (totals.get(cumulativeKey(unit.id, weekAgo)) ?? 0) + carriedInWeek;
  return {
    unit: unit.code,
    metric: metric.code,
    asOf,
    campaign: campaign?.code ?? null,
    actual,
    target,
    percent: percentOf(actual, target),
    dueDate,
    reportedOn: reported.get(unit.id) ?? null,
    projection: project({ actual, actualWeekAgo, target, dueDate, asOf }),
  };
}
