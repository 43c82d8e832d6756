import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { Problem } from "@/components/ui/problem";
import type { z } from "zod";
import { canIssueReport } from "@/lib/auth/report-permissions";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { listIssuedReports } from "@/lib/data/issued-reports";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { resolveReportUnit } from "@/lib/data/weekly-report";
import { formatDateTime, formatDay } from "@/lib/domain/format";
import { formatIsoWeek, isWeekComplete, parseIsoWeek, shiftWeek, weekEnd } from "@/lib/domain/weeks";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";
import { chartLegend } from "@/lib/reports/chart";
import type { ReportEnvelope } from "@/lib/reports/model";
import { FORMAT_LABELS, REPORT_FORMATS } from "@/lib/reports/render";
import { AGENCY_COLUMNS, MISSING_COLUMNS, RANKING_COLUMNS, SUMMARY_COLUMNS, type CellContext } from "@/lib/reports/columns";
import { agencyLines, kindSection, metricName, notAllocatedLine, praiseSentence, reportUnitName, reportWords, titleBlock, weekShortLabel } from "@/lib/reports/text";
import { weeklyReportDownloadSchema } from "@/lib/validation/report-params";
import { searchParamsObject } from "@/lib/validation/search-params";
import { IssueForm } from "./issue-form";
import { ReportChart } from "./report-chart";
import { ReportTable } from "./report-table";
import { WeekInput } from "@/components/forms/date-input";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("reports");
  return { title: t("page.title") };
}


function reportQuery(unitCode: string | null, week: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...(unitCode ? { unit: unitCode } : {}), week, ...extra }).toString();
}

