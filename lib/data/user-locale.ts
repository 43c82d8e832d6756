import "server-only";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { AppError } from "./errors";

/** The interface language the user chose last, on any device; null before they choose. */
export async function getUserLocale(userId: number): Promise<Locale | null> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { locale: true } });
  return isLocale(user?.locale) ? user.locale : null;
}

/** Remembers the caller's own interface language (nobody else's). */
export async function setUserLocale(actor: Actor, locale: Locale): Promise<void> {
  if (actor.id === null) throw new AppError("UNAUTHENTICATED");
  await db().user.update({ where: { id: actor.id }, data: { locale } });
}
