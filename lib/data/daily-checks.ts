import "server-only";
// The rules every daily figure passes, whichever way it arrives (entry grid, CSV import,
// POST /api/v1/daily): the unit exists, has no children and is in the caller's scope; the
// metric exists; the day is not in the future and not locked; a correction carries a reason;
// the funnel holds (activated ≤ accounts ≤ dossiers); a spike is confirmed; and, for the
// grid, nobody saved the cell since it was loaded. Returns the changes to apply or the issues.
import { canAdminister, canEditFigures, type Actor } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { dailyCountOf, funnelViolations, isSpike, SPIKE_FACTOR, SPIKE_WINDOW_DAYS, usualDailyCount } from "@/lib/domain/daily-rules";
import { addDays, dateToDay, dayToDate, todayInVietnam } from "@/lib/domain/dates";
import { formatDay, formatNumber as formatIn } from "@/lib/domain/format";
import { currentLocale, m } from "@/lib/i18n/message";
import type { FigureChange } from "./figure-writer";

type Client = Pick<Db, "figure" | "unit" | "metric" | "periodLock">;

export interface DailyRow {
  /** the row's line (CSV) or index (grid, API), echoed back in issues */
  ref: number;
  date: string;
  unitCode: string;
  metric: string;
  value: number;
  kind: "daily" | "cumulative";
  reason?: string | undefined;
  /** grid only: the figure's version when the grid was loaded (null: there was none) */
  expectedVersion?: number | null | undefined;
}

export type IssueKind = "invalid" | "scope" | "locked" | "conflict" | "reason" | "funnel" | "spike";

export interface DailyIssue {
  ref: number;
  kind: IssueKind;
  message: string;
  /** for a conflict: what is stored now */
  current?: { value: number; cumulative: number; version: number; by: string | null };
}

export interface DailyCheckResult {
  changes: (FigureChange & { ref: number })[];
  issues: DailyIssue[];
}

interface StoredFigure {
  value: number;
  cumulative: number;
  version: number;
  by: string | null;
}

/** One unit and metric: what is stored around the days being written, then the changes. */
class Series {
  /** running total at the end of the day before the loaded window */
  baseline = 0;
  known = false;
  days = new Map<string, StoredFigure>();
  cumulativeAt(day: string): number {
    let total = this.baseline;
    for (const [d, f] of this.days) if (d <= day) total += f.value;
    return total;
  }
  knownAt(day: string): boolean {
    return this.known || [...this.days.keys()].some((d) => d <= day);
  }
}

