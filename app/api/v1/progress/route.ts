// GET /api/v1/progress?unit=CODE&metric=activated&asOf=YYYY-MM-DD[&campaign=CODE]
// → { unit, metric, actual, target, percent, dueDate,
//     projection: { dailyPace, projectedOnDueDate, requiredDailyPace, status } }
// status: "met" (đạt), "on-track" (đúng tiến độ), "at-risk" (nguy cơ), "behind" (chậm), or
// null without a target. The same data-layer call as the overview page.
import { readEndpoint } from "@/lib/api/responses";
import { progressAnswerSchema } from "@/lib/validation/api-answers";
import { getProgress } from "@/lib/data/progress";
import { todayInVietnam } from "@/lib/domain/dates";
import { progressParamsSchema } from "@/lib/validation/api-params";

export const dynamic = "force-dynamic";

export const GET = readEndpoint(progressParamsSchema, progressAnswerSchema, async (actor, params) => {
  const progress = await getProgress(actor, {
    unitCode: params.unit,
    metricCode: params.metric,
    asOf: params.asOf ?? todayInVietnam(),
    ...(params.campaign ? { campaignCode: params.campaign } : {}),
  });
  const { dailyPace, projectedOnDueDate, requiredDailyPace, status } = progress.projection;
  return {
    unit: progress.unit,
    metric: progress.metric,
    actual: progress.actual,
    target: progress.target,
    percent: progress.percent,
    dueDate: progress.dueDate,
    projection: { dailyPace, projectedOnDueDate, requiredDailyPace, status },
  };
});
