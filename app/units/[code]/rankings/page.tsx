import type { Metadata } from "next";
import { RankingsView } from "@/components/dashboard/rankings-view";
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
  return <RankingsView user={user} code={decodeURIComponent(code)} view={readViewParams(raw)} options={readRankingParams(raw)} />;
}
