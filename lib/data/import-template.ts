import "server-only";
// The daily template people fill in Excel (issue 25): one row per leaf unit the caller may
// enter for on a day, with each metric's running total the day before, for reference. The
// rows are the entry grid's (lib/data/daily-grid.ts): the same scope, permission and units
// on the day; lib/reports/daily-template.ts lays them out.
import type { Actor } from "@/lib/auth/permissions";
import { addDays } from "@/lib/domain/dates";
import type { EntryKind } from "@/lib/domain/wide-table";
import { getDailyGrid } from "./daily-grid";

export interface DailyTemplateDTO {
  day: string;
  kind: EntryKind;
  scope: { code: string; name: string };
  /** the running totals' day: the day before */
  previousDay: string;
  metrics: { code: string; nameVi: string; nameEn: string }[];
  /** each metric's running total at the end of the day before, in the metrics' order */
  rows: { code: string; name: string; previous: number[] }[];
}

/** The template of the leaves under `scopeCode` (default: the caller's own unit) for `day`. */
export async function getDailyTemplate(actor: Actor, day: string, kind: EntryKind, scopeCode?: string): Promise<DailyTemplateDTO> {
  const grid = await getDailyGrid(actor, day, scopeCode);
  return {
    day,
    kind,
    scope: grid.scope,
    previousDay: addDays(day, -1),
    metrics: grid.metrics.map((m) => ({ code: m.code, nameVi: m.name, nameEn: m.nameEn })),
    rows: grid.rows.map((row) => ({ code: row.unitCode, name: row.unitName, previous: grid.metrics.map((m) => row.cells.find((c) => c.metric === m.code)?.previous ?? 0) })),
  };
}
