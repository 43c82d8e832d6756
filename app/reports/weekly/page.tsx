import type { Metadata } from "next";
import { ScrollRegion } from "@/components/ui/scroll-region";
import Link from "next/link";
import type { z } from "zod";
import { canIssueReport } from "@/lib/auth/report-permissions";
import { requireUser } from "@/lib/auth/session";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { AppError } from "@/lib/data/errors";
import { listIssuedReports } from "@/lib/data/issued-reports";
import { getReportEnvelope } from "@/lib/data/weekly-report-envelope";
import { resolveReportUnit } from "@/lib/data/weekly-report";
import { formatDay, formatNumber, formatPercent } from "@/lib/domain/format";
import { formatIsoWeek, isWeekComplete, parseIsoWeek, shiftWeek, weekShortLabel } from "@/lib/domain/weeks";
import type { ReportEnvelope } from "@/lib/reports/model";
import { FORMAT_LABELS, REPORT_FORMATS } from "@/lib/reports/render";
import {
  MISSING_HEADERS, RANKING_HEADERS, REPORT_TITLE, SECTION_TITLES, SUMMARY_HEADERS,
  formatInstant, formatMissingDays, formatNextMilestone, formatPoints, formatProjection, formatRankChange, formatSigned, formatTarget, titleBlock,
} from "@/lib/reports/text";
import { searchParamsObject, weeklyReportDownloadSchema } from "@/lib/validation/report-params";
import { IssueForm } from "./issue-form";
import { ReportChart } from "./report-chart";

export const metadata: Metadata = { title: "Báo cáo tuần" };

const th = "px-3 py-2 font-semibold";
const num = "whitespace-nowrap px-3 py-2 text-right";

function reportQuery(unitCode: string | null, week: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({ ...(unitCode ? { unit: unitCode } : {}), week, ...extra }).toString();
}

