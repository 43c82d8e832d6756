// An import's progress as the engine reports it, and what people are shown of it: rows per
// second and time left, estimated from the reports as they come, and the terminal's one-line
// bar. Pure: callers pass the clock's readings (milliseconds) and the words in their language.
import { formatNumber, type Locale } from "./format";

/** What an import reports as it goes; the engine calls onProgress with it, at most a few times a second. */
export interface ImportProgress {
  phase: "reading" | "checking" | "writing";
  /** rows read so far (reading) or rows the phase has covered so far */
  rows: number;
  /** the phase's share done, from 0 to 1 */
  fraction: number;
}
export type OnImportProgress = (progress: ImportProgress) => void;

export type ImportPhase = ImportProgress["phase"];
export const IMPORT_PHASES: readonly ImportPhase[] = ["reading", "checking", "writing"];

/** One report and when it arrived (ms, any clock that only moves forward). */
export interface ProgressSample {
  at: number;
  progress: ImportProgress;
}

/**
 * The running estimate of the current phase: its first and latest report and the smoothed
 * rates. Constant size, however long the import: fold reports in with `addSample`.
 */
export interface ProgressTrack {
  phase: ImportPhase;
  startedAt: number;
  startRows: number;
  startFraction: number;
  at: number;
  rows: number;
  fraction: number;
  /** smoothed rows per second; null until the phase has run MIN_ELAPSED_MS */
  rowsPerSecond: number | null;
  /** smoothed share of the phase per second; null likewise */
  fractionPerSecond: number | null;
}

/** What is shown at a given moment: the latest report with its rate and time left. */
export interface ProgressSnapshot extends ImportProgress {
  /** whole rows per second, null while unknown */
  rowsPerSecond: number | null;
  /** whole seconds until the phase ends, null while unknown */
  secondsLeft: number | null;
}

/** Below this a rate is mostly noise (the first reports of a phase come in a burst). */
export const MIN_ELAPSED_MS = 1_000;
/**
 * The smoothing's time constant: a report weighs 1 − e^(−Δt/τ), so the rate follows a
 * change of pace within a few seconds without jumping at every uneven report.
 */
export const SMOOTHING_MS = 3_000;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function startTrack({ at, progress }: ProgressSample): ProgressTrack {
  const fraction = clamp01(progress.fraction);
  return { phase: progress.phase, startedAt: at, startRows: progress.rows, startFraction: fraction, at, rows: progress.rows, fraction, rowsPerSecond: null, fractionPerSecond: null };
}

/** A rate (per second) smoothed towards the latest interval's; never negative. */
function smooth(previous: number, delta: number, dt: number): number {
  const latest = Math.max(0, (delta / dt) * 1000);
  return previous + (1 - Math.exp(-dt / SMOOTHING_MS)) * (latest - previous);
}

/**
 * The estimate after one more report. A new phase starts afresh (its pace is its own); a
 * report no later than the previous one updates the counts but not the rates.
 */
export function addSample(track: ProgressTrack | null, sample: ProgressSample): ProgressTrack {
  if (track === null || sample.progress.phase !== track.phase) return startTrack(sample);
  const rows = sample.progress.rows;
  const fraction = clamp01(sample.progress.fraction);
  const dt = sample.at - track.at;
  if (dt <= 0) return { ...track, rows, fraction };
  const next = { ...track, at: sample.at, rows, fraction };
  if (track.rowsPerSecond === null || track.fractionPerSecond === null) {
    const elapsed = sample.at - track.startedAt;
    if (elapsed < MIN_ELAPSED_MS) return next;
    // the phase's average so far is the first estimate; smoothing takes over from there
    return { ...next, rowsPerSecond: Math.max(0, ((rows - track.startRows) / elapsed) * 1000), fractionPerSecond: Math.max(0, ((fraction - track.startFraction) / elapsed) * 1000) };
  }
  return { ...next, rowsPerSecond: smooth(track.rowsPerSecond, rows - track.rows, dt), fractionPerSecond: smooth(track.fractionPerSecond, fraction - track.fraction, dt) };
}

