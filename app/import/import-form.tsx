"use client";
import { useState, useTransition } from "react";
import { formatNumber, type Locale } from "@/lib/domain/format";
import { uuidFromBytes } from "@/lib/domain/import-progress";
import { fill } from "@/lib/i18n/fill";
import { IMPORT_MAX_BYTES } from "@/lib/validation/import-limits";
import { importDailyAction, type ImportActionResult } from "./actions";
import { ImportProgressBar, type ImportProgressText } from "./import-progress-bar";
import { TableMappingForm, type TableMappingText } from "./table-mapping-form";
import type { TableAnalysisDTO } from "@/lib/data/import-table";
import type { TableMapping } from "@/lib/validation/table-mapping";
import { FileInput } from "@/components/forms/date-input";

/** The form's words (catalogue `entry.import.form` and the size refusal), in the page's language. */
export type ImportFormText = Record<"file" | "uploading" | "reason" | "confirmSpikes" | "check" | "write" | "valid" | "written" | "errors" | "line" | "more" | "byReason" | "reasonLine" | "connectionLost" | "tooLarge"
  | "validWide" | "writtenWide" | "remembered", string>;

/** A fresh id for following one upload's progress; plain-http intranets have no crypto.randomUUID. */
const newProgressId = () => globalThis.crypto.randomUUID?.() ?? uuidFromBytes(globalThis.crypto.getRandomValues(new Uint8Array(16)));

/** Uploads the file for a preview that lists every error, then writes all or nothing. */
export function ImportForm({ text, progressText, mappingText, defaultDay, locale }: { text: ImportFormText; progressText: ImportProgressText; mappingText: TableMappingText; defaultDay: string; locale: Locale }) {
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportActionResult | null>(null);
  const [previewed, setPreviewed] = useState(false);
  const [confirmSpikes, setConfirmSpikes] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();
  const [progressId, setProgressId] = useState<string | null>(null);
  // an unknown table: what the server read of it, and the reading the user is choosing
  const [analysis, setAnalysis] = useState<TableAnalysisDTO | null>(null);
  const [mapping, setMapping] = useState<TableMapping | null>(null);
  const [remember, setRemember] = useState(true);
  const [day, setDay] = useState(defaultDay);

  function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    const tooLarge = chosen !== null && chosen.size > IMPORT_MAX_BYTES;
    setFile(tooLarge ? null : chosen);
    setAnswer(tooLarge ? { ok: false, message: text.tooLarge, fieldErrors: {} } : null);
    setPreviewed(false);
    setAnalysis(null);
    setMapping(null);
  }

  function changeMapping(next: TableMapping) {
    setMapping(next);
    setPreviewed(false);
  }

  function run(dryRun: boolean) {
    if (file === null) return;
    const form = new FormData();
    form.set("file", file);
    form.set("dryRun", dryRun ? "1" : "0");
    form.set("confirmSpikes", confirmSpikes ? "1" : "0");
    form.set("reason", reason);
    if (mapping) {
      form.set("mapping", JSON.stringify(mapping));
      form.set("remember", remember ? "1" : "0");
      form.set("day", day);
    }
    const id = newProgressId();
    form.set("progressId", id);
    setProgressId(id);
    // the last answer (a preview's "valid") is not this run's: the bar replaces it until the new one
    setAnswer(null);
    startTransition(async () => {
      try {
        const result = await importDailyAction(form);
        setAnswer(result);
        if (result.ok && "analysis" in result) {
          setAnalysis(result.analysis);
          setMapping({ ...result.analysis.suggested, skip: [], names: {} });
        }
        setPreviewed(dryRun && result.ok && "result" in result && result.result.ok);
      } catch {
        setAnswer({ ok: false, message: text.connectionLost, fieldErrors: {} });
      }
    });
  }

  const read = answer?.ok && "result" in answer ? answer : null;
  const result = read?.result ?? null;
  const n = (value: number) => formatNumber(value, locale);
  const notShown = read?.errorsNotShown ?? 0;
  const wide = read !== null && read.layout !== "long";
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">{text.file}
        <FileInput accept=".csv,text/csv,.xlsx" onChange={onFile} />
      </label>
      {pending && progressId && <ImportProgressBar key={progressId} progressId={progressId} uploading={fill(text.uploading, { name: file?.name ?? "" })} text={progressText} locale={locale} />}
      <label className="flex flex-col gap-1">{text.reason}
        <input value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={confirmSpikes} onChange={(e) => setConfirmSpikes(e.target.checked)} />
        {text.confirmSpikes}
      </label>
      {analysis && mapping && (
        <TableMappingForm analysis={analysis} mapping={mapping} onChange={changeMapping} remember={remember} onRemember={setRemember} day={day} onDay={setDay} text={mappingText} />
      )}
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={file === null || pending} onClick={() => run(true)} className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-60">{text.check}</button>
        <button type="button" disabled={!previewed || pending} onClick={() => run(false)} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">{text.write}</button>
      </div>
      <div role="status" aria-live="polite">
        {answer && !answer.ok && <p className="text-red-700">{answer.message} {Object.values(answer.fieldErrors).flat().join(" ")}</p>}
        {answer?.ok && "analysis" in answer && <p>{mappingText.intro}</p>}
        {read?.remembered && <p>{text.remembered}</p>}
        {result?.ok && result.dryRun && <p className="text-emerald-800">{fill(wide ? text.validWide : text.valid, { rows: n(result.rows), units: n(read?.units ?? 0) })}</p>}
        {result?.ok && !result.dryRun && <p className="text-emerald-800">{fill(wide ? text.writtenWide : text.written, { rows: n(result.rows), written: n(result.written), units: n(read?.units ?? 0) })}</p>}
        {result && !result.ok && (
          <div>
            <p className="font-semibold text-red-700">{fill(text.errors, { count: n(result.errors.length + notShown) })}</p>
            {result.reasons.length > 1 && (
              <div className="mt-1">
                <p>{text.byReason}</p>
                <ul className="list-disc pl-5">{result.reasons.map((r) => <li key={r.reason}>{fill(text.reasonLine, { count: n(r.count), reason: r.reason })}</li>)}</ul>
              </div>
            )}
            <ul className="mt-1 list-disc pl-5">{result.errors.map((e, i) => <li key={i}>{e.cell ? e.message : fill(text.line, { line: e.line, message: e.message })}</li>)}</ul>
            {notShown > 0 && <p className="mt-1 text-red-700">{fill(text.more, { count: n(notShown) })}</p>}
          </div>
        )}
      </div>
    </div>
  );
}
