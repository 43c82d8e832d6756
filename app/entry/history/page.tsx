import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getAuditNames, listFigureHistory } from "@/lib/data/audit-log";
import { auditCodes } from "@/lib/domain/audit-format";
import { AppError } from "@/lib/data/errors";
import { formatDay } from "@/lib/domain/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { entryParamsSchema } from "@/lib/validation/daily-entry-params";
import { AuditTable } from "@/app/audit/audit-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("entry"))("history.title") };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslator("entry");
  const params = entryParamsSchema.parse(await searchParams);
  if (!params.unit) notFound();
  let events;
  try {
    events = await listFigureHistory(user, params.unit, params.metric);
  } catch (error) {
    if (error instanceof AppError) notFound();
    throw error;
  }
  // The unit by name (not "đơn vị 20965"), whether or not it has any history yet.
  const names = await getAuditNames(user, [params.unit, ...auditCodes(events)], await getLocale());
  return (
    <main className="mx-auto max-w-4xl px-3 py-4 sm:px-4">
      <Link href={`/entry${params.date ? `?date=${params.date}` : ""}`} className="text-sm text-brand-700 underline">{params.date ? t("history.backOnDay", { date: formatDay(params.date) }) : t("history.back")}</Link>
      <h1 className="my-3 text-2xl font-semibold">{t("history.heading", { unit: names.units[params.unit] ?? params.unit })}</h1>
      <p className="mb-3 text-sm text-slate-600">{t("history.intro")}</p>
      <AuditTable events={events} names={names} caption={t("history.caption")} />
    </main>
  );
}
