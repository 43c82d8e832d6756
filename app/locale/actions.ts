"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/data/user-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { languageSchema } from "@/lib/validation/language";

const ONE_YEAR = 365 * 24 * 60 * 60;

/** Switches the interface language: remembered by this browser and, when signed in, for the user. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = languageSchema.safeParse(formData.get("locale"));
  if (!locale.success) return;
  (await cookies()).set(LOCALE_COOKIE, locale.data, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false });
  const user = await currentUser();
  if (user) await setUserLocale(user, locale.data);
  revalidatePath("/", "layout");
}
