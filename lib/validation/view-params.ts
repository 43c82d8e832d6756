// Search parameters shared by every dashboard view: as-of date, metric, campaign.
import { z } from "zod";
import "./locale";
import { isIsoDate, todayInVietnam } from "@/lib/domain/dates";
import { m } from "@/lib/i18n/message";
import { HEADLINE_METRIC, METRIC_CODE } from "@/lib/domain/metrics";

export const viewParamsSchema = z.object({
  asOf: z.string().refine(isIsoDate, { error: () => m("dashboard.viewParams.invalidDate") }).optional(),
  metric: z.string().regex(METRIC_CODE, { error: () => m("dashboard.viewParams.invalidMetric") }).optional(),
  campaign: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, { error: () => m("dashboard.viewParams.invalidCampaign") }).optional(),
});

export interface ViewParams {
  asOf: string;
  metric: string;
  campaign?: string;
}

/** Reads the view parameters from a URL; invalid values fall back to the defaults. */
/**
 * The view a URL asks for; what it does not say takes the defaults: today (or `defaultDay`,
 * the day an account's views open on when its unit has ended: SessionUserDTO.homeDay), the
 * headline metric, the campaign current on the day.
 */
export function readViewParams(raw: Record<string, string | string[] | undefined>, now = new Date(), defaultDay: string | null = null): ViewParams {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const asOf = first(raw.asOf);
  const metric = first(raw.metric);
  const campaign = first(raw.campaign);
  // Each value is checked on its own: one bad parameter must not reset the others.
  const field = <K extends keyof typeof viewParamsSchema.shape>(key: K, value: string | undefined) => {
    const parsed = viewParamsSchema.shape[key].safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const campaignCode = field("campaign", campaign);
  return {
    asOf: field("asOf", asOf) ?? defaultDay ?? todayInVietnam(now),
    metric: field("metric", metric) ?? HEADLINE_METRIC,
    ...(campaignCode ? { campaign: campaignCode } : {}),
  };
}
