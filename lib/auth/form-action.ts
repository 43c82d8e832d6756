import "server-only";
// What every form server action does, in one place: parse the form with its zod schema,
// load the signed-in user (re-checked against the database), run the data-layer call (which
// checks the permission itself), and answer errors in the request's language
// (lib/i18n/message): typed refusals with their message, anything else as unexpected
// (./action-errors). Actions are public POST endpoints: nothing here trusts the page that
// rendered the form.
import { z } from "zod";
import { errorMessage } from "@/lib/i18n/error-messages";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import type { SessionUserDTO } from "@/lib/data/sessions";
import { guardAction } from "./action-errors";
import { currentUser, currentUserForPasswordChange } from "./session";

/**
 * What an action shows beside its message: a secret (temporary password, API token) the user
 * sees once and never again, or the lines of a summary (a reorganisation's preview).
 */
export interface ShownOnce {
  shownOnce?: string;
  details?: string[];
}

export type FormState<T = ShownOnce> =
  | { ok: true; message: string; value?: T }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> }
  | null;

export async function runFormAction<S extends z.ZodType, T>(
  schema: S,
  input: FormData | Record<string, unknown>,
  run: (user: SessionUserDTO, data: z.output<S>) => Promise<{ message: string; value?: T }>,
  options: { passwordChange?: boolean } = {},
): Promise<FormState<T>> {
  return inRequestLocale(() => guardAction("runFormAction", "errors.form.failed", async (): Promise<FormState<T>> => {
    const raw = input instanceof FormData ? Object.fromEntries([...input.entries()].filter(([key]) => !key.startsWith("$ACTION"))) : input;
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, message: m("errors.form.invalid"), fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> };
    const user = options.passwordChange ? await currentUserForPasswordChange() : await currentUser();
    if (!user) return { ok: false, message: errorMessage("UNAUTHENTICATED"), fieldErrors: {} };
    const result = await run(user, parsed.data);
    return { ok: true, message: result.message, ...(result.value !== undefined ? { value: result.value } : {}) };
  }));
}
