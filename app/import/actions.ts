"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canEditFiguresAnywhere } from "@/lib/auth/entry-permissions";
import { currentUser } from "@/lib/auth/session";
import { guardAction } from "@/lib/auth/action-errors";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { importCsv, type ImportResult } from "@/lib/data/import";
import { trackImportProgress } from "@/lib/data/import-progress-registry";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { decodeUtf8, IMPORT_MAX_BYTES, importTooLargeMessage, notUtf8Message } from "@/lib/validation/import-file";
import { importProgressIdSchema } from "@/lib/validation/import-progress";
import { readUploadedTable } from "@/lib/validation/uploaded-table";

const importFormSchema = z.object({
  file: z.instanceof(File, { error: () => m("validation.file.missing") })
    .refine((f) => f.size > 0, { error: () => m("validation.file.empty") })
    .refine((f) => f.size <= IMPORT_MAX_BYTES, { error: importTooLargeMessage }),
  dryRun: z.enum(["1", "0"]).transform((v) => v === "1"),
  confirmSpikes: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
  reason: z.string().trim().max(500, { error: () => m("validation.reason.tooLongShort") }).default(""),
  /** the page's id for following this import's progress; a malformed one is ignored, the import runs without */
  progressId: importProgressIdSchema.optional().catch(undefined),
});

/** A broken 20 MB file can have hundreds of thousands of bad rows: the page gets the first ones and the count. */
const ERRORS_SHOWN = 200;

export type ImportActionResult = { ok: true; result: ImportResult; errorsNotShown: number } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Preview (dry run) or write a daily file, CSV or Excel .xlsx with the same columns: the
 * same code path as `npm run import` (an .xlsx sheet is read as CSV text first).
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
  const { file, dryRun, confirmSpikes, reason, progressId } = parsed.data;
  // registered before the file is read, so that the page's polls find it from the start
  const progress = progressId ? trackImportProgress(user, progressId) : null;
  try {
    const text = await fileText(file);
    if (typeof text !== "string") return text;
    const result = await importCsv(user, "daily", text, { dryRun, confirmSpikes, ...(reason ? { reason } : {}), ...(progress ? { onProgress: progress.onProgress } : {}) });
    if (result.ok && !result.dryRun) revalidatePath("/entry");
    return { ok: true, result: { ...result, errors: result.errors.slice(0, ERRORS_SHOWN) }, errorsNotShown: Math.max(0, result.errorCount - Math.min(result.errors.length, ERRORS_SHOWN)) };
  } finally {
    progress?.finish();
  }
}

/**
 * The file as CSV text, or the refusal to answer. An .xlsx sheet is converted by
 * readUploadedTable, whose refusals (which limit a file is over, or an unreadable file) are
 * typed errors that guardAction answers.
 */
async function fileText(file: File): Promise<string | ImportActionResult> {
  if (file.name.toLowerCase().endsWith(".xlsx")) return readUploadedTable(file);
  const decoded = decodeUtf8(await file.arrayBuffer());
  return decoded ?? { ok: false, message: notUtf8Message(), fieldErrors: { file: [notUtf8Message()] } };
}
