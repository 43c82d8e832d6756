"use client";
import { useEffect, useState } from "react";
import { formatNumber, type Locale } from "@/lib/domain/format";
import { formatDuration, progressPercent, type ImportPhase } from "@/lib/domain/import-progress";
import type { ImportProgressDTO } from "@/lib/data/import-progress-registry";
import { fill } from "@/lib/i18n/fill";

/** The bar's words (catalogue `entry.import.progress`), in the page's language. */
export interface ImportProgressText {
  phase: Record<ImportPhase, string>;
  label: string;
  rows: string;
  rate: string;
  left: string;
  estimating: string;
}

export const POLL_EVERY_MS = 500;

/**
 * While an upload's server action runs: asks GET /api/import-progress for its progress id
 * every half second and shows the phase, a bar, the rows, rows per second and time left.
 * Until the import reports (the upload itself, the file being read in) the bar has no value.
 * Screen readers hear the phase and every tenth of it, not every poll.
 */
export function ImportProgressBar({ progressId, uploading, text, locale }: { progressId: string; uploading: string; text: ImportProgressText; locale: Locale }) {
  const [progress, setProgress] = useState<ImportProgressDTO | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/api/import-progress?id=${encodeURIComponent(progressId)}`, { signal: controller.signal, cache: "no-store" });
        // 404: not registered yet (the file is still on its way) or the import is over
        if (response.ok) {
          const body = (await response.json()) as ImportProgressDTO;
          if (!controller.signal.aborted) setProgress(body);
        }
      } catch {
        // stopped, or one poll lost: the next one asks again
      }
      if (!controller.signal.aborted) timer = setTimeout(poll, POLL_EVERY_MS);
    };
    timer = setTimeout(poll, POLL_EVERY_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [progressId]);

  const phase = progress?.phase ?? null;
  const percent = progressPercent(progress?.fraction ?? 0);
  const label = phase === null ? uploading : fill(text.label, { phase: text.phase[phase], percent });
  const announced = phase === null ? uploading : fill(text.label, { phase: text.phase[phase], percent: Math.floor(percent / 10) * 10 });
  const details = progress === null || phase === null ? "" : [
    fill(text.rows, { rows: formatNumber(progress.rows, locale) }),
    ...(progress.rowsPerSecond === null ? [] : [fill(text.rate, { rate: formatNumber(progress.rowsPerSecond, locale) })]),
    progress.secondsLeft === null ? text.estimating : fill(text.left, { time: formatDuration(progress.secondsLeft) }),
  ].join(" · ");
  // one shape throughout, so that the live region stays the same element and is heard
  return (
    <div>
      <label className="flex flex-col gap-1">
        {label}
        {progress === null || phase === null ? <progress className="w-full" /> : <progress className="w-full" value={progress.fraction} max={1} />}
      </label>
      <p className="min-h-4 text-xs text-slate-600">{details}</p>
      <p className="sr-only" aria-live="polite">{announced}</p>
    </div>
  );
}
