import type { Metadata } from "next";
import { UnitOverviewPage } from "@/app/_dashboard/overview-page";
import { redirect } from "next/navigation";
import { DashboardProblem } from "@/components/dashboard/problem";
import { requireUser } from "@/lib/auth/session";
import { getHomeUnitCode } from "@/lib/data/units";
import { PHONE_LANDING, landingOnPhone } from "@/lib/auth/landing";
import { readViewParams } from "@/lib/validation/view-params";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.overview") };
}

/** The overview of the signed-in user's own unit (the province for provincial officials). */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  // the sign-in form's landing on a narrow screen (app/login/login-form.tsx): a district
  // officer's first task there is entry; everyone else gets the overview, without the marker
  if (raw.landing === PHONE_LANDING) redirect(landingOnPhone(user.role));
  // an agency's focal point has no unit to overview: its task is the weekly figure
  if (user.may.agencyFocalPoint) redirect("/agencies/entry");
  const view = readViewParams(raw, undefined, user.homeDay);
  const code = await getHomeUnitCode(user, { own: true });
  if (!code) return <DashboardProblem problem="noUnit" />;
  return <UnitOverviewPage user={user} code={code} view={view} />;
}
