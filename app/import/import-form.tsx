"use client";
import { useState, useTransition } from "react";
import { importDailyAction, type ImportActionResult } from "./actions";

/** Reads the file in the browser (with a progress bar), previews, then writes all or nothing. */
export function ImportForm() {
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState("");
  const [progress, setProgress] = useState(0);
  const [answer, setAnswer] = useState<ImportActionResult | null>(null);
  const [previewed, setPreviewed] = useState(false);
  const [confirmSpikes, setConfirmSpikes] = useState(false);
  const [reason, setReason] = useState("");
  const [pending, startTransition] = useTransition();

  function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setText(null); setAnswer(null); setPreviewed(false); setProgress(0);
    if (!file) return;
    setFileName(file.name);
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 100));
    reader.onload = () => { setText(String(reader.result)); setProgress(100); };
    reader.readAsText(file, "utf-8");
  }

  function run(dryRun: boolean) {
    if (text === null) return;
    startTransition(async () => {
      try {
        const result = await importDailyAction({ text, dryRun, confirmSpikes, reason });
        setAnswer(result);
        setPreviewed(dryRun && result.ok && result.result.ok);
      } catch {
        setAnswer({ ok: false, message: "Mất kết nối. Vui lòng thử lại.", fieldErrors: {} });
      }
    });
  }

  const result = answer?.ok ? answer.result : null;
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <label className="flex flex-col gap-1">Tệp CSV (UTF-8)
        <input type="file" accept=".csv,text/csv" onChange={onFile} />
      </label>
      {fileName && <label className="flex flex-col gap-1">Đọc tệp {fileName}<progress max={100} value={progress} className="w-full">{progress}%</progress></label>}
      {pending && <progress aria-label="Đang xử lý" className="w-full" />}
      <label className="flex flex-col gap-1">Lý do cho các số sửa lại (nếu có)
        <input value={reason} onChange={(e) => setReason(e.target.value)} className="rounded border border-slate-300 px-2 py-1" />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={confirmSpikes} onChange={(e) => setConfirmSpikes(e.target.checked)} />
        Tôi xác nhận các số tăng đột biến là đúng
      </label>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={text === null || pending} onClick={() => run(true)} className="rounded border border-slate-300 px-3 py-1.5 disabled:opacity-60">Kiểm tra trước</button>
        <button type="button" disabled={!previewed || pending} onClick={() => run(false)} className="rounded bg-brand-700 px-3 py-1.5 font-semibold text-white disabled:opacity-60">Ghi dữ liệu</button>
      </div>
      <div role="status" aria-live="polite">
        {answer && !answer.ok && <p className="text-red-700">{answer.message}</p>}
        {result?.ok && result.dryRun && <p className="text-emerald-800">{result.rows} dòng hợp lệ. Chưa ghi gì; bấm “Ghi dữ liệu” để ghi.</p>}
        {result?.ok && !result.dryRun && <p className="text-emerald-800">Đã ghi {result.rows} dòng ({result.written} số thay đổi).</p>}
        {result && !result.ok && (
          <div>
            <p className="font-semibold text-red-700">{result.errors.length} lỗi; không dòng nào được ghi.</p>
            <ul className="mt-1 list-disc pl-5">{result.errors.map((e, i) => <li key={i}>Dòng {e.line}: {e.message}</li>)}</ul>
          </div>
        )}
      </div>
    </div>
  );
}
