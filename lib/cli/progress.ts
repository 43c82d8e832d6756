// An import's progress on the terminal, in both languages at once like the rest of the CLI's
// output (lib/cli/command.ts). On a terminal: one line redrawn in place, at most five times a
// second, left standing when its phase ends. Into a file or a pipe (a cron job's log): a plain
// line when a phase starts, at most one every 5 s and the last state at the end, since
// redrawing would fill the log.
import { addSample, formatProgressLine, snapshotOf, type ImportPhase, type OnImportProgress, type ProgressLineWords, type ProgressTrack } from "@/lib/domain/import-progress";
import { MESSAGES } from "@/lib/i18n/messages";

/** What the reporter needs of process.stderr (a fake one in the tests). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export type CliProgress = OnImportProgress & {
  /** Ends the report: the last state is shown and the line is finished. Call it once the import returns (or throws). */
  done(): void;
};

export const REDRAW_EVERY_MS = 200;
export const LOG_EVERY_MS = 5_000;

const { vi, en } = { vi: MESSAGES.vi.entry.import.progress, en: MESSAGES.en.entry.import.progress };

function wordsFor(phase: ImportPhase): ProgressLineWords {
  return {
    phase: `${vi.phase[phase]} / ${en.phase[phase]}`,
    perSecond: `${vi.cli.perSecond} (${en.cli.perSecond})`,
    left: `${vi.cli.left}/${en.cli.left}`,
  };
}

/** `ERASE_LINE` after `\r`: a shorter line leaves nothing of the longer one before it. */
const ERASE_LINE = "\x1b[2K";

/**
 * A reporter to pass as the import's `onProgress`; `done()` after the import. `clock` is for
 * the tests (milliseconds, only moving forward).
 */
export function cliProgress(stream: ProgressStream = process.stderr, clock: () => number = () => performance.now()): CliProgress {
  const tty = stream.isTTY === true;
  let track: ProgressTrack | null = null;
  /** when the current phase's line was last written; null: not yet */
  let shownAt: number | null = null;
  /** a report arrived since the line was last written */
  let unshown = false;

  const line = (now: number) => formatProgressLine(snapshotOf(track!, now), wordsFor(track!.phase), tty ? { locale: "vi", columns: stream.columns ?? 80 } : { locale: "vi", bar: false, columns: Number.POSITIVE_INFINITY });
  const show = (now: number) => {
    stream.write(tty ? `\r${ERASE_LINE}${line(now)}` : `${line(now)}\n`);
    shownAt = now;
    unshown = false;
  };
  /**
   * The phase's last state stays on screen, its line finished. In a log a new phase's first
   * line says the previous one ended; at the very end (`done`) the last state is written.
   */
  const finishPhase = (now: number, last: boolean) => {
    if (track === null || shownAt === null) return;
    if (unshown && (tty || last)) show(now);
    if (tty) stream.write("\n");
    shownAt = null;
  };

  const report = (progress: Parameters<OnImportProgress>[0]) => {
    const now = clock();
    if (track !== null && track.phase !== progress.phase) finishPhase(now, false);
    track = addSample(track, { at: now, progress });
    unshown = true;
    const wait = tty ? REDRAW_EVERY_MS : LOG_EVERY_MS;
    if (shownAt === null || now - shownAt >= wait || (tty && track.fraction >= 1)) show(now);
  };
  return Object.assign(report, { done: () => finishPhase(clock(), true) });
}
