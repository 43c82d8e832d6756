import { describe, expect, it } from "vitest";
import { importProgressIdSchema } from "@/lib/validation/import-progress";
import {
  addSample, formatDuration, formatProgressLine, MIN_ELAPSED_MS, progressBar, progressPercent, secondsLeft, snapshotOf, trackOf, uuidFromBytes,
  type ImportProgress, type ProgressSample, type ProgressSnapshot,
} from "@/lib/domain/import-progress";

const at = (ms: number, phase: ImportProgress["phase"], rows: number, fraction: number): ProgressSample => ({ at: ms, progress: { phase, rows, fraction } });

/** A phase at a steady pace: `rowsPerSecond` rows of `total`, a report every `every` ms. */
function steady(rowsPerSecond: number, total: number, every: number, until: number, phase: ImportProgress["phase"] = "checking"): ProgressSample[] {
  const samples: ProgressSample[] = [];
  for (let t = 0; t <= until; t += every) {
    const rows = Math.min(total, (rowsPerSecond * t) / 1000);
    samples.push(at(t, phase, rows, rows / total));
  }
  return samples;
}

describe("rows per second and time left", () => {
  it.each([
    { label: "no report", samples: [], rate: undefined, left: undefined },
    { label: "one report", samples: [at(0, "checking", 0, 0)], rate: null, left: null },
    { label: "under a second of the phase", samples: [at(0, "checking", 0, 0), at(MIN_ELAPSED_MS - 1, "checking", 900, 0.1)], rate: null, left: null },
    { label: "a second at 1.000 rows/s of 10.000", samples: [at(0, "checking", 0, 0), at(1_000, "checking", 1_000, 0.1)], rate: 1_000, left: 9 },
    { label: "steady 20.000 rows/s, 100.000 rows, after 2 s", samples: steady(20_000, 100_000, 200, 2_000), rate: 20_000, left: 3 },
    { label: "steady 500 rows/s, reports every 300 ms", samples: steady(500, 10_000, 300, 6_000), rate: 500, left: 14 },
    { label: "done", samples: [at(0, "writing", 0, 0), at(2_000, "writing", 4_000, 1)], rate: 2_000, left: 0 },
    { label: "stalled from the start", samples: [at(0, "checking", 0, 0), at(1_500, "checking", 0, 0)], rate: 0, left: null },
    { label: "a new phase starts afresh", samples: [...steady(20_000, 100_000, 200, 2_000), at(2_100, "writing", 10, 0.001)], rate: null, left: null },
    { label: "a fraction above 1 counts as done", samples: [at(0, "reading", 0, 0), at(1_000, "reading", 10, 1.5)], rate: 10, left: 0 },
  ])("$label: $rate rows/s, $left s left", ({ samples, rate, left }) => {
    const track = trackOf(samples);
    if (rate === undefined) {
      expect(track).toBeNull();
      return;
    }
    const snapshot = snapshotOf(track!);
    expect(snapshot.rowsPerSecond).toBe(rate);
    expect(snapshot.secondsLeft).toBe(left);
  });

  it("follows a change of pace within a few seconds, smoothly", () => {
    let track = trackOf(steady(10_000, 1_000_000, 250, 5_000))!;
    expect(track.rowsPerSecond).toBeCloseTo(10_000, 6);
    const rates: number[] = [];
    for (let t = 5_250; t <= 20_000; t += 250) {
      track = addSample(track, at(t, "checking", 50_000 + (t - 5_000) * 20, (50_000 + (t - 5_000) * 20) / 1_000_000));
      rates.push(track.rowsPerSecond!);
    }
    // it rises towards the new pace without overshooting, and is there after a few time constants
    expect(rates.every((r, i) => i === 0 || r >= rates[i - 1])).toBe(true);
    expect(rates[0]).toBeLessThan(12_000);
    expect(rates.at(-1)).toBeGreaterThan(19_900);
    expect(rates.at(-1)).toBeLessThanOrEqual(20_000);
  });

  it("is not thrown by one late, bunched report", () => {
    const track = trackOf([...steady(10_000, 1_000_000, 200, 4_000), at(4_600, "checking", 46_000, 0.046), at(4_610, "checking", 46_100, 0.0461)])!;
    expect(track.rowsPerSecond).toBeGreaterThan(9_000);
    expect(track.rowsPerSecond).toBeLessThan(11_000);
  });

  it("keeps counting down between reports, never below zero", () => {
    const track = trackOf([at(0, "checking", 0, 0), at(1_000, "checking", 1_000, 0.1)])!;
    expect(secondsLeft(track, 1_000)).toBe(9);
    expect(secondsLeft(track, 4_000)).toBe(6);
    expect(secondsLeft(track, 60_000)).toBe(0);
  });

  it("takes a report arriving no later than the previous one as counts only", () => {
    const track = addSample(trackOf([at(0, "checking", 0, 0), at(1_000, "checking", 1_000, 0.1)]), at(1_000, "checking", 1_200, 0.12));
    expect(track).toMatchObject({ rows: 1_200, fraction: 0.12, rowsPerSecond: 1_000 });
  });
});

