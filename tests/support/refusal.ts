import { AppError, userText } from "@/lib/data/errors";

/** What a data-layer call refused with: its code and its people's words (null when it did not refuse). */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string | undefined } | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.userMessage ? userText(error) : undefined };
    throw error;
  }
}
