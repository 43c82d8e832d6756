import type { Metadata } from "next";
import { UnitOverviewPage } from "@/app/_dashboard/overview-page";
import { DashboardProblem } from "@/components/dashboard/problem";
import { requireUser } from "@/lib/auth/session";
import { getHomeUnitCode } from "@/lib/data/units";
import { readViewParams } from "@/lib/validation/view-params";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.overview") };
}

/** The overview of the signed-in user's own unit (the province for provincial officials). */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const view = readViewParams(await searchParams);
  const code = await getHomeUnitCode(user);
  if (!code) return <DashboardProblem problem="noUnit" />;
  return <UnitOverviewPage user={user} code={code} view={view} />;
}
