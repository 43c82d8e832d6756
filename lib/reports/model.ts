// The weekly report: computed once (lib/data/weekly-report.ts), then rendered into every
// format (xlsx, pdf, docx, csv) and the HTML page, so all of them show the same figures.
// An issued report stores this model as JSON, frozen; it must therefore stay plain data
// (strings, numbers, nulls, arrays), and `version` changes whenever its shape does. It holds
// figures, codes and names, never sentences or labels: the renderers word it in the
// reader's language (lib/reports/text.ts), so a frozen report downloads in either language.

/** 2: metric names in both languages; the week's labels, the praise sentence and the child level's name left to the renderers. */
export const REPORT_MODEL_VERSION = 2;

import type { AgencyRankingRow } from "@/lib/domain/agencies";
import type { AppliedCriticismRule } from "@/lib/domain/criticism-rule";
import type { ProjectionStatus } from "@/lib/domain/projection";
import type { ReportIssuing } from "./issuing";

/** lib/domain/projection.ts's projection at the week's end, as the report shows it. */
export interface ReportProjection {
  status: ProjectionStatus;
  /** average daily count over the last 7 days (the report week) */
  dailyPace: number;
  /** the cumulative total expected on the milestone's due date at that pace */
  projectedOnDueDate: number | null;
  /** the daily count still needed to reach the target by the due date; null once met or past */
  requiredDailyPace: number | null;
}

export interface ReportSummaryRow {
  metric: string;
  metricName: string;
  metricNameEn: string;
  target: number | null;
  actual: number;
  percent: number | null;
  /** the count added during the week: actual at its Sunday minus actual the Sunday before */
  weekChange: number;
  /** percentage points gained during the week; null when either end has no percent */
  weekChangePoints: number | null;
  /** the milestone that counts at the week's end */
  dueDate: string | null;
  /** the milestone still ahead at the week's end (the one the target counts towards); null once all are past */
  nextMilestone: { dueDate: string; target: number | null } | null;
  projection: ReportProjection | null;
}

export interface ReportRankingRow {
  rank: number | null;
  code: string;
  name: string;
  target: number | null;
  actual: number;
  percent: number | null;
  weekChange: number;
  weekChangePoints: number | null;
  /** places gained since the Sunday before (positive: moved up); null when unranked at either end */
  rankChange: number | null;
  reportedOn: string | null;
}

export interface ReportNamedPercent {
  code: string;
  name: string;
  percent: number | null;
}

export interface ReportMissingUnit {
  code: string;
  name: string;
  /** days of the week on which the unit (for a parent: one or more of its communes) reported nothing */
  missingDays: string[];
  /** how many of its communes missed at least one day (1 for a commune itself) */
  leavesMissing: number;
  leavesTotal: number;
}

export interface ReportTrendPoint {
  day: string;
  /** cumulative total at the end of the day */
  actual: number;
  /** the planned cumulative total on that day: a straight path from the campaign's start to each milestone */
  planned: number | null;
}

export interface WeeklyReportModel {
  version: typeof REPORT_MODEL_VERSION;
  unit: { code: string | null; name: string };
  campaign: { code: string; name: string } | null;
  week: { iso: string; start: string; end: string };
  /** the figures are cumulative up to the end of this day */
  asOf: string;
  /** when the figures were read from the database (ISO instant) */
  computedAt: string;
  /** the headline metric the ranking, praise, criticism and trend are about */
  metric: { code: string; name: string; nameEn: string };
  summary: ReportSummaryRow[];
  ranking: ReportRankingRow[];
  praise: ReportNamedPercent[];
  criticism: ReportNamedPercent[];
  /**
   * The criticism rule that picked `criticism` (issue 24, point 4), frozen with it. Optional
   * without a new version: reports issued before it were all picked as "bottom 5" and read
   * as such (the plain "Phê bình: …" sentence).
   */
  criticismRule?: AppliedCriticismRule;
  missing: ReportMissingUnit[];
  trend: ReportTrendPoint[];
  /**
   * What the ranked units are (a `unit_level` key: "district", "commune" ...), whatever their
   * depth; null when they mix kinds. Optional without a new version: a report issued before it
   * reads as before ("các đơn vị"), its frozen model unchanged.
   */
  childKind?: string | null;
  /**
   * The part of the unit's total that is in none of the ranking's rows: figures of units
   * ended in a reorganisation and split without shares (docs/units-over-time.md). Present
   * only when not 0; optional without a new version (a report without it had none).
   */
  notAllocated?: number;
  /**
   * The agencies seen from the unit (issue 22), present only when there are some: optional
   * without a new version, a report without it had none.
   */
  agencies?: ReportAgencies;
}

/** An agency ranked by share of its staff activated: the ranking's own row (sub-agencies summed in; lib/domain/agencies.ts). */
export type ReportAgencyRow = AgencyRankingRow;

/** Agencies' staff with level-2 activation (issue 22): the agencies seen from the report's unit. */
export interface ReportAgencies {
  /** the day set for 100% of staff; null: none set */
  dueDate: string | null;
  headcount: number;
  activated: number;
  percent: number | null;
  rows: ReportAgencyRow[];
  notReported: { code: string; name: string }[];
}

/** The document around a model: live figures, or an issued (frozen) report. */
export interface ReportEnvelope {
  model: WeeklyReportModel;
  /** date and time of issue (ISO instant); for a live report, the time it was generated */
  issuedAt: string;
  issued: { id: number; by: string; daysLocked: boolean } | null;
}

/**
 * A report as a document: its envelope and the head and foot the unit issues it with
 * (lib/reports/issuing.ts), read from the unit's settings when the file is made.
 */
export interface ReportDocument extends ReportEnvelope {
  issuing: ReportIssuing;
}

/** The shape issued before English: Vietnamese metric names only (plus labels now ignored). */
type StoredModelV1 = Omit<WeeklyReportModel, "version" | "metric" | "summary"> & {
  version: 1;
  metric: { code: string; name: string };
  summary: Omit<ReportSummaryRow, "metricNameEn">[];
};

/**
 * A stored model in the current shape, or null when it is not one we can read. Version 1
 * lacks English metric names: they fall back to the Vietnamese ones. Its stored Vietnamese
 * labels and sentence are ignored, since the renderers word the report themselves.
 */
export function readStoredModel(stored: unknown): WeeklyReportModel | null {
  const model = stored as WeeklyReportModel | StoredModelV1 | null;
  if (model?.version === REPORT_MODEL_VERSION) return model;
  if (model?.version !== 1) return null;
  return {
    ...model,
    version: REPORT_MODEL_VERSION,
    metric: { ...model.metric, nameEn: model.metric.name },
    summary: model.summary.map((row) => ({ ...row, metricNameEn: row.metricName })),
  };
}
