import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DashboardProblem } from "@/components/dashboard/problem";
import { rankingsHref } from "@/components/dashboard/hrefs";
import { requireUser } from "@/lib/auth/session";
import { getHomeUnitCode } from "@/lib/data/units";
import { readViewParams } from "@/lib/validation/view-params";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("dashboard"))("meta.rankings") };
}

/** `/rankings?unit=CODE`: the rankings of a unit's children (the user's own unit by default). */
export default async function RankingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  const unit = typeof raw.unit === "string" && raw.unit ? raw.unit : await getHomeUnitCode(user);
  if (!unit) return <DashboardProblem problem="noUnit" />;
  const extra = Object.fromEntries(["top", "bottom", "sort", "dir"].flatMap((k) => (typeof raw[k] === "string" ? [[k, raw[k] as string]] : [])));
  redirect(rankingsHref(unit, readViewParams(raw, undefined, user.homeDay), extra));
}
