import "server-only";
// The one engine every daily figure goes through, whichever way it arrives: the entry grid,
// the CSV/Excel import (web page and `npm run import`) and POST /api/v1/daily. It works in
// the caller's transaction and in the database, set-based, so that its work grows with the
// rows and not with their square, and so that no limit grows with the file (no bind
// parameter per row, no lock per series):
//
//   1. stage   the rows go into a temporary table, a few thousand per statement;
//   2. lock    one transaction-scoped advisory lock per province touched (the scope of
//              every write to a province's totals), taken in one statement, in order;
//   3. check   references, scope, future days, locks and duplicates per row; then every
//              touched series merged with what is stored (window functions give each day's
//              count and running total, a cumulative entry resetting it); corrections need a
//              reason, spikes a confirmation (the rule itself runs in lib/domain on the
//              window's statistics), the funnel must hold on every later day;
//   4. write   figures, audit events (one per changed figure), the maintained totals of the
//              leaves and of every ancestor, and who reported when: a dozen statements.
//
// The rules are the ones of lib/domain/daily-rules.ts; the issues come back typed
// (DailyIssueFact) and are put into words at the edge (lib/i18n/daily-issues.ts).
import { canAdminister, figureScopePrefix, type Actor } from "@/lib/auth/permissions";
import { copyField, type SqlConnection } from "@/lib/db/direct";
import { todayInVietnam } from "@/lib/domain/dates";
import {
  FUNNEL, SPIKE_FLOOR, SPIKE_MIN_REPORTED_DAYS, SPIKE_WINDOW_DAYS, spikeAgainst,
  type DailyIssueCode, type DailyIssueFact,
} from "@/lib/domain/daily-rules";
import type { AuditAction } from "./audit";
import { lockScopes, PARENT_REPORTED_ON } from "./totals";
import { refreshRankingFactsAfterWrite } from "./ranking-facts";
import { CARRIED, refreshCarriesAfterWrite } from "./carries";

/** A Prisma transaction client, or a direct connection in a transaction (lib/db/direct.ts) that can COPY. */
export type Tx = SqlConnection;

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

export interface DailyEngineOptions {
  now?: Date;
  confirmSpikes?: boolean;
  /** the reason for every correction whose row has none */
  reason?: string;
  /** issues returned at most (the first by reference); all are counted */
  issueLimit?: number;
  /** called after each step of the check and of the write, for a progress bar */
  onStep?: (phase: "checking" | "writing", done: number, total: number) => void;
}

export interface DailyCheck {
  /** the first `issueLimit` issues, by reference */
  issues: DailyIssueFact[];
  /** every issue, counted by rule */
  counts: Partial<Record<DailyIssueCode, number>>;
  issueCount: number;
  /** figures the rows would create or change */
  changes: number;
}

/** Rows per staging statement: ten arrays as parameters, whatever the file's size. */
export const STAGE_BATCH = 5_000;
const AUDIT_CREATE: AuditAction = "figure.create";
const AUDIT_UPDATE: AuditAction = "figure.update";
const CHECK_STEPS = 7;
/** Above this many rows the temporary tables are analysed (a few milliseconds, against minutes of a bad plan). */
const ANALYZE_FROM_ROWS = 20_000;
const WRITE_STEPS = 7;

/**
 * One submission's rows, staged in the transaction `tx`. Use: `open`, `stage` (any number of
 * times), `check`, then `write` when the check found no issue. The temporary tables live until
 * the transaction ends.
 */
export class DailyEngine {
  private staged = 0;
  private checked: DailyCheck | null = null;

  private constructor(private readonly tx: Tx, private readonly actor: Actor, private readonly options: DailyEngineOptions) {}

