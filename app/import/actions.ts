"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { currentUser } from "@/lib/auth/session";
import { guardAction } from "@/lib/auth/action-errors";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import type { ImportResult } from "@/lib/data/import";
import { importDailyTable, type TableAnalysisDTO, type TableLayout } from "@/lib/data/import-table";
import { trackImportProgress } from "@/lib/data/import-progress-registry";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { IMPORT_MAX_BYTES, importTooLargeMessage, notUtf8Message } from "@/lib/validation/import-file";
import { importProgressIdSchema } from "@/lib/validation/import-progress";
import { isoDaySchema } from "@/lib/validation/import-rows";
import { parseTableMapping } from "@/lib/validation/table-mapping";
import { readDailyUpload } from "@/lib/validation/uploaded-table";

const importFormSchema = z.object({
  file: z.instanceof(File, { error: () => m("validation.file.missing") })
    .refine((f) => f.size > 0, { error: () => m("validation.file.empty") })
    .refine((f) => f.size <= IMPORT_MAX_BYTES, { error: importTooLargeMessage }),
  dryRun: z.enum(["1", "0"]).transform((v) => v === "1"),
  confirmSpikes: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
  reason: z.string().trim().max(500, { error: () => m("validation.reason.tooLongShort") }).default(""),
  /** the page's id for following this import's progress; a malformed one is ignored, the import runs without */
  progressId: importProgressIdSchema.optional().catch(undefined),
  /** a table mapped on the page (lib/validation/table-mapping.ts), as JSON; absent: the file's own layout */
  mapping: z.string().max(100_000).optional(),
  /** the day of a mapped table that states none */
  day: isoDaySchema.optional().catch(undefined),
  /** remember the mapping once the import is written */
  remember: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
});

/** A broken 20 MB file can have hundreds of thousands of bad rows: the page gets the first ones and the count. */
const ERRORS_SHOWN = 200;

export type ImportActionResult =
  | { ok: true; result: ImportResult; errorsNotShown: number; layout: TableLayout; units: number; remembered: boolean }
  | { ok: true; analysis: TableAnalysisDTO }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Preview (dry run) or write a daily file, CSV or Excel .xlsx: the machine layout (the same
 * code path as `npm run import`), the commune-per-row table, or the user's own table read with
 * the mapping chosen on the page or remembered; an unknown table is answered with what the page
 * needs to map it.
 */
export async function importDailyAction(form: FormData): Promise<ImportActionResult> {
  return inRequestLocale(() => guardAction("importDailyAction", "entry.import.failed", () => importDaily(form)));
}

async function importDaily(form: FormData): Promise<ImportActionResult> {
  const parsed = importFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: m("entry.import.invalidFile"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const user = await currentUser();
  if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
  if (!canEditFiguresAnywhere(user)) return { ok: false, message: ERROR_MESSAGES.FORBIDDEN, fieldErrors: {} };
  const { file, dryRun, confirmSpikes, reason, progressId, mapping, day, remember } = parsed.data;
  // registered before the file is read, so that the page's polls find it from the start
  const progress = progressId ? await trackImportProgress(user, progressId) : null;
  try {
    // an .xlsx file's refusals (a limit it is over, an unreadable file) are typed errors that guardAction answers
    const upload = await readDailyUpload(file);
    if (upload === null) return { ok: false, message: notUtf8Message(), fieldErrors: { file: [notUtf8Message()] } };
    const chosen = parseTableMapping(mapping);
    const answer = await importDailyTable(user, upload, {
      dryRun, confirmSpikes, remember, mapping: chosen,
      ...(day ? { day } : {}), ...(reason ? { reason } : {}), ...(progress ? { onProgress: progress.onProgress } : {}),
    });
    if (!("result" in answer)) return { ok: true, analysis: answer.analysis };
    const { result } = answer;
    if (result.ok && !result.dryRun) revalidatePath("/entry");
    return {
      ok: true, layout: answer.layout, units: answer.units, remembered: answer.layout === "mapped" && chosen === null,
      result: { ...result, errors: result.errors.slice(0, ERRORS_SHOWN) }, errorsNotShown: Math.max(0, result.errorCount - Math.min(result.errors.length, ERRORS_SHOWN)),
    };
  } finally {
    await progress?.finish();
  }
}
