"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { guardAction } from "@/lib/auth/action-errors";
import { ERROR_MESSAGES } from "@/lib/i18n/error-messages";
import { createPeriodLock } from "@/lib/data/period-locks";
import { formatDay } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { periodLockSchema } from "@/lib/validation/daily-figures";

export type LockFormState = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> } | null;

export async function createPeriodLockAction(_state: LockFormState, form: FormData): Promise<LockFormState> {
  return inRequestLocale(() => guardAction("createPeriodLockAction", "errors.form.failed", () => createLock(form)));
}

async function createLock(form: FormData): Promise<LockFormState> {
  const parsed = periodLockSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: m("entry.locks.invalid"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const user = await currentUser();
  if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
  const lock = await createPeriodLock(user, parsed.data);
  revalidatePath("/entry/locks");
  return { ok: true, message: m("entry.locks.created", { unit: lock.unitName, date: formatDay(lock.until) }) };
}
