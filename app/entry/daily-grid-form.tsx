"use client";

import { Fragment, useEffect, useRef, useState, useTransition } from "react";
import type { DailyGridDTO } from "@/lib/data/daily-grid";
import { formatDay, formatNumber, type Locale } from "@/lib/domain/format";
import { fill } from "@/lib/i18n/fill";
import { saveDailyGridAction, type SaveGridResult } from "./actions";
import { rememberEntryMode, type EntryMode } from "./entry-mode";
import { gridRowWarnings, type GridWarning } from "@/lib/domain/grid-warnings";
import { cellsAfterWrite, loadedCells as initialCells, type CellState } from "@/lib/domain/entry-drafts";
import type { GridSubmission, QueuedSave } from "@/lib/domain/offline-queue";
import { useOfflineEntry } from "@/components/entry/use-offline-entry";
import { OfflineStatus, type OfflineText } from "@/components/entry/offline-status";

const cellKey = (unitCode: string, metric: string) => `${unitCode}.${metric}`;
/** A fresh submission key; plain-http intranets have no crypto.randomUUID. */
const newKey = () => (globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`);

const isWhole = (text: string) => /^\d+$/.test(text.trim());

/** The boxes a user types in (figures and reasons), in the order Enter walks them; not the mode's radios or the confirmation box. */
const TYPED_BOX = "input:not([disabled]):not([type=checkbox]):not([type=radio])";

/** Widths of the day's and cumulative columns: the typed one holds a box (the day's cell has
 * 0,5rem of padding on its right), the calculated one a figure. */
const TYPED_COLUMN: Record<EntryMode, string> = { daily: "w-[4.5rem] sm:w-[6.5rem]", cumulative: "w-20 sm:w-28" };
const CALCULATED_COLUMN = "w-16 sm:w-28";

/** The grid's words (catalogue `entry.grid`, in the page's language): a prop, so the page's JavaScript carries no catalogue. */
export type DailyGridText = Record<"allReported" | "oneReported" | "onlyMissing" | "warnNegative" | "warnFunnel" | "missing" | "reported" | "notReported" | "history" | "locked" | "metric" | "previous" | "daily" | "cumulative"
  | "dailyLabel" | "cumulativeLabel" | "modeLegend" | "modeDaily" | "modeCumulative" | "reasonLabel" | "reasonPlaceholder" | "useTheirs" | "keepMine" | "saved" | "confirmSpikes" | "saving" | "saveAll" | "connectionLost"
  | "queuedOffline" | "signedOutQueued" | "pendingBadge" | "unsavedBadge" | keyof OfflineText, string>;

/** `owner`: the signed-in user's id; what the grid keeps on the device is theirs alone. */
export function DailyGridForm({ initial, owner, scopeCode, page, text, locale, initialMode }: { initial: DailyGridDTO; owner: string; scopeCode?: string; page?: number; text: DailyGridText; locale: Locale; initialMode: EntryMode }) {
  const [grid, setGrid] = useState(initial);
  const [mode, setMode] = useState(initialMode);
  const [cells, setCells] = useState(() => initialCells(initial));
  const [submissionKey, setSubmissionKey] = useState(newKey);
  const [result, setResult] = useState<SaveGridResult | null>(null);
  const [confirmSpikes, setConfirmSpikes] = useState(false);
  const [pending, startTransition] = useTransition();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  /** An answer to a save of this grid, sent now or from the queue. */
  function onAnswer(save: QueuedSave, answer: SaveGridResult) {
    setResult(answer);
    if (answer.ok) {
      setGrid(answer.grid);
      setCells((current) => cellsAfterWrite(current, answer.grid, save.payload.cells));
      setConfirmSpikes(false);
      offline.keepAgain();
    }
    // answered, the key is spent: whatever is saved next is another submission
    setSubmissionKey(newKey());
  }
  const offline = useOfflineEntry({
    owner, grid: { date: initial.date, scopeCode: scopeCode ?? null, page: page ?? 1 }, initial, cells,
    onRestore: (restored, answer) => {
      setCells(restored);
      if (answer) setResult({ ok: false, ...answer });
    },
    onAnswer,
    send: (save) => saveDailyGridAction(save.payload, save.grid.scopeCode ?? undefined, save.grid.page),
  });

  // A refused save leaves focus on the (re-enabled) button or the page body: move it to the
  // first cell in error, so the user lands where the problem is.
  useEffect(() => {
    if (result && !result.ok) formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
  }, [result]);

  function chooseMode(next: EntryMode) {
    setMode(next);
    rememberEntryMode(next);
  }

  const update = (key: string, patch: Partial<CellState>) => {
    setCells((all) => ({ ...all, [key]: { ...all[key], ...patch, dirty: true } }));
    setSubmissionKey(newKey());
  };

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const payload: GridSubmission = {
      date: grid.date,
      submissionKey,
      confirmSpikes,
      cells: Object.entries(cells).filter(([, c]) => c.dirty).map(([key, c]) => {
        const [unitCode, metric] = key.split(".");
        return { unitCode, metric, value: c.typed, kind: c.kind, expectedVersion: c.expectedVersion, reason: c.reason };
      }),
    };
    startTransition(async () => {
      // the answer to this save, if one came, has been shown by onAnswer; otherwise it waits in the queue
      const end = await offline.save(payload, newKey).catch(() => "unreachable" as const);
      if (end === "unreachable") setResult({ ok: false, message: navigator.onLine ? text.connectionLost : text.queuedOffline, fieldErrors: {} });
      if (end === "signedOut") setResult({ ok: false, message: text.signedOutQueued, fieldErrors: {} });
    });
  }

  /** Enter moves to the next box, as Tab does, so a whole grid is typed without the mouse. */
  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    const target = event.target as HTMLElement;
    if (event.key !== "Enter" || !target.matches(TYPED_BOX)) return;
    event.preventDefault();
    const inputs = [...event.currentTarget.querySelectorAll<HTMLInputElement>(TYPED_BOX)];
    const next = inputs[inputs.indexOf(target as HTMLInputElement) + 1];
    (next ?? event.currentTarget.querySelector<HTMLButtonElement>("button[type=submit]"))?.focus();
  }

  const errors = result && !result.ok ? result.fieldErrors : {};
  const conflicts = result && !result.ok ? (result.conflicts ?? {}) : {};
  const missing = grid.rows.filter((r) => !r.reported);
  const waiting = new Set(offline.here.flatMap((q) => q.payload.cells.map((c) => c.unitCode)));
  const metricName = (code: string) => {
    const metric = grid.metrics.find((m) => m.code === code);
    return (locale === "en" ? metric?.nameEn : metric?.name) ?? code;
  };
  /** A warning in words: the same wording beside the cell and in the summary under the grid. */
  const warningText = (metric: string, w: GridWarning) => w.code === "negative"
    ? fill(text.warnNegative, { metric: metricName(metric), value: formatNumber(w.value, locale) })
    : fill(text.warnFunnel, { metric: metricName(metric), value: formatNumber(w.value, locale), limitMetric: metricName(w.limitMetric), limit: formatNumber(w.limit, locale) });
  const warningsByRow = new Map(grid.rows.map((row) => [row.unitCode, gridRowWarnings(row.cells.map((cell) => {
    const state = cells[cellKey(row.unitCode, cell.metric)];
    return { metric: cell.metric, previous: cell.previous, stored: cell.value, typed: state.typed, kind: state.kind, dirty: state.dirty };
  }))]));
  const warningLines = grid.rows.flatMap((row) => [...(warningsByRow.get(row.unitCode) ?? [])].flatMap(([metric, list]) =>
    list.map((w) => `${row.unitName}: ${warningText(metric, w)}`)));

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate className="space-y-4" data-offline-ready={offline.kept || undefined}>
      <OfflineStatus online={offline.online} queue={offline.queue} others={offline.others} restored={offline.restored}
        unitNames={Object.fromEntries(grid.rows.map((r) => [r.unitCode, r.unitName]))} text={text} />
      <div className="space-y-2 rounded-md border border-slate-200 bg-white p-3 text-sm">
        <p data-testid="missing">
          {missing.length === 0
            ? grid.rows.length === 1
              ? fill(text.oneReported, { name: grid.rows[0].unitName, date: formatDay(grid.date) })
              : fill(text.allReported, { total: grid.rows.length, date: formatDay(grid.date) })
            : <>
              {fill(text.missing, { missing: missing.length, total: grid.rows.length, date: formatDay(grid.date) })}{" "}
              {missing.map((r, i) => <Fragment key={r.unitCode}>{i > 0 && ", "}<a href={`#unit-${r.unitCode}`} className="text-brand-700 underline">{r.unitName}</a></Fragment>)}.
            </>}
        </p>
        {missing.length > 0 && missing.length < grid.rows.length && (
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
            {text.onlyMissing}
          </label>
        )}
      </div>
      <div role="radiogroup" aria-labelledby="entry-mode" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span id="entry-mode" className="font-semibold">{text.modeLegend}</span>
        {(["daily", "cumulative"] as const).map((choice) => (
          <label key={choice} className="flex items-center gap-1.5">
            <input type="radio" name="entry-mode" value={choice} checked={mode === choice} onChange={() => chooseMode(choice)} />
            {choice === "daily" ? text.modeDaily : text.modeCumulative}
          </label>
        ))}
      </div>
      {grid.rows.map((row) => {
        const locked = row.lock !== null && !grid.canOverrideLocks;
        const rowWarnings = warningsByRow.get(row.unitCode);
        // The filter hides reported communes, never one with a change or a refusal on screen.
        const hidden = onlyMissing && row.reported && !row.cells.some((c) => {
          const key = cellKey(row.unitCode, c.metric);
          return cells[key].dirty || (errors[key]?.length ?? 0) > 0;
        });
        return (
          <fieldset key={row.unitCode} id={`unit-${row.unitCode}`} hidden={hidden} className="scroll-mt-2 rounded-lg border border-slate-200 bg-white p-3" data-unit={row.unitCode}>
            <legend className="flex flex-wrap items-center gap-2 px-1 font-semibold">
              {row.unitName}
              <span className={`rounded px-1.5 text-xs font-normal ${row.reported ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}>
                {row.reported ? text.reported : text.notReported}
              </span>
              {waiting.has(row.unitCode)
                ? <span className="rounded bg-sky-50 px-1.5 text-xs font-normal text-sky-900" data-testid="pending-badge">{text.pendingBadge}</span>
                : row.cells.some((c) => cells[cellKey(row.unitCode, c.metric)].dirty) && <span className="rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-800">{text.unsavedBadge}</span>}
              <a href={`/entry/history?unit=${row.unitCode}&date=${grid.date}`} className="text-xs font-normal text-brand-700 underline">{text.history}</a>
            </legend>
            {row.lock && <p className="mb-2 text-sm text-slate-700">{fill(text.locked, { date: formatDay(row.lock.until), reason: row.lock.reason })}</p>}
            <table className="w-full text-sm">
              {/* Number columns of the same width in every commune, so the grid reads as one
                  table; the typed column's width is its box's (the box fills its cell). */}
              <colgroup>
                <col />
                <col className="w-14 sm:w-28" />
                <col className={mode === "daily" ? TYPED_COLUMN.daily : CALCULATED_COLUMN} />
                <col className={mode === "cumulative" ? TYPED_COLUMN.cumulative : CALCULATED_COLUMN} />
              </colgroup>
              <thead className="text-left text-xs text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-2 font-normal">{text.metric}</th>
                  <th scope="col" className="py-1 pr-2 text-right font-normal">{text.previous}</th>
                  <th scope="col" className="py-1 pr-2 text-right font-normal">{text.daily}</th>
                  <th scope="col" className="py-1 text-right font-normal">{text.cumulative}</th>
                </tr>
              </thead>
              <tbody className="tabular">
                {row.cells.map((cell) => {
                  const key = cellKey(row.unitCode, cell.metric);
                  const state = cells[key];
                  const name = metricName(cell.metric);
                  const cellWarnings = rowWarnings?.get(cell.metric) ?? [];
                  const warnId = `warn-${key}`;
                  const typedNumber = isWhole(state.typed) ? Number(state.typed) : null;
                  const daily = state.kind === "daily" ? state.typed : typedNumber === null ? "" : String(typedNumber - cell.previous);
                  const cumulative = state.kind === "cumulative" ? state.typed : typedNumber === null ? "" : String(cell.previous + typedNumber);
                  const count = state.kind === "daily" ? typedNumber : typedNumber === null ? null : typedNumber - cell.previous;
                  const conflict = conflicts[key];
                  // after a conflict the stored figure is the one someone else saved: keeping mine changes it
                  const stored = conflict ? conflict.value : cell.value;
                  const needsReason = state.dirty && ((stored !== null && count !== stored) || (count !== null && count < 0));
                  const cellErrors = errors[key] ?? [];
                  const errorId = `err-${key}`;
                  /** The box the user types in, in the column of the chosen mode. */
                  const box = (label: string, value: string) => (
                    <input inputMode="numeric" aria-label={fill(label, { metric: name, unit: row.unitName })} value={value} disabled={locked}
                      aria-invalid={cellErrors.length > 0} aria-describedby={[cellErrors.length ? errorId : "", cellWarnings.length ? warnId : ""].join(" ").trim() || undefined}
                      onChange={(e) => update(key, { typed: e.target.value, kind: mode })}
                      className={`w-full rounded border border-slate-300 px-1.5 py-1 text-right aria-invalid:border-red-600 disabled:bg-slate-100`} />
                  );
                  /** The other column: calculated from what was typed, or the typed text itself when it is not a number yet. */
                  const shown = (value: string) => (
                    <span className={`inline-block px-1.5 py-1 ${cellWarnings.length ? "rounded bg-amber-100 text-red-800 ring-1 ring-red-600" : ""}`} data-warning={cellWarnings.length > 0 || undefined}>
                      {/^-?\d+$/.test(value) ? formatNumber(Number(value), locale) : value}
                      {cellWarnings.length > 0 && <span id={warnId} className="sr-only">{cellWarnings.map((w) => warningText(cell.metric, w)).join(" ")}</span>}
                    </span>
                  );
                  return (
                    <Fragment key={cell.metric}>
                    <tr className="border-t border-slate-100 align-baseline">
                      <th scope="row" className="py-1 pr-2 text-left text-xs font-normal sm:text-sm">{name}</th>
                      <td className="py-1 pr-2 text-right">{formatNumber(cell.previous, locale)}</td>
                      <td className="py-1 pr-2 text-right">
                        {mode === "daily" ? box(text.dailyLabel, daily) : shown(daily)}
                      </td>
                      <td className="py-1 text-right">
                        {mode === "cumulative" ? box(text.cumulativeLabel, cumulative) : shown(cumulative)}
                      </td>
                    </tr>
                      {(needsReason || cellErrors.length > 0) && (
                        <tr><td colSpan={4} className="pb-2">
                          {needsReason && (
                            <input aria-label={fill(text.reasonLabel, { metric: name, unit: row.unitName })} placeholder={text.reasonPlaceholder} value={state.reason}
                              onChange={(e) => update(key, { reason: e.target.value })}
                              className="mt-1 w-full rounded border border-slate-300 px-1.5 py-1" />
                          )}
                          {cellErrors.length > 0 && <p id={errorId} className="mt-1 text-red-700">{cellErrors.join(" ")}</p>}
                          {conflict && (
                            <div className="mt-1 flex flex-wrap gap-2">
                              <button type="button" className="rounded border border-slate-300 px-2 py-0.5"
                                onClick={() => setCells((all) => ({ ...all, [key]: { typed: String(conflict.value), kind: "daily", dirty: false, reason: "", expectedVersion: conflict.version } }))}>
                                {fill(text.useTheirs, { value: formatNumber(conflict.value, locale) })}
                              </button>
                              <button type="button" className="rounded border border-slate-300 px-2 py-0.5" onClick={() => update(key, { expectedVersion: conflict.version })}>
                                {text.keepMine}
                              </button>
                            </div>
                          )}
                        </td></tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </fieldset>
        );
      })}
      <div className="sticky bottom-0 space-y-2 border-t border-slate-200 bg-slate-50 py-3">
        <div role="status" aria-live="polite" className="text-sm">
          {warningLines.length > 0 && <ul className="text-red-800" data-testid="warnings">{warningLines.map((line) => <li key={line}>⚠ {line}</li>)}</ul>}
          {result?.ok && <p className="text-emerald-800">{fill(text.saved, { count: result.written })}</p>}
          {result && !result.ok && <p className="font-semibold text-red-700">{result.message}</p>}
        </div>
        {result && !result.ok && result.needsConfirmation && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={confirmSpikes} onChange={(e) => { setConfirmSpikes(e.target.checked); setSubmissionKey(newKey()); }} />
            {text.confirmSpikes}
          </label>
        )}
        <button type="submit" disabled={pending} className="w-full rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900 focus:outline-none focus:ring-2 focus:ring-brand-600 focus:ring-offset-2 disabled:opacity-60 sm:w-auto">
          {pending ? text.saving : text.saveAll}
        </button>
      </div>
    </form>
  );
}
