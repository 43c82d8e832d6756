"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { canEditFiguresAnywhere } from "@/lib/data/daily-import-access";
import { currentUser } from "@/lib/auth/session";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { importCsv, type ImportResult } from "@/lib/data/import";

const importInputSchema = z.object({
  text: z.string().min(1, "Chưa chọn tệp.").max(20_000_000, "Tệp quá lớn (tối đa 20 MB)."),
  dryRun: z.boolean(),
  confirmSpikes: z.boolean().default(false),
  reason: z.string().trim().max(500).default(""),
});

export type ImportActionResult = { ok: true; result: ImportResult } | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/** Preview (dry run) or write a daily CSV: the same code path as `npm run import`. */
export async function importDailyAction(input: unknown): Promise<ImportActionResult> {
  const parsed = importInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Tệp chưa hợp lệ.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const user = await currentUser();
  if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
  if (!canEditFiguresAnywhere(user)) return { ok: false, message: ERROR_MESSAGES.FORBIDDEN, fieldErrors: {} };
  const result = await importCsv(user, "daily", parsed.data.text, {
    dryRun: parsed.data.dryRun, confirmSpikes: parsed.data.confirmSpikes, ...(parsed.data.reason ? { reason: parsed.data.reason } : {}),
  });
  if (result.ok && !result.dryRun) revalidatePath("/entry");
  return { ok: true, result };
}
