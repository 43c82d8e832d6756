// `npm run bench`, second part (called by tests/bench/run.ts): how long a weekly report
// download takes (the model, then the file, as GET /api/v1/reports/weekly does), for Quảng
// Nam (18 districts, 241 communes) and for the whole country (63 provinces), on the national
// dataset the read benchmark uses
// (`vneid_bench`, tests/bench/generate.ts: 10,598 communes reporting for a year; generated
// once, then reused). Over budget makes `npm run bench` exit non-zero.
import { createPrismaClient, setDb } from "@/lib/db/client";
import { getWeeklyReport } from "@/lib/data/weekly-report";
import { getIssuingSettings } from "@/lib/data/issuing-settings";
import type { Actor } from "@/lib/auth/permissions";
import { formatIsoWeek, lastCompleteWeek } from "@/lib/domain/weeks";
import { REPORT_FORMATS, renderReport } from "@/lib/reports/render";

const ADMIN: Actor = { id: null, username: "bench", role: "admin", unitPath: null };
const RUNS = 3;
const BUDGET_MS = { province: 2_000, national: 10_000 };

async function time<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

/**
 * A download is one request: the model, then one file. Each format is timed as such, RUNS
 * times; the first run also pays for loading fonts and compiling the rasteriser, so the
 * budget applies to the best later run of the slowest format.
 */
async function benchReport(label: keyof typeof BUDGET_MS, unitCode: string | null): Promise<boolean> {
  const week = lastCompleteWeek();
  const best = new Map<string, number>();
  let first = 0;
  for (let run = 0; run < RUNS; run++) {
    for (const format of REPORT_FORMATS) {
      const [model, modelMs] = await time(() => getWeeklyReport(ADMIN, { unitCode, week }));
      const { issuing } = await getIssuingSettings(ADMIN, unitCode);
      const [, fileMs] = await time(() => renderReport({ model, issuedAt: new Date().toISOString(), issued: null, issuing }, format, "vi"));
      if (run === 0) {
        first = Math.max(first, modelMs + fileMs);
        if (format === "xlsx") console.log(`${label}: ${model.unit.name}, ${formatIsoWeek(week)}, ${model.ranking.length} units ranked`);
      } else best.set(format, Math.min(best.get(format) ?? Infinity, modelMs + fileMs));
    }
  }
  const slowest = Math.max(...best.values());
  const within = slowest < BUDGET_MS[label];
  console.log(`  model + file, best warm run: ${[...best].map(([f, ms]) => `${f} ${Math.round(ms)} ms`).join(", ")} (first run, slowest: ${Math.round(first)} ms)`);
  console.log(`  slowest download ${Math.round(slowest)} ms; budget ${BUDGET_MS[label]} ms: ${within ? "within" : "OVER"}`);
  return within;
}

/** Times the downloads on the national dataset at `url`; false when one is over its budget. */
export async function benchWeeklyReports(url: string): Promise<boolean> {
  const db = createPrismaClient(url);
  setDb(db);
  try {
    return [await benchReport("province", "49"), await benchReport("national", null)].every(Boolean);
  } finally {
    await db.$disconnect();
  }
}
