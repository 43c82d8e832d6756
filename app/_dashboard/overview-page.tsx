import { OverviewView } from "@/components/dashboard/overview-view";
import { unitHref } from "@/components/dashboard/hrefs";
import { DashboardProblem } from "@/components/dashboard/problem";
import { getUnitOverview } from "@/lib/data/overview";
import { getMorningSummary } from "@/lib/data/overview-morning";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getViewChoices } from "@/lib/data/view-choices";
import { getLocale } from "@/lib/i18n/server";
import type { ViewParams } from "@/lib/validation/view-params";
import { loadOrProblem } from "./load";

/** A unit's overview, as /dashboard (the user's own unit) and /units/[code] show it: read here, rendered by OverviewView. */
export async function UnitOverviewPage({ user, code, view }: { user: SessionUserDTO; code: string; view: ViewParams }) {
  const locale = await getLocale();
  const loaded = await loadOrProblem(() =>
    Promise.all([
      getUnitOverview(user, { unitCode: code, metricCode: view.metric, asOf: view.asOf, locale, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
      getUnitFrame(user, code, { asOf: view.asOf }),
      getViewChoices(locale),
      getMorningSummary(user, { unitCode: code, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
    ]),
    { unitCode: code, asOf: view.asOf, href: (successor) => unitHref(successor, view) },
  );
  if (loaded.problem !== null) return <DashboardProblem problem={loaded.problem} />;
  const [overview, frame, choices, morning] = loaded.data;
  return <OverviewView overview={overview} frame={frame} choices={choices} morning={morning} view={view} />;
}
