import "server-only";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/config";

/** The interface language the user chose last, on any device; null before they choose. */
export async function getUserLocale(userId: number): Promise<Locale | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : null;
}

/** Remembers the user's language. Only their own: the caller passes the session's user id. */
export async function setUserLocale(userId: number, locale: Locale): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { locale } });
}
