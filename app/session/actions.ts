"use server";
import { redirect } from "next/navigation";
import { endCurrentSessions } from "@/lib/auth/session";

/** The header's "Đăng xuất" button: a plain form, so no sign-in library ships to the browser. */
export async function signOutAction(): Promise<void> {
  await endCurrentSessions();
  redirect("/login");
}
