// After the run, from the database: every acknowledged save stored exactly once, every
// refused save stored nothing, and the audit log matching the figures one to one.
import { Client } from "pg";
import { rebuildTotals } from "@/lib/data/totals";
import type { Db } from "@/lib/db/client";
import { POISON, type SentSave, type WriterState } from "./writers";

export interface Verification {
  acknowledged: number;
  retriesAnswered: number;
  refused: number;
  unanswered: number;
  cellsChecked: number;
  auditEvents: number;
  /** saves answered 502/504 by a proxy (in flight on a killed server) that were stored, each once */
  gatewayStored: number;
  problems: string[];
}

interface AuditRow {
  entity_key: string;
  user_id: number;
  old_daily: number | null;
  new_daily: number;
}

/**
 * `gateway`: answers a proxy gave for a save in flight on a server that was killed (502, 504):
 * not a failure, but the save must be stored once (its audit events and figures like an
 * acknowledged one) or not at all.
 */
export async function verify(url: string, db: Db, writers: WriterState[], startedAt: Date, gateway: (status: number | undefined) => boolean = () => false): Promise<Verification> {
  const problems: string[] = [];
  const problem = (text: string) => {
    if (problems.length < 50) problems.push(text);
  };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: submissions } = await client.query<{ key: string; written: number }>(`SELECT key, written FROM daily_submission WHERE key LIKE '%:api-load-%'`);
    const stored = new Map(submissions.map((s) => [s.key.slice(s.key.indexOf(":api-") + 5), s.written]));
    const { rows: audits } = await client.query<AuditRow>(
      `SELECT entity_key, user_id, (old_value->>'daily')::int AS old_daily, (new_value->>'daily')::int AS new_daily
         FROM audit_event WHERE entity = 'figure' AND at >= $1 ORDER BY id`,
      [startedAt],
    );
    const day = writers[0]?.day;
    const { rows: figures } = await client.query<{ code: string; metric: string; value: number }>(
      `SELECT u.code, m.code AS metric, f.value FROM figure f JOIN unit u ON u.id = f.unit_id JOIN metric m ON m.id = f.metric_id WHERE f.date = $1::date`,
      [day],
    );
    const figureValue = new Map(figures.map((f) => [`${f.code}:${f.metric}`, f.value]));

    let acknowledged = 0;
    let retriesAnswered = 0;
    let refused = 0;
    let unanswered = 0;
    let cellsChecked = 0;
  let gatewayStored = 0;
    for (const writer of writers) {
      const firsts = writer.sent.filter((s) => s.kind === "save");
      const answered = new Set(writer.sent.map((s) => s.key));
      const pending: SentSave[] = writer.pending && !answered.has(writer.pending.key) && writer.pending.kind !== "retry" ? [writer.pending] : [];
      unanswered += pending.length;
      for (const save of writer.sent) {
        const isStored = stored.has(save.key);
        if (gateway(save.status)) {
          if (isStored) gatewayStored++;
          if (isStored && save.kind !== "retry" && save.kind !== "save") problem(`refused save ${save.key} was stored`);
        } else if (save.kind === "save" || save.kind === "retry") {
          if (save.status !== 200) problem(`user ${writer.sim.index}: ${save.kind} ${save.key} answered ${save.status}`);
          else if (save.kind === "save") acknowledged++;
          else retriesAnswered++;
          if (save.status === 200 && !isStored) problem(`acknowledged save ${save.key} is not stored`);
          if (save.status === 200 && isStored && stored.get(save.key) !== save.written) problem(`save ${save.key}: answered written=${save.written}, stored ${stored.get(save.key)}`);
        } else {
          refused++;
          const expected = save.kind === "refuse-scope" ? 403 : 400;
          if (save.status !== expected) problem(`refused save ${save.key} (${save.kind}) answered ${save.status}, expected ${expected}`);
          if (isStored) problem(`refused save ${save.key} was stored`);
        }
      }
      // each cell: one audit event per stored save, chained old → new, the last equal to the figure
      const storedSaves = [...firsts.filter((s) => s.status === 200 || (gateway(s.status) && stored.has(s.key))), ...pending.filter((s) => stored.has(s.key))];
      for (const commune of writer.sim.communes) {
        for (const metric of ["dossiers", "accounts", "activated", "cccd"]) {
          const cell = `${commune}:${metric}`;
          cellsChecked++;
          const events = audits.filter((a) => a.entity_key === `${cell}:${day}`);
          if (events.some((e) => e.user_id !== writer.sim.userId)) problem(`${cell}: changed by someone else`);
          if (events.length !== storedSaves.length) problem(`${cell}: ${events.length} audit events for ${storedSaves.length} stored saves`);
          events.forEach((event, i) => {
            if (i > 0 && event.old_daily !== events[i - 1].new_daily) problem(`${cell}: audit event ${i} starts from ${event.old_daily}, the previous ended at ${events[i - 1].new_daily}`);
            if (event.new_daily >= POISON) problem(`${cell}: a refused value reached the audit log`);
          });
          const last = storedSaves.at(-1);
          const value = figureValue.get(cell);
          if (last && value !== last.values[cell]) problem(`${cell}: stored ${value}, the last acknowledged save sent ${last.values[cell]}`);
          if (events.length && value !== events.at(-1)!.new_daily) problem(`${cell}: figure ${value} but the last audit event says ${events.at(-1)!.new_daily}`);
          if (value !== undefined && value >= POISON) problem(`${cell}: a refused value was stored`);
        }
      }
    }
    const { rows: foreign } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM figure WHERE value >= $1`, [POISON]);
    if (Number(foreign[0].n) > 0) problem(`${foreign[0].n} figures hold values only refused saves sent`);

    // the running totals kept on every write equal a rebuild from the figures
    const totals = `SELECT unit_id, metric_id, date::text AS date, daily::text AS daily, cumulative::text AS cumulative FROM daily_total ORDER BY 1, 2, 3`;
    await db
      .$transaction(async (tx) => {
        const kept = JSON.stringify(await tx.$queryRawUnsafe<unknown[]>(totals));
        await rebuildTotals(tx);
        if (JSON.stringify(await tx.$queryRawUnsafe<unknown[]>(totals)) !== kept) problem("daily_total differs from a rebuild from the figures");
        throw new RollBack();
      }, { timeout: 600_000 })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
    return { acknowledged, retriesAnswered, refused, unanswered, cellsChecked, auditEvents: audits.length, gatewayStored, problems };
  } finally {
    await client.end();
  }
}

class RollBack extends Error {}
