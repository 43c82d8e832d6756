"use server";
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { ERROR_MESSAGES } from "@/lib/data/daily-messages";
import { AppError } from "@/lib/data/errors";
import { createPeriodLock } from "@/lib/data/period-locks";
import { periodLockSchema } from "@/lib/validation/daily-figures";

export type LockFormState = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string[]> } | null;

export async function createPeriodLockAction(_state: LockFormState, form: FormData): Promise<LockFormState> {
  const parsed = periodLockSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "Thông tin khóa sổ chưa hợp lệ.", fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
  const user = await currentUser();
  if (!user) return { ok: false, message: ERROR_MESSAGES.UNAUTHENTICATED, fieldErrors: {} };
  try {
    const lock = await createPeriodLock(user, parsed.data);
    revalidatePath("/entry/locks");
    return { ok: true, message: `Đã khóa sổ ${lock.unitName} đến hết ngày ${lock.until.split("-").reverse().join("/")}.` };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: ERROR_MESSAGES[error.code], fieldErrors: error.fieldErrors };
    throw error;
  }
}
