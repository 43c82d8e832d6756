import { describe, expect, it } from "vitest";
import { cliProgress, REDRAW_EVERY_MS, type ProgressStream } from "@/lib/cli/progress";
import type { ImportProgress } from "@/lib/domain/import-progress";

/** A stand-in for process.stderr that keeps what was written, and a clock the test moves. */
function fakeTerminal(isTTY: boolean, columns = 100) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, columns, write: (text: string) => writes.push(text) };
  const time = { now: 0 };
  return { writes, stream, time, reporter: cliProgress(stream, () => time.now) };
}

/** What a terminal would show: `\r` returns to the line's start, ESC[2K erases it. */
function screen(writes: string[]): string[] {
  const lines = [""];
  for (const chunk of writes.join("").split(/(\r|\n|\x1b\[2K)/)) {
    if (chunk === "\r" || chunk === "\x1b[2K") lines[lines.length - 1] = "";
    else if (chunk === "\n") lines.push("");
    else lines[lines.length - 1] += chunk;
  }
  return lines;
}

/** Reports of one phase, `rowsPerSecond` of `total` rows, every `every` ms from `from` to `to`. */
function run(t: ReturnType<typeof fakeTerminal>, phase: ImportProgress["phase"], { from, to, every, rowsPerSecond, total }: { from: number; to: number; every: number; rowsPerSecond: number; total: number }) {
  for (let at = from; at <= to; at += every) {
    t.time.now = at;
    const rows = Math.min(total, Math.round((rowsPerSecond * (at - from)) / 1000));
    t.reporter({ phase, rows, fraction: rows / total });
  }
}

describe("the CLI's progress on a terminal", () => {
  it("redraws one line in place, at most five times a second", () => {
    const t = fakeTerminal(true);
    run(t, "checking", { from: 0, to: 2_000, every: 50, rowsPerSecond: 10_000, total: 40_000 });
    // 41 reports in 2 s: the first at once, then one redraw per 200 ms
    expect(t.writes).toHaveLength(1 + 2_000 / REDRAW_EVERY_MS);
    expect(t.writes.every((w) => w.startsWith("\r\x1b[2K") && !w.includes("\n"))).toBe(true);
    expect(screen(t.writes)).toEqual(["Kiểm tra / Checking  [###############...............]   50%  10.000 dòng/s (rows/s)  còn/left 00:02"]);
  });

  it("leaves each phase's last state on its own line, and ends the last one with done()", () => {
    const t = fakeTerminal(true, 80);
    run(t, "checking", { from: 0, to: 1_000, every: 100, rowsPerSecond: 4_000, total: 4_000 });
    t.time.now = 1_050;
    t.reporter({ phase: "checking", rows: 4_000, fraction: 1 });
    run(t, "writing", { from: 1_100, to: 2_100, every: 100, rowsPerSecond: 1_000, total: 2_000 });
    t.reporter.done();
    expect(screen(t.writes)).toEqual([
      // the last 50 ms brought no rows: the smoothed rate dips a little
      "Kiểm tra / Checking  [###########]  100%  3.934 dòng/s (rows/s)  còn/left 00:00",
      "Ghi dữ liệu / Writing  [####.....]   50%  1.000 dòng/s (rows/s)  còn/left 00:01",
      "",
    ]);
    for (const line of screen(t.writes)) expect(line.length).toBeLessThan(80);
  });

  it("shows a report held back by the throttle when the phase ends", () => {
    const t = fakeTerminal(true);
    t.reporter({ phase: "reading", rows: 0, fraction: 0 });
    t.time.now = 50;
    t.reporter({ phase: "reading", rows: 500, fraction: 0.5 });
    expect(screen(t.writes)[0]).toContain("  0%");
    t.reporter.done();
    expect(screen(t.writes)).toEqual([expect.stringContaining(" 50%  — dòng/s (rows/s)  còn/left --:--"), ""]);
  });

  it("writes nothing for an import that never reported, and done() is safe twice", () => {
    const t = fakeTerminal(true);
    t.reporter.done();
    expect(t.writes).toEqual([]);
    t.reporter({ phase: "reading", rows: 1, fraction: 0.1 });
    t.reporter.done();
    t.reporter.done();
    expect(t.writes.join("").match(/\n/g)).toHaveLength(1);
  });
});

describe("the CLI's progress into a log (not a terminal)", () => {
  it("writes plain lines: one when a phase starts, at most one every 5 s, the last state at the end", () => {
    const t = fakeTerminal(false);
    run(t, "checking", { from: 0, to: 12_000, every: 250, rowsPerSecond: 1_000, total: 20_000 });
    run(t, "writing", { from: 12_250, to: 13_250, every: 250, rowsPerSecond: 2_000, total: 2_000 });
    t.reporter.done();
    expect(t.writes.every((w) => w.endsWith("\n") && !/[\r\x1b]/.test(w) && !w.includes("#"))).toBe(true);
    expect(t.writes).toEqual([
      "Kiểm tra / Checking    0%  — dòng/s (rows/s)  còn/left --:--\n",
      "Kiểm tra / Checking   25%  1.000 dòng/s (rows/s)  còn/left 00:15\n",
      "Kiểm tra / Checking   50%  1.000 dòng/s (rows/s)  còn/left 00:10\n",
      "Ghi dữ liệu / Writing    0%  — dòng/s (rows/s)  còn/left --:--\n",
      "Ghi dữ liệu / Writing  100%  2.000 dòng/s (rows/s)  còn/left 00:00\n",
    ]);
  });

  it("writes one line per phase however often the engine reports", () => {
    const t = fakeTerminal(false);
    for (const phase of ["reading", "checking", "writing"] as const) for (let i = 0; i <= 100; i++) t.reporter({ phase, rows: i, fraction: i / 100 });
    expect(t.writes.map((w) => w.split("  ")[0])).toEqual(["Đọc tệp / Reading", "Kiểm tra / Checking", "Ghi dữ liệu / Writing"]);
    t.reporter.done();
    expect(t.writes).toHaveLength(4);
    expect(t.writes[3]).toContain("100%");
  });
});
