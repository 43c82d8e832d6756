import "server-only";
// What the view controls offer: the metrics (named in the page's language) and the campaigns.
import { db } from "@/lib/db/client";
import { dateToDay } from "@/lib/domain/dates";
import type { Locale } from "@/lib/i18n/config";

export interface ViewChoicesDTO {
  metrics: { code: string; name: string }[];
  campaigns: { code: string; name: string; startDate: string; endDate: string }[];
}

export async function getViewChoices(locale: Locale = "vi"): Promise<ViewChoicesDTO> {
  const [metrics, campaigns] = await Promise.all([
    db().metric.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { code: true, nameVi: true, nameEn: true } }),
    db().campaign.findMany({ orderBy: { startDate: "desc" }, select: { code: true, name: true, startDate: true, endDate: true } }),
  ]);
  return {
    metrics: metrics.map((m) => ({ code: m.code, name: locale === "en" ? m.nameEn : m.nameVi })),
    campaigns: campaigns.map((c) => ({ code: c.code, name: c.name, startDate: dateToDay(c.startDate), endDate: dateToDay(c.endDate) })),
  };
}