export async function checkDailyRows(client: Client, actor: Actor, rows: readonly DailyRow[], options: { now?: Date; confirmSpikes?: boolean; reason?: string } = {}): Promise<DailyCheckResult> {
  const issues: DailyIssue[] = [];
  const issue = (ref: number, kind: IssueKind, message: string, extra: Partial<DailyIssue> = {}) => issues.push({ ref, kind, message, ...extra });
  const today = todayInVietnam(options.now ?? new Date());
  // Numbers in the messages follow the language of the request (469.004 / 469,004).
  const locale = currentLocale();
  const formatNumber = (value: number) => formatIn(value, locale);

  const units = new Map((await client.unit.findMany({
    where: { code: { in: [...new Set(rows.map((r) => r.unitCode))] } },
    select: { id: true, code: true, path: true, dissolvedOn: true, _count: { select: { children: true } } },
  })).map((u) => [u.code, u]));
  const ancestorCodes = [...new Set([...units.values()].flatMap((u) => u.path.split("/").filter(Boolean)))];
  const idsByCode = new Map((await client.unit.findMany({ where: { code: { in: ancestorCodes } }, select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const metrics = await client.metric.findMany({ select: { id: true, code: true, nameVi: true, nameEn: true } });
  const metricByCode = new Map(metrics.map((m) => [m.code, m]));
  const locks = await client.periodLock.findMany({ where: { unitId: { in: [...idsByCode.values()] } }, orderBy: { untilDate: "desc" } });
  const lockUnitCode = new Map([...idsByCode].map(([code, id]) => [id, code]));

  const valid: (DailyRow & { unitId: number; path: string; metricId: number })[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const unit = units.get(row.unitCode);
    const metric = metricByCode.get(row.metric);
    let ok = true;
    if (row.date > today) { issue(row.ref, "invalid", m("validation.daily.future", { date: row.date })); ok = false; }
    if (!unit) { issue(row.ref, "invalid", m("validation.daily.noUnit", { code: row.unitCode })); ok = false; }
    else if (unit._count.children > 0) { issue(row.ref, "invalid", m("validation.daily.hasChildren", { code: row.unitCode })); ok = false; }
    else if (!canEditFigures(actor, unit.path)) { issue(row.ref, "scope", m("validation.daily.outOfScope", { code: row.unitCode })); ok = false; }
    // A dissolved (or merged) unit keeps its figures up to the day before it ended, no more.
    else if (unit.dissolvedOn && row.date >= dateToDay(unit.dissolvedOn)) { issue(row.ref, "invalid", m("validation.daily.dissolved", { code: row.unitCode, date: formatDay(dateToDay(unit.dissolvedOn)) })); ok = false; }
    if (!metric) { issue(row.ref, "invalid", m("validation.daily.noMetric", { code: row.metric })); ok = false; }
    const key = `${row.unitCode}|${row.metric}|${row.date}`;
    if (seen.has(key)) { issue(row.ref, "invalid", m("validation.daily.duplicate")); ok = false; }
    seen.add(key);
    if (unit && !canAdminister(actor)) {
      const codes = unit.path.split("/").filter(Boolean);
      const lock = locks.find((l) => codes.includes(lockUnitCode.get(l.unitId) ?? "") && dateToDay(l.untilDate) >= row.date);
      if (lock) { issue(row.ref, "locked", m("validation.daily.locked", { date: formatDay(row.date), until: formatDay(dateToDay(lock.untilDate)), reason: lock.reason })); ok = false; }
    }
    if (ok && unit && metric) valid.push({ ...row, unitId: unit.id, path: unit.path, metricId: metric.id });
  }
  if (valid.length === 0) return { changes: [], issues };

  // Load, for every unit touched and every metric, the figures from SPIKE_WINDOW_DAYS before
  // the earliest day written to the latest, and the running total just before that window.
  const days = valid.map((r) => r.date).sort();
  const windowStart = addDays(days[0], -SPIKE_WINDOW_DAYS);
  const unitIds = [...new Set(valid.map((r) => r.unitId))];
  const series = new Map<string, Series>();
  const seriesOf = (unitId: number, metricId: number) => {
    const key = `${unitId}:${metricId}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = new Series()));
    return s;
  };
  const stored = await client.figure.findMany({
    where: { unitId: { in: unitIds }, date: { gte: dayToDate(windowStart) } },
    select: { unitId: true, metricId: true, date: true, value: true, cumulative: true, version: true, updatedBy: { select: { displayName: true } } },
  });
  for (const f of stored) seriesOf(f.unitId, f.metricId).days.set(dateToDay(f.date), { value: f.value, cumulative: f.cumulative, version: f.version, by: f.updatedBy?.displayName ?? null });
  const baselines = await client.figure.findMany({
    where: { unitId: { in: unitIds }, date: { lt: dayToDate(windowStart) } },
    distinct: ["unitId", "metricId"],
    orderBy: [{ unitId: "asc" }, { metricId: "asc" }, { date: "desc" }],
    select: { unitId: true, metricId: true, cumulative: true },
  });
  for (const b of baselines) Object.assign(seriesOf(b.unitId, b.metricId), { baseline: b.cumulative, known: true });

  const changes: DailyCheckResult["changes"] = [];
  const touched = new Map<string, { unitId: number; date: string; refs: Map<string, number> }>();
  // Oldest first, so a cumulative entry is read against the days before it as they will be.
  for (const row of [...valid].sort((a, b) => a.date.localeCompare(b.date))) {
    const s = seriesOf(row.unitId, row.metricId);
    const existing = s.days.get(row.date);
    const before = s.cumulativeAt(addDays(row.date, -1));
    const count = dailyCountOf(row.kind, row.value, before);
    const reason = row.reason?.trim() || options.reason?.trim() || "";
    if (row.expectedVersion !== undefined && (existing?.version ?? null) !== row.expectedVersion) {
      issue(row.ref, "conflict", existing
        ? m("validation.daily.conflict", { by: existing.by ?? m("validation.daily.someoneElse"), value: formatNumber(existing.value), cumulative: formatNumber(existing.cumulative) })
        : m("validation.daily.deleted"), existing ? { current: existing } : {});
      continue;
    }
    if (existing && existing.value === count) continue;
    // PostgreSQL stores no NUL character in text: refused here, not left to fail the write
    if (reason.includes("\u0000")) { issue(row.ref, "reason", m("validation.reason.invalidCharacter")); continue; }
    if (existing && !reason) { issue(row.ref, "reason", m("validation.daily.reasonRequired")); continue; }
    if (count < 0 && !reason) { issue(row.ref, "reason", m("validation.daily.decrease", { value: formatNumber(row.value), before: formatNumber(before) })); continue; }
    // The usual count is taken over the days the unit reported in the window; a first entry,
    // often an opening balance typed as a cumulative, has none and is never a spike.
    const windowFrom = addDays(row.date, -SPIKE_WINDOW_DAYS);
    const recentCounts = [...s.days].filter(([d]) => d >= windowFrom && d < row.date).map(([, f]) => f.value);
    const usual = usualDailyCount(recentCounts);
    if (!options.confirmSpikes && usual && isSpike(count, recentCounts)) {
      issue(row.ref, "spike", m("validation.daily.spike", { count: formatNumber(count), factor: String(SPIKE_FACTOR), days: String(usual.reportedDays), average: formatNumber(Math.round(usual.average)) }));
      continue;
    }
    s.days.set(row.date, { value: count, cumulative: before + count, version: (existing?.version ?? 0) + 1, by: null });
    const ancestorIds = row.path.split("/").filter(Boolean).slice(0, -1).map((code) => idsByCode.get(code)!);
    changes.push({
      ref: row.ref, unitId: row.unitId, ancestorIds, unitCode: row.unitCode, metricId: row.metricId, metricCode: row.metric,
      day: row.date, value: count, kind: "daily", reason: reason || null,
      ...(row.expectedVersion !== undefined ? { expectedVersion: row.expectedVersion } : {}),
    });
    const t = touched.get(`${row.unitId}|${row.date}`) ?? { unitId: row.unitId, date: row.date, refs: new Map() };
    t.refs.set(row.metric, row.ref);
    touched.set(`${row.unitId}|${row.date}`, t);
  }

  // The funnel must hold on the day written and on every later reported day, since a change
  // moves the running totals of all the days after it.
  const name = (code: string) => {
    const metric = metricByCode.get(code);
    if (!metric) return code;
    // In English only the first letter is lowered, so that "eID" and "chip-ID" keep their capitals.
    return locale === "en" ? metric.nameEn.charAt(0).toLowerCase() + metric.nameEn.slice(1) : metric.nameVi.toLowerCase();
  };
  for (const { unitId, date, refs } of touched.values()) {
    const unitSeries = metrics.map((m) => ({ code: m.code, s: series.get(`${unitId}:${m.id}`) }));
    const laterDays = [...new Set(unitSeries.flatMap(({ s }) => [...(s?.days.keys() ?? [])]).filter((d) => d >= date))].sort();
    for (const day of laterDays) {
      const cumulative = new Map<string, number>();
      for (const { code, s } of unitSeries) if (s?.knownAt(day)) cumulative.set(code, s.cumulativeAt(day));
      // a lowered day lowers every later running total: none may drop below zero
      const negative = [...cumulative].find(([code, value]) => value < 0 && refs.has(code));
      if (negative) {
        issue(refs.get(negative[0])!, "invalid", m("validation.daily.negativeOnDay", { metric: name(negative[0]), value: formatNumber(negative[1]), date: formatDay(day) }));
        break;
      }
      const violations = funnelViolations(cumulative);
      for (const v of violations) {
        const ref = refs.get(v.metric) ?? refs.get(v.limitMetric) ?? [...refs.values()][0];
        const values = { metric: name(v.metric), value: formatNumber(v.value), limitMetric: name(v.limitMetric), limit: formatNumber(v.limit) };
        issue(ref, "funnel", day === date ? m("validation.daily.funnel", values) : m("validation.daily.funnelOnDay", { ...values, date: formatDay(day) }));
      }
      if (violations.length) break;
    }
  }
  issues.sort((a, b) => a.ref - b.ref);
  return { changes: issues.length ? [] : changes, issues };
}
