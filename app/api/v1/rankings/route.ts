// GET /api/v1/rankings?parent=CODE&metric=activated&asOf=YYYY-MM-DD[&campaign=CODE][&level=N]
// → { asOf, metric, campaign, rows: [{ code, name, actual, target, percent, rank, reportedOn }][, notAllocated] }
// The same data-layer call as the rankings page.
import { readEndpoint } from "@/lib/api/responses";
import { rankingAnswerSchema } from "@/lib/validation/api-answers";
import { getRankings } from "@/lib/data/rankings";
import { todayInVietnam } from "@/lib/domain/dates";
import { rankingsParamsSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export const GET = readEndpoint(rankingsParamsSchema, rankingAnswerSchema, async (actor, params) => {
  const ranking = await getRankings(actor, {
    parentCode: params.parent ?? null,
    metricCode: params.metric,
    asOf: params.asOf ?? todayInVietnam(),
    ...(params.campaign ? { campaignCode: params.campaign } : {}),
    ...(params.level !== undefined ? { level: params.level } : {}),
  }, { includeChange: false }); // the API does not answer the 7-day change: skip computing it
  return {
    asOf: ranking.asOf,
    metric: ranking.metric,
    campaign: ranking.campaign,
    rows: ranking.rows.map((row) => ({
      code: row.code,
      name: row.name,
      actual: row.actual,
      target: row.target,
      percent: row.percent,
      rank: row.rank,
      reportedOn: row.reportedOn,
    })),
    // additive: only when part of the parent's total is in none of the rows (a reorganisation's split without shares)
    ...(ranking.notAllocated ? { notAllocated: ranking.notAllocated } : {}),
  };
});
