"use client";
import { useState, useTransition } from "react";
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE_MESSAGE } from "@/lib/validation/import-file";
import { importDailyAction, type ImportActionResult } from "./actions";

/** Uploads the file for a preview that lists every error, then writes all or nothing. */
export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [answer, setAnswer] = useState<ImportActionResult | null>(null);
  const [previewed, setPreviewed] = useState(false);
  const [confirmSpikes, setConfirmSpikes] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();

  function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0] ?? null;
    const tooLarge = chosen !== null && chosen.size > IMPORT_MAX_BYTES;
    setFile(tooLarge ? null : chosen);
    setAnswer(tooLarge ? { ok: false, message: IMPORT_TOO_LARGE_MESSAGE, fieldErrors: {} } : null);
    setPreviewed(false);
  }

  function run(dryRun: boolean) {
    if (file === null) return;
    const form = new FormData();
    form.set("file", file);
    form.set("dryRun", dryRun ? "1" : "0");
    form.set("confirmSpikes", confirmSpikes ? "1" : "0");
    form.set("reason", reason);
    startTransition(async () => {
      try {
        const result = await importDailyAction(form);
        setAnswer(result);
        setPreviewed(dryRun && result.ok && result.result.ok);
      } catch {
        setAnswer({ ok: false, message: "Mất kết nối hoặc tệp quá lớn. Vui lòng thử lại.", fieldErrors: {} });
      }
    });
  }

  const result = answer?.ok ? answer.result : null;
  const notShown = answer?.ok ? answer.errorsNotShown : 0;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">Tệp CSV (UTF-8) hoặc Excel (.xlsx)
        <input type="file" accept=".csv,text/csv,.xlsx" onChange={onFile} />
      </label>
      {pending && <label className="flex flex-col gap-1">Đang tải lên và kiểm tra {file?.name}…<progress className="w-full" /></label>}
      <label className="flex flex-col gap-1">Lý do cho các số sửa lại (nếu có)
        <input value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={confirmSpikes} onChange={(e) => setConfirmSpikes(e.target.checked)} />
        Tôi xác nhận các số tăng đột biến là đúng
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={file === null || pending} onClick={() => run(true)} className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-60">Kiểm tra trước</button>
        <button type="button" disabled={!previewed || pending} onClick={() => run(false)} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">Ghi dữ liệu</button>
      </div>
      <div role="status" aria-live="polite">
        {answer && !answer.ok && <p className="text-red-700">{answer.message} {Object.values(answer.fieldErrors).flat().join(" ")}</p>}
        {result?.ok && result.dryRun && <p className="text-emerald-800">{result.rows} dòng hợp lệ. Chưa ghi gì; bấm “Ghi dữ liệu” để ghi.</p>}
        {result?.ok && !result.dryRun && <p className="text-emerald-800">Đã ghi {result.rows} dòng ({result.written} số thay đổi).</p>}
        {result && !result.ok && (
          <div>
            <p className="font-semibold text-red-700">{result.errors.length + notShown} lỗi; không dòng nào được ghi.</p>
            <ul className="mt-1 list-disc pl-5">{result.errors.map((e, i) => <li key={i}>Dòng {e.line}: {e.message}</li>)}</ul>
            {notShown > 0 && <p className="mt-1 text-red-700">… và {notShown} lỗi khác. Sửa các lỗi trên rồi kiểm tra lại.</p>}
          </div>
        )}
      </div>
    </div>
  );
}