  static async open(tx: Tx, actor: Actor, options: DailyEngineOptions = {}): Promise<DailyEngine> {
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_in (
        line int NOT NULL, unit_code text NOT NULL, metric text NOT NULL, day date NOT NULL, value int NOT NULL,
        is_cumulative boolean NOT NULL, reason text, bad_reason boolean NOT NULL,
        expects boolean NOT NULL, expected_version int
      ) ON COMMIT DROP`);
    return new DailyEngine(tx, actor, options);
  }

  /** Adds rows; a caller streaming a file calls it once per batch. */
  async stage(rows: readonly DailyRow[]): Promise<void> {
    const fallback = this.options.reason?.trim() || null;
    for (let start = 0; start < rows.length; start += STAGE_BATCH) {
      const batch = rows.slice(start, start + STAGE_BATCH);
      const reasons = batch.map((r) => r.reason?.trim() || fallback);
      // PostgreSQL stores no NUL character in text: such a reason is refused, not sent
      const bad = reasons.map((r) => r?.includes("\u0000") ?? false);
      if (this.tx.copyIn) {
        const text = batch.map((r, i) => [
          r.ref, r.unitCode, r.metric, r.date, r.value, r.kind === "cumulative", bad[i] ? null : reasons[i], bad[i],
          r.expectedVersion !== undefined, r.expectedVersion ?? null,
        ].map(copyField).join("\t")).join("\n") + "\n";
        await this.tx.copyIn("COPY daily_in FROM STDIN", text);
        continue;
      }
      await this.tx.$executeRawUnsafe(
        `INSERT INTO daily_in SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::date[], $5::int[], $6::boolean[], $7::text[], $8::boolean[], $9::boolean[], $10::int[])`,
        batch.map((r) => r.ref),
        batch.map((r) => r.unitCode),
        batch.map((r) => r.metric),
        batch.map((r) => r.date),
        batch.map((r) => r.value),
        batch.map((r) => r.kind === "cumulative"),
        reasons.map((r, i) => (bad[i] ? null : r)),
        bad,
        batch.map((r) => r.expectedVersion !== undefined),
        batch.map((r) => r.expectedVersion ?? null),
      );
    }
    this.staged += rows.length;
  }

  get rows(): number {
    return this.staged;
  }

  /** Applies every rule to the staged rows. */
  async check(): Promise<DailyCheck> {
    const tx = this.tx;
    const step = (done: number) => this.options.onStep?.("checking", done, CHECK_STEPS);
    const today = todayInVietnam(this.options.now ?? new Date());
    const scope = figureScopePrefix(this.actor);
    const lockFilter = canAdminister(this.actor) ? "false" : "true";

    // Each row resolved once: its unit (and whether it has children), metric, whether it
    // repeats an earlier row's cell (copy_no 2), and the latest lock covering it (an administrator is bound by none).
    // A code names a unit only together with a day: each row takes the unit of its code that
    // started last on or before its day (the one valid that day, or the one that ended before
    // it: refused as dissolved); a day before the code's first unit started names no unit.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_row ON COMMIT DROP AS
      WITH u AS (
        SELECT x.unit_code, un.id AS unit_id, un.path, un.dissolved_on,
               coalesce(un.valid_from, '-infinity'::date) AS valid_from,
               CASE WHEN row_number() OVER w = 1 THEN '-infinity'::date ELSE un.valid_from END AS from_day,
               coalesce(lead(un.valid_from) OVER w, 'infinity'::date) AS next_from,
               un.id IS NOT NULL AND EXISTS (SELECT 1 FROM unit c WHERE c.parent_id = un.id) AS has_children
        FROM (SELECT DISTINCT unit_code FROM daily_in) x LEFT JOIN unit un ON un.code = x.unit_code
        WINDOW w AS (PARTITION BY x.unit_code ORDER BY un.valid_from NULLS FIRST)
      ), candidate AS (
        -- a day before the code's first unit started: no unit
        SELECT i.*, CASE WHEN i.day >= u.valid_from THEN u.unit_id END AS unit_id, CASE WHEN i.day >= u.valid_from THEN u.path END AS path,
               u.dissolved_on, i.day >= u.valid_from AND u.has_children AS has_children
        FROM daily_in i JOIN u ON u.unit_code = i.unit_code AND i.day >= u.from_day AND i.day < u.next_from
      ), dup AS (
        -- the cells given more than once (a hash, not a sort of every row): the first copy stays
        SELECT unit_code, metric, day, min(line) AS first_line FROM daily_in GROUP BY 1, 2, 3 HAVING count(*) > 1
      ), resolved AS (
        SELECT i.*, mt.id AS metric_id,
               CASE WHEN d.first_line IS NULL OR d.first_line = i.line THEN 1 ELSE 2 END AS copy_no,
               $2::text IS NOT NULL AND i.path IS NOT NULL AND left(i.path, length($2::text)) = $2::text AS in_scope,
               lk.until_date AS locked_until, lk.reason AS lock_reason
        FROM candidate i
        LEFT JOIN dup d ON d.unit_code = i.unit_code AND d.metric = i.metric AND d.day = i.day
        LEFT JOIN metric mt ON mt.code = i.metric
        LEFT JOIN LATERAL (
          SELECT l.until_date, l.reason FROM period_lock l JOIN unit lu ON lu.id = l.unit_id
          WHERE ${lockFilter} AND i.path IS NOT NULL AND left(i.path, length(lu.path)) = lu.path AND l.until_date >= i.day
          ORDER BY l.until_date DESC LIMIT 1
        ) lk ON true
      )
      SELECT r.*, (r.day <= $1::date AND r.unit_id IS NOT NULL AND NOT r.has_children AND r.in_scope
                   AND (r.dissolved_on IS NULL OR r.day < r.dissolved_on) AND r.metric_id IS NOT NULL
                   AND r.copy_no = 1 AND r.locked_until IS NULL) AS ok
      FROM resolved r`, today, scope);
    // temporary tables get no statistics of their own: a big one is measured, so that joins plan well
    if (this.staged > ANALYZE_FROM_ROWS) await tx.$executeRawUnsafe(`ANALYZE daily_row`);
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE daily_issue (line int NOT NULL, code text NOT NULL, params jsonb NOT NULL) ON COMMIT DROP`);
    // An account whose own unit has ended (a reorganisation): on the days after, a code names
    // another unit, outside its scope; it is told why, and what to do, rather than "outside your scope".
    const [own] = this.actor.unitPath
      ? await tx.$queryRawUnsafe<{ code: string; name: string; ended: string | null }[]>(
        `SELECT code, name, to_char(dissolved_on, 'YYYY-MM-DD') AS ended FROM unit WHERE path = $1`, this.actor.unitPath)
      : [];
    const ownEnd = own?.ended ?? null;
    await tx.$executeRawUnsafe(`
      INSERT INTO daily_issue (line, code, params)
      SELECT line, 'future', jsonb_build_object('date', to_char(day, 'YYYY-MM-DD')) FROM daily_row WHERE day > $1::date
      UNION ALL SELECT line, 'noUnit', jsonb_build_object('unitCode', unit_code) FROM daily_row WHERE unit_id IS NULL
      UNION ALL SELECT line, 'hasChildren', jsonb_build_object('unitCode', unit_code) FROM daily_row WHERE has_children
      UNION ALL SELECT line, 'outOfScope', jsonb_build_object('unitCode', unit_code) FROM daily_row
        WHERE unit_id IS NOT NULL AND NOT has_children AND NOT in_scope AND ($2::date IS NULL OR day < $2::date)
      UNION ALL SELECT line, 'ownUnitEnded', jsonb_build_object('unitCode', unit_code, 'ownCode', $3::text, 'ownName', $4::text, 'date', to_char($2::date - 1, 'YYYY-MM-DD')) FROM daily_row
        WHERE unit_id IS NOT NULL AND NOT has_children AND NOT in_scope AND $2::date IS NOT NULL AND day >= $2::date
      UNION ALL SELECT line, 'dissolved', jsonb_build_object('unitCode', unit_code, 'date', to_char(dissolved_on, 'YYYY-MM-DD'))
        FROM daily_row WHERE unit_id IS NOT NULL AND NOT has_children AND in_scope AND day >= dissolved_on
      UNION ALL SELECT line, 'noMetric', jsonb_build_object('metric', metric) FROM daily_row WHERE metric_id IS NULL
      UNION ALL SELECT line, 'duplicate', '{}'::jsonb FROM daily_row WHERE copy_no > 1
      UNION ALL SELECT line, 'locked', jsonb_build_object('date', to_char(day, 'YYYY-MM-DD'), 'until', to_char(locked_until, 'YYYY-MM-DD'), 'reason', lock_reason)
        FROM daily_row WHERE locked_until IS NOT NULL`, today, ownEnd, own?.code ?? null, own?.name ?? null);
    step(1);

    // From here on nobody else writes these provinces' figures until the transaction ends.
    const roots = await tx.$queryRawUnsafe<{ id: number }[]>(`
      SELECT DISTINCT a.id FROM (SELECT DISTINCT split_part(path, '/', 1) || '/' AS path FROM daily_row WHERE ok) x
      JOIN unit a ON a.path = x.path ORDER BY a.id`);
    await lockScopes(tx, roots.map((r) => r.id));
    step(2);

    // Every touched series, merged with what is stored from SPIKE_WINDOW_DAYS before the unit's
    // first day written to its last stored day, with each day's new count and running total.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_unit ON COMMIT DROP AS
      SELECT unit_id, min(day) - ${SPIKE_WINDOW_DAYS} AS window_from FROM daily_row WHERE ok GROUP BY unit_id`);
    // A running total entered ("lũy kế") is the unit's running total as every view shows it,
    // carries of a change of the tree included (lib/data/carries.ts): its own part is what is
    // stored. Checked once: nearly always there is no carry anywhere.
    const [{ carries }] = await tx.$queryRawUnsafe<{ carries: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM unit_carry uc JOIN daily_unit t ON t.unit_id = uc.unit_id) AS carries`);
    const filedValue = carries ? `CASE WHEN d.is_cumulative THEN d.value - ${CARRIED("d.unit_id", "d.metric_id", "d.day")} ELSE d.value END` : "value";
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_series ON COMMIT DROP AS
      WITH stored AS (
        SELECT f.unit_id, f.metric_id, f.date AS day, f.value, f.cumulative, f.version, f.updated_by_id
        FROM daily_unit t CROSS JOIN LATERAL (
          SELECT * FROM figure f WHERE f.unit_id = t.unit_id AND f.date >= t.window_from
        ) f
      ), filed AS (
        SELECT d.unit_id, d.metric_id, d.day, d.line, ${filedValue} AS value, d.is_cumulative, d.reason, d.bad_reason, d.expects, d.expected_version
        FROM daily_row d WHERE d.ok
      ), merged AS (
        SELECT coalesce(r.unit_id, s.unit_id) AS unit_id, coalesce(r.metric_id, s.metric_id) AS metric_id, coalesce(r.day, s.day) AS day,
               r.line, r.value AS file_value, coalesce(r.is_cumulative, false) AS is_cumulative, r.reason,
               coalesce(r.bad_reason, false) AS bad_reason, coalesce(r.expects, false) AS expects, r.expected_version,
               s.value AS stored_value, s.cumulative AS stored_cumulative, s.version AS stored_version, s.updated_by_id
        FROM stored s FULL JOIN filed r ON r.unit_id = s.unit_id AND r.metric_id = s.metric_id AND r.day = s.day
      ), base AS (
        SELECT p.unit_id, p.metric_id, b.cumulative AS baseline
        FROM (SELECT DISTINCT unit_id, metric_id FROM merged) p JOIN daily_unit t USING (unit_id)
        LEFT JOIN LATERAL (SELECT f.cumulative FROM figure f
                           WHERE f.unit_id = p.unit_id AND f.metric_id = p.metric_id AND f.date < t.window_from
                           ORDER BY f.date DESC LIMIT 1) b ON true
      ), grouped AS (
        SELECT m.*, coalesce(b.baseline, 0) AS baseline,
               count(*) FILTER (WHERE m.is_cumulative) OVER (PARTITION BY m.unit_id, m.metric_id ORDER BY m.day ROWS UNBOUNDED PRECEDING) AS grp
        FROM merged m JOIN base b USING (unit_id, metric_id)
      ), cumulated AS (
        -- a cumulative entry sets the running total; a daily one (or a stored day) adds to it
        SELECT g.*,
               (CASE WHEN g.grp = 0 THEN g.baseline
                     ELSE first_value(g.file_value) OVER (PARTITION BY g.unit_id, g.metric_id, g.grp ORDER BY g.day) END
                + sum(CASE WHEN g.line IS NULL THEN g.stored_value WHEN g.is_cumulative THEN 0 ELSE g.file_value END)
                    OVER (PARTITION BY g.unit_id, g.metric_id, g.grp ORDER BY g.day ROWS UNBOUNDED PRECEDING))::bigint AS cum
        FROM grouped g
      )
      SELECT y.*, y.filed AND (y.stored_value IS NULL OR y.stored_value <> y.new_count) AS change FROM (
        SELECT c.*, (c.cum - coalesce(lag(c.cum) OVER (PARTITION BY c.unit_id, c.metric_id ORDER BY c.day), c.baseline))::bigint AS new_count,
               c.line IS NOT NULL AS filed
        FROM cumulated c
      ) y`);
    if (this.staged > ANALYZE_FROM_ROWS) await tx.$executeRawUnsafe(`ANALYZE daily_series`);
    step(3);

    // The grid's cell saved by someone else since it was loaded; a correction without a reason.
    await tx.$executeRawUnsafe(`
      INSERT INTO daily_issue (line, code, params)
      SELECT s.line, CASE WHEN s.stored_version IS NULL THEN 'deleted' ELSE 'conflict' END,
             jsonb_build_object('value', s.stored_value, 'cumulative', s.stored_cumulative, 'version', s.stored_version, 'by', u.display_name)
      FROM daily_series s LEFT JOIN app_user u ON u.id = s.updated_by_id
      WHERE s.filed AND s.expects AND s.stored_version IS DISTINCT FROM s.expected_version`);
    await tx.$executeRawUnsafe(`
      INSERT INTO daily_issue (line, code, params)
      SELECT s.line,
             CASE WHEN s.bad_reason THEN 'reasonInvalid' WHEN s.stored_value IS NOT NULL AND s.reason IS NULL THEN 'reasonRequired' ELSE 'decrease' END,
             jsonb_build_object('value', s.file_value, 'before', s.cum - s.new_count)
      FROM daily_series s
      WHERE s.change AND NOT (s.expects AND s.stored_version IS DISTINCT FROM s.expected_version)
        AND (s.bad_reason OR (s.reason IS NULL AND (s.stored_value IS NOT NULL OR s.new_count < 0)))`);
    step(4);

    if (!this.options.confirmSpikes) await this.checkSpikes();
    step(5);
    await this.checkFunnel();
    step(6);

    const limit = this.options.issueLimit ?? Number.MAX_SAFE_INTEGER;
    const listed = await tx.$queryRawUnsafe<{ line: number; code: DailyIssueCode; params: Record<string, string | number | null> }[]>(
      `SELECT line, code, params FROM daily_issue ORDER BY line, code LIMIT $1`, Math.min(limit, 1_000_000));
    const counted = await tx.$queryRawUnsafe<{ code: DailyIssueCode; n: number }[]>(
      `SELECT code, count(*)::int AS n FROM daily_issue GROUP BY code`);
    const [{ changes }] = await tx.$queryRawUnsafe<{ changes: number }[]>(`SELECT count(*)::int AS changes FROM daily_series WHERE change`);
    step(7);
    const counts = Object.fromEntries(counted.map((c) => [c.code, c.n])) as DailyCheck["counts"];
    this.checked = {
      issues: listed.map(issueOf),
      counts,
      issueCount: counted.reduce((sum, c) => sum + c.n, 0),
      changes,
    };
    return this.checked;
  }

  /**
   * The spike rule (lib/domain) on each candidate: a changed count above the floor whose
   * window has enough reported days. The window's statistics come from the database, in pages.
   * Like the funnel's, it applies to every changed cell but one saved by someone else since it
   * was loaded: a cell that also needs a reason is told both at once, not one save at a time.
   */
  private async checkSpikes(): Promise<void> {
    const tx = this.tx;
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_spike ON COMMIT DROP AS
      SELECT line, new_count::float8 AS count, n::int AS n, average::float8 AS average, variance::float8 AS variance FROM (
        SELECT s.line, s.change, s.new_count,
               count(*) OVER w AS n, avg(s.new_count) OVER w AS average, coalesce(var_samp(s.new_count) OVER w, 0) AS variance
        FROM daily_series s
        WINDOW w AS (PARTITION BY s.unit_id, s.metric_id ORDER BY s.day RANGE BETWEEN INTERVAL '${SPIKE_WINDOW_DAYS} days' PRECEDING AND INTERVAL '1 day' PRECEDING)
      ) x
      WHERE x.change AND x.new_count > ${SPIKE_FLOOR} AND x.n >= ${SPIKE_MIN_REPORTED_DAYS}
        AND NOT EXISTS (SELECT 1 FROM daily_issue i WHERE i.line = x.line AND i.code IN ('conflict', 'deleted'))`);
    let after = -1;
    for (;;) {
      const page = await tx.$queryRawUnsafe<{ line: number; count: number; n: number; average: number; variance: number }[]>(
        `SELECT line, count, n, average, variance FROM daily_spike WHERE line > $1 ORDER BY line LIMIT ${STAGE_BATCH}`, after);
      if (page.length === 0) break;
      after = page[page.length - 1].line;
      const spikes = page.flatMap((c) => {
        const usual = spikeAgainst(c.count, { reportedDays: c.n, average: c.average, variance: c.variance });
        return usual ? [{ line: c.line, count: c.count, days: usual.reportedDays, average: usual.average }] : [];
      });
      if (spikes.length === 0) continue;
      await tx.$executeRawUnsafe(
        `INSERT INTO daily_issue (line, code, params)
         SELECT l, 'spike', jsonb_build_object('count', c, 'days', d, 'average', a) FROM unnest($1::int[], $2::float8[], $3::int[], $4::float8[]) AS s(l, c, d, a)`,
        spikes.map((s) => s.line), spikes.map((s) => s.count), spikes.map((s) => s.days), spikes.map((s) => s.average));
    }
  }

  /**
   * The funnel (activated ≤ accounts ≤ dossiers, running totals) on the day written and on
   * every later day of the unit, and no running total below zero: a change moves the totals
   * of every day after it. Each group of changes (unit and day) is told of the first day that
   * breaks a rule.
   */
  private async checkFunnel(): Promise<void> {
    const tx = this.tx;
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_touched ON COMMIT DROP AS
      SELECT s.unit_id, s.metric_id, s.day, s.line FROM daily_series s
      WHERE s.change AND NOT EXISTS (SELECT 1 FROM daily_issue i WHERE i.line = s.line AND i.code IN ('conflict', 'deleted'))`);
    await tx.$executeRawUnsafe(`
      INSERT INTO daily_issue (line, code, params)
      SELECT DISTINCT ON (t.line) t.line, 'negativeOnDay',
             jsonb_build_object('metric', mt.code, 'metricVi', mt.name_vi, 'metricEn', mt.name_en, 'value', n.cum, 'date', to_char(n.day, 'YYYY-MM-DD'))
      FROM (SELECT * FROM daily_series WHERE cum < 0) n
      JOIN daily_touched t ON t.unit_id = n.unit_id AND t.metric_id = n.metric_id AND n.day >= t.day
      JOIN metric mt ON mt.id = t.metric_id
      ORDER BY t.line, n.day`);
    const codes = [...new Set(FUNNEL.flat())];
    const metrics = await tx.$queryRawUnsafe<{ id: number; code: string }[]>(`SELECT id, code FROM metric WHERE code = ANY($1::text[])`, codes);
    const idOf = new Map(metrics.map((m) => [m.code, m.id]));
    const pairs = FUNNEL.filter(([small, large]) => idOf.has(small) && idOf.has(large));
    if (pairs.length === 0) return;
    const funnelIds = [...new Set(pairs.flat())].map((code) => idOf.get(code)!);
    // Running totals of the funnel's metrics on every day one of them moves, carried forward
    // from the day before (or from before the window) when a metric has no figure that day.
    const columns = funnelIds.map((id) => `m${id}`);
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_funnel ON COMMIT DROP AS
      WITH tu AS (SELECT unit_id, min(day) AS from_day FROM daily_touched GROUP BY unit_id),
      g AS (
        SELECT s.unit_id, s.day, ${funnelIds.map((id) => `max(s.cum) FILTER (WHERE s.metric_id = ${id}) AS m${id}`).join(", ")}
        FROM daily_series s JOIN tu USING (unit_id) WHERE s.metric_id IN (${funnelIds.join(", ")})
        GROUP BY s.unit_id, s.day
      ), c AS (
        SELECT g.*, ${columns.map((c) => `count(${c}) OVER (PARTITION BY unit_id ORDER BY day ROWS UNBOUNDED PRECEDING) AS g${c}`).join(", ")} FROM g
      ), b AS (
        SELECT tu.unit_id, tu.from_day, ${funnelIds.map((id) => `(SELECT f.cumulative FROM figure f JOIN daily_unit w ON w.unit_id = tu.unit_id
            WHERE f.unit_id = tu.unit_id AND f.metric_id = ${id} AND f.date < w.window_from ORDER BY f.date DESC LIMIT 1) AS m${id}`).join(", ")}
        FROM tu
      )
      SELECT * FROM (
        SELECT c.unit_id, c.day, b.from_day, ${columns.map((col) => `CASE WHEN c.g${col} = 0 THEN b.${col} ELSE max(c.${col}) OVER (PARTITION BY c.unit_id, c.g${col}) END AS ${col}`).join(", ")}
        FROM c JOIN b USING (unit_id)
      ) carried WHERE day >= from_day`);
    const broken = pairs.map(([small, large]) => `m${idOf.get(small)} > m${idOf.get(large)}`).join(" OR ");
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE daily_broken ON COMMIT DROP AS SELECT * FROM daily_funnel WHERE ${broken}`);
    // nearly always empty: then nothing below has anything to find (each pair's statement
    // otherwise groups every touched row and probes per unit-day: 0.4 s for a province's year)
    const [{ any }] = await tx.$queryRawUnsafe<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM daily_broken) AS any`);
    if (!any) return;
    await tx.$executeRawUnsafe(`CREATE INDEX ON daily_broken (unit_id, day)`);
    await tx.$executeRawUnsafe(`ANALYZE daily_broken`);
    for (const [small, large] of pairs) {
      const s = idOf.get(small)!;
      const l = idOf.get(large)!;
      await tx.$executeRawUnsafe(`
        INSERT INTO daily_issue (line, code, params)
        SELECT coalesce(gr.l${s}, gr.l${l}, gr.l_any), 'funnel',
               jsonb_build_object('metric', ms.code, 'metricVi', ms.name_vi, 'metricEn', ms.name_en, 'value', v.m${s},
                                  'limitMetric', ml.code, 'limitMetricVi', ml.name_vi, 'limitMetricEn', ml.name_en, 'limit', v.m${l},
                                  'date', to_char(v.day, 'YYYY-MM-DD'), 'sameDay', v.day = gr.day)
        FROM (SELECT unit_id, day, min(line) FILTER (WHERE metric_id = ${s}) AS l${s}, min(line) FILTER (WHERE metric_id = ${l}) AS l${l}, min(line) AS l_any
              FROM daily_touched GROUP BY unit_id, day) gr
        JOIN LATERAL (SELECT * FROM daily_broken b WHERE b.unit_id = gr.unit_id AND b.day >= gr.day ORDER BY b.day LIMIT 1) v ON true
        JOIN metric ms ON ms.id = ${s} JOIN metric ml ON ml.id = ${l}
        WHERE v.m${s} > v.m${l}`);
    }
  }

  /** Writes what the check found, which must have found no issue. Returns the figures written. */
  async write(): Promise<number> {
    if (!this.checked || this.checked.issueCount > 0) throw new Error("DailyEngine.write needs a check without issues");
    if (this.checked.changes === 0) return 0;
    const tx = this.tx;
    const userId = this.actor.id ?? null;
    const step = (done: number) => this.options.onStep?.("writing", done, WRITE_STEPS);
    await tx.$executeRawUnsafe(`
      UPDATE figure f SET
        value = CASE WHEN s.change THEN s.new_count ELSE f.value END,
        cumulative = s.cum,
        version = CASE WHEN s.change THEN f.version + 1 ELSE f.version END,
        updated_by_id = CASE WHEN s.change THEN $1::int ELSE f.updated_by_id END,
        updated_at = CASE WHEN s.change THEN now() ELSE f.updated_at END
      FROM daily_series s
      WHERE s.stored_value IS NOT NULL AND (s.change OR s.cum <> s.stored_cumulative)
        AND f.unit_id = s.unit_id AND f.metric_id = s.metric_id AND f.date = s.day`, userId);
    step(1);
    await tx.$executeRawUnsafe(`
      INSERT INTO figure (unit_id, metric_id, date, value, cumulative, version, updated_by_id)
      SELECT unit_id, metric_id, day, new_count, cum, 1, $1::int FROM daily_series WHERE change AND stored_value IS NULL
      ORDER BY unit_id, metric_id, day`, userId);
    step(2);
    // One audit event per changed figure (audit actions: lib/data/audit.ts), in the order of
    // the audit log's indexes (unit, then the key unit:metric:day), so that a big import adds
    // to them in order rather than all over them: a national year's 15 M events otherwise
    // spend most of their time on random index pages.
    await tx.$executeRawUnsafe(`
      INSERT INTO audit_event (user_id, action, entity, entity_key, unit_id, old_value, new_value, reason)
      SELECT $1::int, CASE WHEN s.stored_value IS NULL THEN $2 ELSE $3 END, 'figure',
             u.code || ':' || mt.code || ':' || to_char(s.day, 'YYYY-MM-DD'), s.unit_id,
             CASE WHEN s.stored_value IS NULL THEN NULL ELSE jsonb_build_object('daily', s.stored_value, 'cumulative', s.stored_cumulative) END,
             jsonb_build_object('daily', s.new_count, 'cumulative', s.cum), s.reason
      FROM daily_series s JOIN unit u ON u.id = s.unit_id JOIN metric mt ON mt.id = s.metric_id
      WHERE s.change ORDER BY s.unit_id, s.metric_id, s.day`, userId, AUDIT_CREATE, AUDIT_UPDATE);
    step(3);
    // The leaves written and their ancestors (root first), from the units' paths.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_ancestor ON COMMIT DROP AS
      SELECT l.unit_id AS leaf_id, a.id AS unit_id, a.level
      FROM (SELECT DISTINCT unit_id FROM daily_series WHERE change) l
      JOIN unit u ON u.id = l.unit_id
      CROSS JOIN LATERAL (SELECT string_to_array(rtrim(u.path, '/'), '/') AS parts) s
      CROSS JOIN LATERAL generate_series(1, cardinality(s.parts)) AS k
      JOIN unit a ON a.path = array_to_string(s.parts[1:k], '/') || '/'`);
    // A leaf's own totals are its figures (view unit_total): only its ancestors' rows move.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_shift ON COMMIT DROP AS
      SELECT a.unit_id, s.metric_id, s.day, sum(s.new_count - coalesce(s.stored_value, 0))::int AS delta
      FROM daily_series s JOIN daily_ancestor a ON a.leaf_id = s.unit_id AND a.unit_id <> a.leaf_id
      WHERE s.change GROUP BY a.unit_id, s.metric_id, s.day`);
    step(4);
    // Each moved series of daily_total (the parents'), from its first moved day: the stored rows plus the
    // shifts (a unit with a figure on a day has a total that day, even of 0: it has reported),
    // running totals from the day before's. A row is stored already exactly when it came from
    // the stored tail, so the new rows are plainly inserted and the stored ones updated where
    // they changed. An upsert probed the key of every row first: a province's year (380,000
    // rows, all new) took 2.2 s as an upsert, 1.7 s this way, on the same loaded machine.
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_total_new ON COMMIT DROP AS
      WITH a AS (
        SELECT unit_id, metric_id, min(day) AS from_day FROM daily_shift GROUP BY unit_id, metric_id
      ), b AS (
        SELECT a.*, coalesce((SELECT p.cumulative FROM daily_total p WHERE p.unit_id = a.unit_id AND p.metric_id = a.metric_id
                              AND p.date < a.from_day ORDER BY p.date DESC LIMIT 1), 0) AS base
        FROM a
      ), tails AS (
        -- one index range per series, whatever the planner believes of a table just filled
        SELECT b.unit_id, b.metric_id, t.date, t.daily, t.cumulative
        FROM b CROSS JOIN LATERAL (
          SELECT t.date, t.daily, t.cumulative FROM daily_total t
          WHERE t.unit_id = b.unit_id AND t.metric_id = b.metric_id AND t.date >= b.from_day
        ) t
      ), merged AS (
        SELECT coalesce(t.unit_id, s.unit_id) AS unit_id, coalesce(t.metric_id, s.metric_id) AS metric_id,
               coalesce(t.date, s.day) AS date, coalesce(t.daily, 0) + coalesce(s.delta, 0) AS daily,
               t.date IS NOT NULL AS stored, t.daily AS stored_daily, t.cumulative AS stored_cumulative
        FROM tails t FULL JOIN daily_shift s ON s.unit_id = t.unit_id AND s.metric_id = t.metric_id AND s.day = t.date
      )
      SELECT m.unit_id, m.metric_id, m.date, m.daily, (b.base + sum(m.daily) OVER (PARTITION BY m.unit_id, m.metric_id ORDER BY m.date))::int AS cumulative,
             m.stored, m.stored_daily, m.stored_cumulative
      FROM merged m JOIN b USING (unit_id, metric_id)`);
    await tx.$executeRawUnsafe(`
      INSERT INTO daily_total (unit_id, metric_id, date, daily, cumulative)
      SELECT unit_id, metric_id, date, daily, cumulative FROM daily_total_new WHERE NOT stored ORDER BY 1, 2, 3`);
    await tx.$executeRawUnsafe(`
      UPDATE daily_total t SET daily = n.daily, cumulative = n.cumulative
      FROM daily_total_new n
      WHERE n.stored AND (n.daily <> n.stored_daily OR n.cumulative <> n.stored_cumulative)
        AND t.unit_id = n.unit_id AND t.metric_id = n.metric_id AND t.date = n.date`);
    step(5);
    await this.markReported();
    // a figure before a unit's end moves what it carried on to its successors
    await refreshCarriesAfterWrite(tx);
    await refreshRankingFactsAfterWrite(tx);
    step(7);
    return this.checked.changes;
  }

  /**
   * Who reported when: a leaf with a new figure on a day has reported that day; each of its
   * ancestors' rows from that day on is recomputed from its children's, one level at a time,
   * the deepest first (a parent's row is computed from its children's).
   */
  private async markReported(): Promise<void> {
    const tx = this.tx;
    await tx.$executeRawUnsafe(`CREATE TEMP TABLE daily_report (unit_id int, date date) ON COMMIT DROP`);
    await tx.$executeRawUnsafe(`
      WITH ins AS (
        -- an anti-join, not ON CONFLICT: nobody else writes these units (lockScopes), and a
        -- speculative insertion per row cost twice as much (a province's year: 88,000 rows)
        INSERT INTO unit_report (unit_id, date, reported_on)
        SELECT x.unit_id, x.day, x.day FROM (SELECT DISTINCT unit_id, day FROM daily_series WHERE change AND stored_value IS NULL) x
        WHERE NOT EXISTS (SELECT 1 FROM unit_report r WHERE r.unit_id = x.unit_id AND r.date = x.day)
        ORDER BY x.unit_id, x.day
        RETURNING unit_id, date
      ) INSERT INTO daily_report SELECT unit_id, date FROM ins`);
    await tx.$executeRawUnsafe(`
      CREATE TEMP TABLE daily_report_from ON COMMIT DROP AS
      SELECT a.unit_id, a.level, min(r.date) AS from_day
      FROM daily_report r JOIN daily_ancestor a ON a.leaf_id = r.unit_id AND a.unit_id <> r.unit_id
      GROUP BY a.unit_id, a.level`);
    await tx.$executeRawUnsafe(`
      INSERT INTO unit_report (unit_id, date, reported_on)
      SELECT DISTINCT a.unit_id, r.date, NULL::date
      FROM daily_report r JOIN daily_ancestor a ON a.leaf_id = r.unit_id AND a.unit_id <> r.unit_id
      ORDER BY 1, 2 ON CONFLICT DO NOTHING`);
    this.options.onStep?.("writing", 6, WRITE_STEPS);
    const levels = await tx.$queryRawUnsafe<{ level: number }[]>(`SELECT DISTINCT level FROM daily_report_from ORDER BY level DESC`);
    for (const { level } of levels) {
      await tx.$executeRawUnsafe(`
        UPDATE unit_report p SET reported_on = ${PARENT_REPORTED_ON("p.unit_id", "p.date")}
        FROM daily_report_from s
        WHERE s.level = $1 AND p.unit_id = s.unit_id AND p.date >= s.from_day`, level);
    }
  }
}

function issueOf(row: { line: number; code: DailyIssueCode; params: Record<string, string | number | null> }): DailyIssueFact {
  const issue: DailyIssueFact = { ref: row.line, code: row.code, params: row.params };
  if (row.code === "conflict") {
    const p = row.params;
    return { ...issue, current: { value: Number(p.value), cumulative: Number(p.cumulative), version: Number(p.version), by: (p.by as string | null) ?? null } };
  }
  return issue;
}
