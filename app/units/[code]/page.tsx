import type { Metadata } from "next";
import { UnitOverviewPage } from "@/app/_dashboard/overview-page";
import { requireUser } from "@/lib/auth/session";
import { readViewParams } from "@/lib/validation/view-params";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.unitOverview") };
}

export default async function UnitPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { code } = await params;
  return <UnitOverviewPage user={user} code={decodeURIComponent(code)} view={readViewParams(await searchParams, undefined, user.homeDay)} />;
}
