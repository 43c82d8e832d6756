"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { AppError } from "@/lib/data/errors";
import { importReorganisation, undoReorganisation } from "@/lib/data/reorganisation";
import type { ReorganisationSummary } from "@/lib/domain/reorganisation-plan";
import { formatNumber } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { summaryLines } from "@/lib/i18n/reorganisation-summary";
import { readUploadedTable } from "@/lib/validation/uploaded-table";
import { reorganisationFormSchema, reorganisationUndoSchema } from "@/lib/validation/reorganisation";

const counts = (s: ReorganisationSummary) => ({
  counts: m("admin.reorganisation.summary.counts", { ending: formatNumber(s.ending), starting: formatNumber(s.starting), continuing: formatNumber(s.continuing) }),
  successions: m("admin.reorganisation.summary.successions", { full: formatNumber(s.successions.full), partial: formatNumber(s.successions.partial), withShare: formatNumber(s.successions.partialWithShare) }),
});

/** The two files, checked in full (and written unless only checked): the command line's rules. */
export async function reorganisationAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(reorganisationFormSchema, form, async (actor, input) => {
    const [unitsText, changesText] = await Promise.all([readUploadedTable(input.units), readUploadedTable(input.changes)]);
    const result = await importReorganisation(actor, { date: input.date, unitsText, changesText, dryRun: input.dryRun });
    if (!result.ok || !result.summary) {
      const lines = Object.fromEntries(result.errors.slice(0, 50).map((e, i) => [`line${i}`, [
        e.file ? m("admin.reorganisation.page.lineOf", { file: m(`validation.reorganisation.files.${e.file}`), line: String(e.line), message: e.message }) : e.message,
      ]]));
      throw new AppError("INVALID_INPUT", { subject: "import", userMessage: { key: "admin.reorganisation.summary.refused", params: { count: formatNumber(result.errorCount) } }, fieldErrors: lines });
    }
    if (!result.dryRun) revalidatePath("/admin/units/reorganisation");
    return {
      message: result.dryRun ? m("admin.reorganisation.page.checked", counts(result.summary)) : m("admin.reorganisation.page.done", { id: String(result.id), ...counts(result.summary) }),
      // the preview: what ends, what starts and what maps where (the command line's lines, but the title and the counts the message says)
      value: { details: summaryLines(result.summary).slice(3) },
    };
  });
}

export async function undoReorganisationAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(reorganisationUndoSchema, form, async (actor, { id }) => {
    await undoReorganisation(actor, id);
    revalidatePath("/admin/units/reorganisation");
    return { message: m("admin.reorganisation.page.undone", { id: String(id) }) };
  });
}