export default async function WeeklyReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const [t, tBoard, locale] = await Promise.all([getTranslator("reports"), getTranslator("board"), getLocale()]);
  const w = reportWords(locale);
  const raw = searchParamsObject(await searchParams);
  // Each parameter is checked on its own: a bad one is reported (in the page's words, the
  // same as the schema's) and left out, the rest still apply.
  const shape = weeklyReportDownloadSchema.shape;
  const notes: string[] = [];
  const field = <T,>(key: "unit" | "week" | "campaign" | "issued", schema: z.ZodType<T>): T | undefined => {
    if (raw[key] === undefined) return undefined;
    const parsed = schema.safeParse(raw[key]);
    if (!parsed.success) notes.push(t(`params.${key}`));
    return parsed.success ? parsed.data : undefined;
  };
  const request = { unit: field("unit", shape.unit), week: field("week", shape.week), campaign: field("campaign", shape.campaign), issued: field("issued", shape.issued) };

  let envelope: ReportEnvelope;
  let canIssue = false;
  try {
    envelope = await getReportEnvelope(user, request);
    if (!envelope.issued) {
      const unit = await resolveReportUnit(user, envelope.model.unit.code, weekEnd(parseIsoWeek(envelope.model.week.iso)!));
      canIssue = canIssueReport(user, unit?.path ?? null) && isWeekComplete(parseIsoWeek(envelope.model.week.iso)!);
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.code === "FORBIDDEN" ? t("page.forbidden") : error.code === "NOT_FOUND" ? t("page.notFound") : (await getTranslator("errors"))(`code.${error.code}`);
    return <Problem page action={<Link href="/reports/weekly" className="text-brand-700 underline">{t("page.backToOwn")}</Link>}>{message}</Problem>;
  }

  const { model, issued } = envelope;
  const week = parseIsoWeek(model.week.iso)!;
  const issuedList = await listIssuedReports(user, model.unit.code, model.week.end);
  const download = (format: string) => `/api/v1/reports/weekly?${reportQuery(model.unit.code, model.week.iso, { format, ...(issued ? { issued: String(issued.id) } : {}), ...(!issued && request.campaign ? { campaign: request.campaign } : {}) })}`;
  const previous = formatIsoWeek(shiftWeek(week, -1));
  const next = formatIsoWeek(shiftWeek(week, 1));
  const headline = metricName(model.metric, w);
  const weekShort = weekShortLabel(week, w);
  const issueMessages = canIssue ? (({ title, explain, lockDays, submit, submitting, viewIssued }) => ({ title, explain, lockDays, submit, submitting, viewIssued }))((await getClientMessages("reports")).issue) : null;
  const cells: CellContext = { w, model };
  const agencies = agencyLines(model, w);

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-3 py-6 sm:px-4">
      <nav className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/dashboard" className="text-brand-700 underline">{t("page.backToDashboard")}</Link>
      </nav>
      {notes.length > 0 && <Problem>{notes.join(" ")} {t("page.showingDefault")}</Problem>}

      <header className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t("page.eyebrow")}</p>
        <h1 className="text-2xl font-semibold">{reportUnitName(model, w)} · {weekShort}</h1>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {titleBlock(envelope, w).map(({ label, value }) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-700">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {!isWeekComplete(week) && <p className="text-sm text-amber-800">{t("page.weekNotOver")}</p>}
      </header>

      {issued && (
        <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="frozen-note">
          <strong>{t("page.frozenTitle", { id: String(issued.id) })}</strong> {t("page.frozenBody", { time: formatDateTime(envelope.issuedAt), by: issued.by })}{issued.daysLocked ? t("page.frozenLocked") : ""}.{" "}
          <Link className="font-semibold text-brand-700 underline" href={`/reports/weekly?${reportQuery(model.unit.code, model.week.iso)}`}>{t("page.viewLive")}</Link>
        </p>
      )}

      <section aria-labelledby="downloads" className="flex flex-wrap items-center gap-2">
        <h2 id="downloads" className="mr-2 text-sm font-semibold">{t("page.downloads")}</h2>
        {REPORT_FORMATS.map((format) => (
          <a key={format} href={download(format)} download className="rounded border border-brand-600 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
            {FORMAT_LABELS[format]}
          </a>
        ))}
        {model.unit.code && <Link href={`/reports/weekly/settings?unit=${model.unit.code}`} className="text-sm text-brand-700 underline">{t("issuing.page.link")}</Link>}
        {model.unit.code && (user.role === "leader" || user.role === "admin") && <Link href={`/reports/public-board?unit=${model.unit.code}`} className="text-sm text-brand-700 underline">{tBoard("settings.link")}</Link>}
      </section>

      {!issued && (
        <nav aria-label={t("page.chooseWeek")} className="flex flex-wrap items-end gap-3 text-sm">
          <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={`/reports/weekly?${reportQuery(model.unit.code, previous)}`}>← {weekShortLabel(shiftWeek(week, -1), w)}</Link>
          <form method="get" action="/reports/weekly" className="flex items-end gap-2">
            {model.unit.code && <input type="hidden" name="unit" value={model.unit.code} />}
            <label className="flex flex-col">{t("page.chooseWeek")}<WeekInput name="week" defaultValue={model.week.iso} className="rounded border border-slate-300 bg-white px-2 py-1" hint={false} /></label>
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">{t("page.view")}</button>
          </form>
          <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={`/reports/weekly?${reportQuery(model.unit.code, next)}`}>{weekShortLabel(shiftWeek(week, 1), w)} →</Link>
        </nav>
      )}

      {issueMessages && <IssueForm unitCode={model.unit.code} week={model.week.iso} campaign={request.campaign ?? null} sundayLabel={t("week.sunday", { day: formatDay(model.week.end) })} canLock messages={issueMessages} />}

      <section aria-labelledby="summary" className="space-y-2">
        <h2 id="summary" className="text-lg font-semibold">{t("sections.summary")}</h2>
        <ReportTable label={t("sections.summary")} spec={SUMMARY_COLUMNS} rows={model.summary} cells={cells} rowKey={(row) => row.metric} minWidth="md:min-w-[44rem]" rowHeader />
      </section>

      <section aria-labelledby="ranking" className="space-y-2">
        <h2 id="ranking" className="text-lg font-semibold">{kindSection(model, "ranking", w)}: {headline}</h2>
        <ReportTable label={kindSection(model, "ranking", w)} spec={RANKING_COLUMNS} rows={model.ranking} cells={cells} rowKey={(row) => row.code} rowData={(row) => ["data-unit", row.code]} minWidth="md:min-w-[44rem]" nowrap />
        {model.ranking.length === 0 && <p className="rounded-lg border border-slate-200 bg-white p-3 text-sm text-slate-600">{t("page.noChildren")}</p>}
        {model.notAllocated ? <p className="text-sm italic text-slate-700" data-testid="not-allocated">{notAllocatedLine(model, w)}</p> : null}
      </section>

      <section aria-labelledby="praise" className="space-y-2 text-sm">
        <h2 id="praise" className="text-lg font-semibold">{t("sections.praise")}</h2>
        <p data-testid="praise-sentence">{praiseSentence(model, w)}</p>
      </section>

      <section aria-labelledby="missing" className="space-y-2">
        <h2 id="missing" className="text-lg font-semibold">{kindSection(model, "missing", w)}</h2>
        {model.missing.length === 0 ? <p className="text-sm">{kindSection(model, "allReportedPage", w)}</p> : (
          <ReportTable label={kindSection(model, "missing", w)} spec={MISSING_COLUMNS} rows={model.missing} cells={cells} rowKey={(row) => row.code} minWidth="md:min-w-[32rem]" />
        )}
      </section>

      <section aria-labelledby="trend" className="space-y-2">
        <h2 id="trend" className="text-lg font-semibold">{t("sections.trend")}: {headline}</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-2"><ReportChart points={model.trend} title={t("chart.title", { metric: headline, week: weekShort })} legend={chartLegend(w)} locale={locale} /></div>
      </section>

      {model.agencies && agencies && (
        <section aria-labelledby="agencies" className="space-y-2" data-testid="report-agencies">
          <h2 id="agencies" className="text-lg font-semibold">{t("agencies.section")}</h2>
          <p className="text-sm">{agencies.total}</p>
          <ReportTable label={t("agencies.section")} spec={AGENCY_COLUMNS} rows={model.agencies.rows} cells={cells} rowKey={(row) => row.code} rowData={(row) => ["data-agency", row.code]} minWidth="md:min-w-[40rem]" />
          <p className="text-sm" data-testid="agencies-not-reported">{agencies.notReported}</p>
        </section>
      )}

      <section aria-labelledby="issued" className="space-y-2">
        <h2 id="issued" className="text-lg font-semibold">{t("page.issuedTitle")}</h2>
        {issuedList.length === 0 ? <p className="text-sm text-slate-600">{t("page.noIssued")}</p> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="issued-list">
            {issuedList.map((report) => (
              <li key={report.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Link className="font-semibold text-brand-700 underline" href={`/reports/weekly?${reportQuery(report.unitCode, report.week, { issued: String(report.id) })}`}>
                  {t("page.issuedLink", { week: weekShortLabel(parseIsoWeek(report.week)!, w), id: String(report.id) })}
                </Link>
                <span className="text-slate-600">{t("page.issuedMeta", { time: formatDateTime(report.issuedAt), by: report.issuedBy })}{report.daysLocked ? t("page.issuedLocked") : ""}</span>
                <span className="flex gap-2">
                  {REPORT_FORMATS.map((format) => (
                    <a key={format} download className="text-brand-700 underline" href={`/api/v1/reports/weekly?${reportQuery(report.unitCode, report.week, { format, issued: String(report.id) })}`}>{format.toUpperCase()}</a>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
