import type { Metadata } from "next";
import { loadOrProblem } from "@/app/_dashboard/load";
import { DashboardProblem } from "@/components/dashboard/problem";
import { rankingsHref } from "@/components/dashboard/hrefs";
import { RankingsView } from "@/components/dashboard/rankings-view";
import { getCriticismContext } from "@/lib/data/criticism-rule";
import { getRankings } from "@/lib/data/rankings";
import { getUnitFrame } from "@/lib/data/unit-frame";
import { getViewChoices } from "@/lib/data/view-choices";
import { getLocale } from "@/lib/i18n/server";
import { requireUser } from "@/lib/auth/session";
import { readRankingParams } from "@/lib/validation/ranking-params";
import { readViewParams } from "@/lib/validation/view-params";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.rankings") };
}

export default async function UnitRankingsPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { code } = await params;
  const raw = await searchParams;
  const [unitCode, view, locale] = [decodeURIComponent(code), readViewParams(raw, undefined, user.homeDay), await getLocale()];
  const loaded = await loadOrProblem(() =>
    Promise.all([
      getRankings(user, { parentCode: unitCode, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
      getUnitFrame(user, unitCode, { forRanking: true, asOf: view.asOf }),
      getViewChoices(locale),
      getCriticismContext(user, { unitCode, metricCode: view.metric, asOf: view.asOf, ...(view.campaign ? { campaignCode: view.campaign } : {}) }),
    ]),
    { unitCode, asOf: view.asOf, href: (successor) => rankingsHref(successor, view) },
  );
  if (loaded.problem !== null) return <DashboardProblem problem={loaded.problem} />;
  const [ranking, frame, choices, criticism] = loaded.data;
  // the stored rule's count is the default number to criticise; the page's field may change it for a look
  const options = readRankingParams(raw, { bottom: criticism.rule.count });
  return <RankingsView ranking={ranking} frame={frame} choices={choices} code={unitCode} view={view} options={options} criticism={criticism} />;
}
