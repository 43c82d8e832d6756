import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { requireUser } from "@/lib/auth/session";
import { getAuditNames, listAuditEvents } from "@/lib/data/audit-log";
import { auditCodes } from "@/lib/domain/audit-format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { auditParamsSchema } from "@/lib/validation/daily-entry-params";
import { AuditTable } from "./audit-table";
import { Problem } from "@/components/ui/problem";
import { DayInput } from "@/components/forms/date-input";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("entry"))("audit.title") };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const t = await getTranslator("entry");
  const filters = auditParamsSchema.parse(await searchParams);
  if (!user.may.readAuditLog) {
    return <Problem page>{(await getTranslator("errors"))("code.FORBIDDEN")}</Problem>;
  }
  const { events, hasMore } = await listAuditEvents(user, { unitCode: filters.unit, username: filters.user, from: filters.from, to: filters.to, action: filters.action, page: filters.page });
  const names = await getAuditNames(user, auditCodes(events), await getLocale());
  const pageLink = (page: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, page })) if (v !== undefined && v !== "") query.set(k, String(v));
    return `/audit?${query}`;
  };
  const field = "flex flex-col text-sm";
  const input = "rounded border border-slate-300 bg-white px-2 py-1";
  return (
    <main className="mx-auto max-w-6xl px-3 py-4 sm:px-4">
      <Link href="/dashboard" className="text-sm text-brand-700 underline">{t("backToOverview")}</Link>
      <h1 className="my-3 text-2xl font-semibold">{t("audit.title")}</h1>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
        <label className={field}>{t("audit.unitCode")}<input name="unit" defaultValue={filters.unit ?? ""} inputMode="numeric" className={`${input} w-28`} /></label>
        <label className={field}>{t("audit.user")}<input name="user" defaultValue={filters.user ?? ""} className={`${input} w-32`} /></label>
        <label className={field}>{t("audit.from")}<DayInput name="from" defaultValue={filters.from ?? ""} className={input} hint={false} /></label>
        <label className={field}>{t("audit.to")}<DayInput name="to" defaultValue={filters.to ?? ""} className={input} hint={false} /></label>
        <label className={field}>{t("audit.action")}
          <select name="action" defaultValue={filters.action ?? ""} className={input}>
            <option value="">{t("audit.actions.all")}</option>
            <option value="figure">{t("audit.actions.figure")}</option>
            <option value="lock">{t("audit.actions.lock")}</option>
            <option value="target">{t("audit.actions.target")}</option>
            <option value="login">{t("audit.actions.login")}</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white">{t("audit.filter")}</button>
      </form>
      <AuditTable events={events} names={names} caption={t("audit.caption")} />
      <nav aria-label={t("audit.pagination")} className="mt-3 flex gap-3 text-sm">
        {filters.page > 1 && <Link href={pageLink(filters.page - 1)} className="underline">{t("audit.previousPage")}</Link>}
        <span>{t("audit.page", { page: filters.page })}</span>
        {hasMore && <Link href={pageLink(filters.page + 1)} className="underline">{t("audit.nextPage")}</Link>}
      </nav>
    </main>
  );
}
