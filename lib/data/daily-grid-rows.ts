// Turns the submitted grid into rows for the shared checks: a blank cell is not a figure,
// a cell keeps its index so that issues come back to it.
import { m } from "@/lib/i18n/message";
import type { DailyGridInput } from "@/lib/validation/daily-figures";
import { countValueSchema } from "@/lib/validation/daily-figures";
import type { DailyRow } from "./daily-engine";

export function gridCellsToRows(input: DailyGridInput): { rows: DailyRow[]; fieldErrors: Record<string, string[]> } {
  const rows: DailyRow[] = [];
  const fieldErrors: Record<string, string[]> = {};
  input.cells.forEach((cell, index) => {
    if (cell.value.trim() === "") return;
    const value = countValueSchema.safeParse(cell.value);
    if (!value.success) {
      fieldErrors[`${cell.unitCode}.${cell.metric}`] = [value.error.issues[0]?.message ?? m("validation.invalid")];
      return;
    }
    rows.push({
      ref: index, date: input.date, unitCode: cell.unitCode, metric: cell.metric, value: value.data, kind: cell.kind,
      expectedVersion: cell.expectedVersion, ...(cell.reason?.trim() ? { reason: cell.reason.trim() } : {}),
    });
  });
  return { rows, fieldErrors };
}
