"use server";
import { redirect } from "next/navigation";
import { endCurrentSessions } from "@/lib/auth/session";

/**
 * The header's "Đăng xuất" button: a plain form, so no sign-in library ships to the browser.
 * Deliberately outside guardAction: its only answer is the redirect to the login page, and
 * answering a failure to end the sessions with that redirect would tell the user they are
 * signed out while their session still stands. A failure goes to the error page instead
 * (app/error.tsx), logged by Next's onRequestError with the request id it shows.
 */
export async function signOutAction(): Promise<void> {
  await endCurrentSessions();
  redirect("/login");
}