describe("percent, duration and bar", () => {
  it.each([
    { fraction: 0, percent: 0 }, { fraction: 0.29, percent: 29 }, { fraction: 0.5249, percent: 52 }, { fraction: 0.999, percent: 99 },
    { fraction: 1, percent: 100 }, { fraction: -0.2, percent: 0 }, { fraction: 7, percent: 100 }, { fraction: Number.NaN, percent: 0 },
  ])("$fraction → $percent%", ({ fraction, percent }) => {
    expect(progressPercent(fraction)).toBe(percent);
  });

  it.each([
    { seconds: null, text: "--:--" }, { seconds: 0, text: "00:00" }, { seconds: 12, text: "00:12" }, { seconds: 11.2, text: "00:12" },
    { seconds: 59 * 60 + 59, text: "59:59" }, { seconds: 3600, text: "1:00:00" }, { seconds: 3723, text: "1:02:03" },
    { seconds: 1e9, text: "99:59:59" }, { seconds: Number.POSITIVE_INFINITY, text: "--:--" }, { seconds: -5, text: "00:00" },
  ])("$seconds s → $text", ({ seconds, text }) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it.each([
    { fraction: 0, width: 10, bar: "[..........]" }, { fraction: 0.52, width: 10, bar: "[#####.....]" },
    { fraction: 1, width: 10, bar: "[##########]" }, { fraction: 0.3, width: 10, bar: "[###.......]" }, { fraction: 2, width: 4, bar: "[####]" },
  ])("$fraction over $width → $bar", ({ fraction, width, bar }) => {
    expect(progressBar(fraction, width)).toBe(bar);
  });
});

describe("the terminal's progress line", () => {
  const words = { phase: "Kiểm tra / Checking", perSecond: "dòng/s (rows/s)", left: "còn/left" };
  const snapshot: ProgressSnapshot = { phase: "checking", rows: 52_000, fraction: 0.52, rowsPerSecond: 21_340, secondsLeft: 12 };

  it.each([
    { label: "80 columns, Vietnamese numbers", options: { locale: "vi" as const, columns: 80 }, line: "Kiểm tra / Checking  [#####.....]   52%  21.340 dòng/s (rows/s)  còn/left 00:12" },
    { label: "English numbers", options: { locale: "en" as const, columns: 80 }, line: "Kiểm tra / Checking  [#####.....]   52%  21,340 dòng/s (rows/s)  còn/left 00:12" },
    { label: "a wide terminal: the bar stops at 30", options: { locale: "vi" as const, columns: 200 }, line: "Kiểm tra / Checking  [###############...............]   52%  21.340 dòng/s (rows/s)  còn/left 00:12" },
    { label: "too narrow for a bar", options: { locale: "vi" as const, columns: 70 }, line: "Kiểm tra / Checking   52%  21.340 dòng/s (rows/s)  còn/left 00:12" },
    { label: "narrower still: cut", options: { locale: "vi" as const, columns: 30 }, line: "Kiểm tra / Checking   52%  21" },
    { label: "a log line: no bar", options: { locale: "vi" as const, columns: Number.POSITIVE_INFINITY, bar: false }, line: "Kiểm tra / Checking   52%  21.340 dòng/s (rows/s)  còn/left 00:12" },
  ])("$label", ({ options, line }) => {
    const text = formatProgressLine(snapshot, words, options);
    expect(text).toBe(line);
    if (Number.isFinite(options.columns)) expect(text.length).toBeLessThan(options.columns);
  });

  it("says so while the pace is unknown", () => {
    expect(formatProgressLine({ ...snapshot, fraction: 0, rowsPerSecond: null, secondsLeft: null }, words, { locale: "vi", bar: false }))
      .toBe("Kiểm tra / Checking    0%  — dòng/s (rows/s)  còn/left --:--");
  });
});

describe("the page's progress id without crypto.randomUUID", () => {
  it.each([
    { label: "zeros", bytes: new Uint8Array(16), id: "00000000-0000-4000-8000-000000000000" },
    { label: "ones", bytes: new Uint8Array(16).fill(255), id: "ffffffff-ffff-4fff-bfff-ffffffffffff" },
    { label: "counting", bytes: Uint8Array.from({ length: 16 }, (_, i) => i * 17), id: "00112233-4455-4677-8899-aabbccddeeff" },
  ])("$label → $id, an id the server takes", ({ bytes, id }) => {
    expect(uuidFromBytes(bytes)).toBe(id);
    expect(importProgressIdSchema.safeParse(id).success).toBe(true);
  });

  it("takes exactly 16 bytes", () => {
    expect(() => uuidFromBytes(new Uint8Array(15))).toThrow(RangeError);
  });
});
