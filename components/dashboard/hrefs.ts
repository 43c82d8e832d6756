// Links between dashboard screens keep the view (as-of date, metric, campaign) in the URL,
// so any view can be bookmarked and shared.
import type { ViewParams } from "@/lib/validation/view-params";

export function viewHref(path: string, view: ViewParams, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  params.set("asOf", view.asOf);
  params.set("metric", view.metric);
  if (view.campaign) params.set("campaign", view.campaign);
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== "") params.set(key, String(value));
  return `${path}?${params.toString()}`;
}

export const unitHref = (code: string, view: ViewParams) => viewHref(`/units/${encodeURIComponent(code)}`, view);
export const rankingsHref = (code: string, view: ViewParams, extra: Record<string, string | number | undefined> = {}) =>
  viewHref(`/units/${encodeURIComponent(code)}/rankings`, view, extra);