/** The estimate of a series of reports, oldest first (null for none). */
export function trackOf(samples: readonly ProgressSample[]): ProgressTrack | null {
  return samples.reduce<ProgressTrack | null>(addSample, null);
}

/**
 * Seconds until the phase ends at the smoothed pace, counted from `now` (the time since the
 * latest report is taken off); 0 once done; null while the pace is unknown or nil.
 */
export function secondsLeft(track: ProgressTrack, now: number = track.at): number | null {
  if (track.fraction >= 1) return 0;
  if (track.fractionPerSecond === null || track.fractionPerSecond <= 0) return null;
  const left = (1 - track.fraction) / track.fractionPerSecond - Math.max(0, now - track.at) / 1000;
  // rounded up, but not for the float dust of an exact division (2.0000000001 s is 2 s)
  return Math.max(0, Math.ceil(left - 1e-6));
}

/** What to show at `now`. */
export function snapshotOf(track: ProgressTrack, now: number = track.at): ProgressSnapshot {
  return {
    phase: track.phase,
    rows: track.rows,
    fraction: track.fraction,
    rowsPerSecond: track.rowsPerSecond === null ? null : Math.round(track.rowsPerSecond),
    secondsLeft: secondsLeft(track, now),
  };
}

/** Whole percent done, rounded down: 100 only when the phase is done. */
export function progressPercent(fraction: number): number {
  return Math.floor(clamp01(fraction) * 100 + 1e-9);
}

const LONGEST_SECONDS = 100 * 3600 - 1;

/** "00:12", "59:59", "1:02:03"; "--:--" while unknown; capped at 99:59:59. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "--:--";
  const total = Math.min(LONGEST_SECONDS, Math.max(0, Math.ceil(seconds)));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** `[#####.....]`, `width` marks between the brackets. */
export function progressBar(fraction: number, width: number): string {
  const filled = Math.min(width, Math.floor(clamp01(fraction) * width + 1e-9));
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}]`;
}

/** The words of a progress line, in the caller's language(s). */
export interface ProgressLineWords {
  /** the phase's name: "Kiểm tra / Checking" */
  phase: string;
  /** after the rate: "dòng/s (rows/s)" */
  perSecond: string;
  /** before the time left: "còn/left" */
  left: string;
}

export interface ProgressLineOptions {
  locale: Locale;
  /** the terminal's width: the line stays shorter, so that `\r` can redraw it */
  columns?: number;
  /** with the bar (a terminal) or without (a log line) */
  bar?: boolean;
}

const BAR_MAX = 30;
const BAR_MIN = 5;
const GAP = "  ";

/**
 * One line: `Kiểm tra / Checking  [#####.....]  52%  21.340 dòng/s (rows/s)  còn/left 00:12`.
 * The bar takes what the terminal leaves (up to 30 marks) and is dropped on a narrow one;
 * the line is cut to fit as a last resort.
 */
export function formatProgressLine(snapshot: ProgressSnapshot, words: ProgressLineWords, { locale, columns = 80, bar = true }: ProgressLineOptions): string {
  const percent = `${progressPercent(snapshot.fraction)}%`.padStart(4);
  const rate = `${snapshot.rowsPerSecond === null ? "—" : formatNumber(snapshot.rowsPerSecond, locale)} ${words.perSecond}`;
  const left = `${words.left} ${formatDuration(snapshot.secondsLeft)}`;
  const rest = [percent, rate, left];
  const room = columns - 1;
  const withoutBar = [words.phase, ...rest].join(GAP);
  const barWidth = Math.min(BAR_MAX, room - withoutBar.length - GAP.length - 2);
  const line = bar && barWidth >= BAR_MIN ? [words.phase, progressBar(snapshot.fraction, barWidth), ...rest].join(GAP) : withoutBar;
  return Number.isFinite(room) && line.length > room ? line.slice(0, Math.max(0, room)) : line;
}

/**
 * A version 4 UUID from 16 random bytes, as crypto.randomUUID makes one: the page's progress
 * id where that is missing (it needs HTTPS; a plain-http intranet still has getRandomValues).
 */
export function uuidFromBytes(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new RangeError("16 bytes");
  const b = Uint8Array.from(bytes);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
