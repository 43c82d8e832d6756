"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { guardAction } from "@/lib/auth/action-errors";
import { currentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/data/user-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import { languageSchema } from "@/lib/validation/language";

const ONE_YEAR = 365 * 24 * 60 * 60;

/**
 * Switches the interface language: remembered by this browser and, when signed in, for the
 * user. A plain form in the header, with no state to show a refusal in: whatever storing the
 * user's choice throws is answered by guardAction (an outage logged as one, anything else as
 * unexpected with an id) and the page is shown in the new language all the same, the
 * browser's cookie being set first.
 */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = languageSchema.safeParse(formData.get("locale"));
  if (!locale.success) return;
  (await cookies()).set(LOCALE_COOKIE, locale.data, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", secure: process.env.NEXTAUTH_URL?.startsWith("https://") ?? false });
  await guardAction("setLocaleAction", "errors.form.failed", async () => {
    const user = await currentUser();
    if (user) await setUserLocale(user, locale.data);
  });
  revalidatePath("/", "layout");
}
