"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { getDailyGrid, type DailyGridDTO } from "@/lib/data/daily-grid";
import { saveDailyFigures } from "@/lib/data/daily-save";
import { gridCellsToRows } from "@/lib/data/daily-grid-rows";
import { guardAction } from "@/lib/auth/action-errors";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import type { DailyIssue } from "@/lib/data/daily-save";
import { dailyGridSchema } from "@/lib/validation/daily-figures";
import { isUnitCode } from "@/lib/domain/unit-codes";

export type SaveGridResult =
  | { ok: true; written: number; grid: DailyGridDTO }
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; needsConfirmation?: boolean; conflicts?: Record<string, NonNullable<DailyIssue["current"]>>;
    /** no session: nothing was written, and a save queued offline waits for the same user to sign in again */
    signedOut?: true };

/** Saves the whole grid in one submission: every cell is saved, or none is. */
export async function saveDailyGridAction(input: unknown, scopeCode?: string, page?: number): Promise<SaveGridResult> {
  return inRequestLocale(() => guardAction("saveDailyGridAction", "entry.save.failed", () => saveDailyGrid(input, scopeCode, page)));
}

async function saveDailyGrid(input: unknown, scopeCode?: string, page?: number): Promise<SaveGridResult> {
  // checked before anything is saved: a bad scope after the save would report a saved grid as not saved
  if (scopeCode !== undefined && !isUnitCode(scopeCode)) return { ok: false, message: m("entry.save.invalidUnit"), fieldErrors: {} };
  const parsed = dailyGridSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: m("entry.save.invalidSubmission"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const user = await currentUser();
  if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {}, signedOut: true };
  const { rows, fieldErrors } = gridCellsToRows(parsed.data);
  if (Object.keys(fieldErrors).length) return { ok: false, message: m("entry.save.invalidCells"), fieldErrors };
  const result = await saveDailyFigures(user, rows, { submissionKey: parsed.data.submissionKey, confirmSpikes: parsed.data.confirmSpikes });
  if (!result.ok) {
    const errors: Record<string, string[]> = {};
    const conflicts: Record<string, NonNullable<DailyIssue["current"]>> = {};
    for (const issue of result.issues) {
      const cell = parsed.data.cells[issue.ref];
      const key = `${cell.unitCode}.${cell.metric}`;
      (errors[key] ??= []).push(issue.message);
      if (issue.current) conflicts[key] = issue.current;
    }
    const onlySpikes = result.issues.every((i) => i.kind === "spike");
    return {
      ok: false,
      message: m(onlySpikes ? "entry.save.spikes" : Object.keys(conflicts).length ? "entry.save.conflicts" : "entry.save.invalidCells"),
      fieldErrors: errors,
      ...(onlySpikes ? { needsConfirmation: true } : {}),
      ...(Object.keys(conflicts).length ? { conflicts } : {}),
    };
  }
  revalidatePath("/entry");
  return { ok: true, written: result.written, grid: await getDailyGrid(user, parsed.data.date, scopeCode, { page: typeof page === "number" && Number.isInteger(page) && page > 0 ? page : 1 }) };
}
