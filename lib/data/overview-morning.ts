import "server-only";
// The morning questions on a unit's overview, answered by the rules the other screens use:
// who is praised and criticised (the rankings' rule, lib/domain/ranking.ts, at its default
// praise count and the unit's criticism rule, lib/data/criticism-rule.ts) and how many units
// have not reported for the day (lib/data/reporting-status.ts).
import { onReplica } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { applyCriticismRule, type AppliedCriticismRule } from "@/lib/domain/criticism-rule";
import { getCriticismContext } from "./criticism-rule";
import { getRankings } from "./rankings";
import { getReportingStatus } from "./reporting-status";

export interface MorningUnitDTO {
  code: string;
  name: string;
  percent: number | null;
  rank: number | null;
  /** the actor may open the unit's own page */
  viewable: boolean;
}

export interface MorningSummaryDTO {
  asOf: string;
  /** children of the unit that have a target to be ranked against */
  ranked: number;
  /** best first */
  praised: MorningUnitDTO[];
  /** worst first */
  criticised: MorningUnitDTO[];
  /** the criticism rule that picked them, for the sentence */
  criticismRule: AppliedCriticismRule;
  /** leaf units under the unit (or the unit itself when it is a leaf) */
  leaves: number;
  notReported: number;
}

export interface MorningQuery {
  unitCode: string;
  metricCode: string;
  asOf: string;
  campaignCode?: string;
}

export async function getMorningSummary(actor: Actor, query: MorningQuery): Promise<MorningSummaryDTO> {
  // a dashboard's read: on the replica when there is one (lib/db/client.ts)
  return onReplica(() => readMorningSummaryNow(actor, query));
}

async function readMorningSummaryNow(actor: Actor, query: MorningQuery): Promise<MorningSummaryDTO> {
  const campaign = query.campaignCode ? { campaignCode: query.campaignCode } : {};
  const [ranking, status, criticism] = await Promise.all([
    getRankings(actor, { parentCode: query.unitCode, metricCode: query.metricCode, asOf: query.asOf, ...campaign }, { includeChange: false }),
    getReportingStatus(actor, query.unitCode, query.asOf),
    getCriticismContext(actor, { unitCode: query.unitCode, metricCode: query.metricCode, asOf: query.asOf, ...campaign }),
  ]);
  const small = ({ code, name, percent, rank, viewable }: MorningUnitDTO): MorningUnitDTO => ({ code, name, percent, rank, viewable });
  const { praised, criticised, rule } = applyCriticismRule(ranking.rows, criticism.rule, criticism.parent);
  return {
    asOf: query.asOf,
    ranked: ranking.rows.filter((row) => row.rank !== null).length,
    praised: praised.map(small),
    criticised: criticised.map(small),
    criticismRule: rule,
    leaves: status.leaves,
    notReported: status.leaves - status.reported,
  };
}