export default async function WeeklyReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = searchParamsObject(await searchParams);
  // Each parameter is checked on its own: a bad one is reported and left out, the rest still apply.
  const shape = weeklyReportDownloadSchema.shape;
  const notes: string[] = [];
  const field = <T,>(key: "unit" | "week" | "campaign" | "issued", schema: z.ZodType<T>): T | undefined => {
    if (raw[key] === undefined) return undefined;
    const parsed = schema.safeParse(raw[key]);
    if (!parsed.success) notes.push(parsed.error.issues[0]?.message ?? "Tham số không hợp lệ.");
    return parsed.success ? parsed.data : undefined;
  };
  const request = { unit: field("unit", shape.unit), week: field("week", shape.week), campaign: field("campaign", shape.campaign), issued: field("issued", shape.issued) };

  let envelope: ReportEnvelope;
  let canIssue = false;
  try {
    envelope = await getReportEnvelope(user, request);
    if (!envelope.issued) {
      const unit = await resolveReportUnit(user, envelope.model.unit.code);
      canIssue = canIssueReport(user, unit?.path ?? null) && isWeekComplete(parseIsoWeek(envelope.model.week.iso)!);
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.code === "FORBIDDEN" ? "Đơn vị này nằm ngoài phạm vi của bạn." : error.code === "NOT_FOUND" ? "Không tìm thấy đơn vị, đợt hoặc báo cáo yêu cầu." : ERROR_MESSAGES[error.code];
    return (
      <main className="mx-auto max-w-3xl space-y-3 px-3 py-6">
        <Link href="/reports/weekly" className="text-sm text-brand-700 underline">← Báo cáo tuần của đơn vị bạn</Link>
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-800">{message}</p>
      </main>
    );
  }

  const { model, issued } = envelope;
  const week = parseIsoWeek(model.week.iso)!;
  const issuedList = await listIssuedReports(user, model.unit.code);
  const download = (format: string) => `/api/v1/reports/weekly?${reportQuery(model.unit.code, model.week.iso, { format, ...(issued ? { issued: String(issued.id) } : {}), ...(!issued && request.campaign ? { campaign: request.campaign } : {}) })}`;
  const previous = formatIsoWeek(shiftWeek(week, -1));
  const next = formatIsoWeek(shiftWeek(week, 1));

  return (
    <main className="mx-auto max-w-5xl space-y-6 px-3 py-6 sm:px-4">
      <nav className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href="/dashboard" className="text-brand-700 underline">← Tổng quan</Link>
      </nav>
      {notes.length > 0 && <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">{notes.join(" ")} Đang hiển thị theo mặc định.</p>}

      <header className="space-y-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Đề án 06 · {REPORT_TITLE.toLowerCase()}</p>
        <h1 className="text-2xl font-semibold">{model.unit.name} · {model.week.shortLabel}</h1>
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {titleBlock(envelope).map(({ label, value }) => (
            <div key={label} className="contents">
              <dt className="font-semibold text-slate-700">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {!isWeekComplete(week) && <p className="text-sm text-amber-800">Tuần này chưa kết thúc: số liệu còn thay đổi.</p>}
      </header>

      {issued && (
        <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm" data-testid="frozen-note">
          <strong>Báo cáo đã ban hành (số {issued.id})</strong> lúc {formatInstant(envelope.issuedAt)} bởi {issued.by}: số liệu được giữ nguyên như lúc ban hành, các điều chỉnh sau đó không làm thay đổi báo cáo này{issued.daysLocked ? "; các ngày của tuần đã được khóa sổ" : ""}.{" "}
          <Link className="font-semibold text-brand-700 underline" href={`/reports/weekly?${reportQuery(model.unit.code, model.week.iso)}`}>Xem số liệu hiện hành</Link>
        </p>
      )}

      <section aria-labelledby="downloads" className="flex flex-wrap items-center gap-2">
        <h2 id="downloads" className="mr-2 text-sm font-semibold">Tải về:</h2>
        {REPORT_FORMATS.map((format) => (
          <a key={format} href={download(format)} download className="rounded border border-brand-600 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
            {FORMAT_LABELS[format]}
          </a>
        ))}
      </section>

      {!issued && (
        <nav aria-label="Chọn tuần" className="flex flex-wrap items-end gap-3 text-sm">
          <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={`/reports/weekly?${reportQuery(model.unit.code, previous)}`}>← {weekShortLabel(shiftWeek(week, -1))}</Link>
          <form method="get" action="/reports/weekly" className="flex items-end gap-2">
            {model.unit.code && <input type="hidden" name="unit" value={model.unit.code} />}
            <label className="flex flex-col">Tuần<input type="week" name="week" defaultValue={model.week.iso} className="rounded border border-slate-300 bg-white px-2 py-1" /></label>
            <button type="submit" className="rounded border border-slate-300 bg-white px-3 py-1.5">Xem</button>
          </form>
          <Link className="rounded border border-slate-300 bg-white px-3 py-1.5" href={`/reports/weekly?${reportQuery(model.unit.code, next)}`}>{weekShortLabel(shiftWeek(week, 1))} →</Link>
        </nav>
      )}

      {canIssue && <IssueForm unitCode={model.unit.code} week={model.week.iso} campaign={request.campaign ?? null} sundayLabel={`Chủ Nhật ${formatDay(model.week.end)}`} canLock />}

      <section aria-labelledby="summary" className="space-y-2">
        <h2 id="summary" className="text-lg font-semibold">{SECTION_TITLES.summary}</h2>
        <ScrollRegion label={SECTION_TITLES.summary} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[44rem] text-sm">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>{SUMMARY_HEADERS.map((h, i) => <th key={h} scope="col" className={i > 0 && i < 6 ? `${th} text-right` : th}>{h}</th>)}</tr>
            </thead>
            <tbody className="tabular">
              {model.summary.map((row) => (
                <tr key={row.metric} className="border-t border-slate-100">
                  <th scope="row" className="min-w-44 px-3 py-2 text-left font-normal">{row.metricName}</th>
                  <td className={num}>{formatTarget(row.target)}</td>
                  <td className={num}>{formatNumber(row.actual)}</td>
                  <td className={`${num} font-semibold`}>{formatPercent(row.percent)}</td>
                  <td className={num}>{formatSigned(row.weekChange)}</td>
                  <td className={num}>{formatPoints(row.weekChangePoints)}</td>
                  <td className="px-3 py-2">{formatNextMilestone(row.nextMilestone, model.asOf)}</td>
                  <td className="px-3 py-2">{formatProjection(row.projection, row.dueDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="ranking" className="space-y-2">
        <h2 id="ranking" className="text-lg font-semibold">{SECTION_TITLES.ranking}: {model.metric.name}</h2>
        <ScrollRegion label={SECTION_TITLES.ranking} className="rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[44rem] whitespace-nowrap text-sm">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>{RANKING_HEADERS.map((h, i) => <th key={h} scope="col" className={i === 0 || (i >= 3 && i <= 6) ? `${th} text-right` : th}>{h}</th>)}</tr>
            </thead>
            <tbody className="tabular">
              {model.ranking.map((row) => (
                <tr key={row.code} className="border-t border-slate-100" data-unit={row.code}>
                  <td className={num}>{row.rank ?? "—"}</td>
                  <td className="px-3 py-2">{row.code}</td>
                  <td className="px-3 py-2">{row.name}</td>
                  <td className={num}>{formatTarget(row.target)}</td>
                  <td className={num}>{formatNumber(row.actual)}</td>
                  <td className={`${num} font-semibold`}>{formatPercent(row.percent)}</td>
                  <td className={num}>{formatSigned(row.weekChange)}</td>
                  <td className="px-3 py-2">{formatRankChange(row.rankChange)}</td>
                  <td className="px-3 py-2">{formatDay(row.reportedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {model.ranking.length === 0 && <p className="p-3 text-sm text-slate-600">Đơn vị này không có đơn vị trực thuộc.</p>}
        </ScrollRegion>
      </section>

      <section aria-labelledby="praise" className="space-y-2 text-sm">
        <h2 id="praise" className="text-lg font-semibold">{SECTION_TITLES.praise}</h2>
        <p><strong>Biểu dương:</strong> {model.praise.length ? model.praise.map((p) => `${p.name} (${formatPercent(p.percent)})`).join("; ") : "không có"}.</p>
        <p><strong>Phê bình:</strong> {model.criticism.length ? model.criticism.map((p) => `${p.name} (${formatPercent(p.percent)})`).join("; ") : "không có"}.</p>
        <p className="italic">{model.sentence}</p>
      </section>

      <section aria-labelledby="missing" className="space-y-2">
        <h2 id="missing" className="text-lg font-semibold">{SECTION_TITLES.missing}</h2>
        {model.missing.length === 0 ? <p className="text-sm">Tất cả các đơn vị đã báo cáo đủ các ngày trong tuần.</p> : (
          <ScrollRegion label={SECTION_TITLES.missing} className="rounded-lg border border-slate-200 bg-white">
            <table className="w-full min-w-[32rem] text-sm">
              <thead className="bg-slate-100 text-left text-slate-700">
                <tr>{MISSING_HEADERS.map((h, i) => <th key={h} scope="col" className={i === 3 ? `${th} text-right` : th}>{h}</th>)}</tr>
              </thead>
              <tbody className="tabular">
                {model.missing.map((row) => (
                  <tr key={row.code} className="border-t border-slate-100">
                    <td className="px-3 py-2">{row.code}</td>
                    <td className="px-3 py-2">{row.name}</td>
                    <td className="px-3 py-2">{formatMissingDays(row.missingDays)}</td>
                    <td className={num}>{row.leavesMissing}/{row.leavesTotal}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="trend" className="space-y-2">
        <h2 id="trend" className="text-lg font-semibold">{SECTION_TITLES.trend}: {model.metric.name}</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-2"><ReportChart points={model.trend} title={`Lũy kế ${model.metric.name} so với kế hoạch, ${model.week.shortLabel}`} /></div>
      </section>

      <section aria-labelledby="issued" className="space-y-2">
        <h2 id="issued" className="text-lg font-semibold">Báo cáo đã ban hành</h2>
        {issuedList.length === 0 ? <p className="text-sm text-slate-600">Chưa có báo cáo nào được ban hành cho đơn vị này.</p> : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm" data-testid="issued-list">
            {issuedList.map((report) => (
              <li key={report.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
                <Link className="font-semibold text-brand-700 underline" href={`/reports/weekly?${reportQuery(report.unitCode, report.week, { issued: String(report.id) })}`}>
                  {weekShortLabel(parseIsoWeek(report.week)!)} · số {report.id}
                </Link>
                <span className="text-slate-600">ban hành {formatInstant(report.issuedAt)} · {report.issuedBy}{report.daysLocked ? " · đã khóa sổ" : ""}</span>
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
