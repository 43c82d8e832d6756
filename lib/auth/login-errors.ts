// How the sign-in handler tells the form why it refused, and which catalogue message
// (auth.loginForm.errors) the form shows for it. The form is a client component: it gets the
// messages in the page's language as a prop and passes them here.
import type { Messages } from "@/lib/i18n/messages";
import { fill } from "@/lib/i18n/fill";

export const LOCKED_ERROR_PREFIX = "LOCKED:";
/** The sign-in could not be checked (the database failed): the form says "try again". */
export const UNAVAILABLE_ERROR = "UNAVAILABLE";

export type LoginErrorMessages = Messages["auth"]["loginForm"]["errors"];

export function loginErrorMessage(error: string | null | undefined, messages: LoginErrorMessages): string {
  if (error?.startsWith(LOCKED_ERROR_PREFIX)) {
    const minutes = Number(error.slice(LOCKED_ERROR_PREFIX.length)) || 1;
    return minutes === 1 ? messages.lockedOneMinute : fill(messages.locked, { minutes });
  }
  if (error === UNAVAILABLE_ERROR) return messages.unavailable;
  return messages.invalid;
}
