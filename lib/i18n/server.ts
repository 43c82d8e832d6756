import "server-only";
// The request's language for server components, server actions and route handlers: the
// browser's choice (cookie), else the signed-in user's remembered choice, else Vietnamese.
import { cache } from "react";
import { cookies } from "next/headers";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { getUserLocale } from "@/lib/data/user-locale";
import { DEFAULT_LOCALE, LOCALE_COOKIE, TIME_ZONE, isLocale, type Locale } from "./config";
import { currentLocale, withLocale } from "./message";
import { MESSAGES, type Messages } from "./messages";
import "./types";

export const getLocale = cache(async (): Promise<Locale> => {
  let jar: Awaited<ReturnType<typeof cookies>>;
  try {
    jar = await cookies();
  } catch {
    // Outside a request (a route handler called directly by a test or a script): the
    // language already chosen with withLocale, else Vietnamese.
    return currentLocale();
  }
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const session = (await getServerSession(authOptions).catch(() => null)) as { uid?: number } | null;
  if (!session?.uid) return DEFAULT_LOCALE;
  // The remembered choice is a nicety: with the database down the page still answers (in
  // Vietnamese) with its own "try again" message rather than failing here.
  return getUserLocale(session.uid).then((locale) => locale ?? DEFAULT_LOCALE, () => DEFAULT_LOCALE);
});

export type Namespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/** `t` for one area of the catalogue, in the request's language. */
export async function getTranslator<const N extends Namespace>(namespace: N) {
  const locale = await getLocale();
  return createTranslator({ locale, messages: MESSAGES[locale], namespace, timeZone: TIME_ZONE });
}

/**
 * The raw messages of one namespace in the request's language, for a client component's
 * props: client components do not load the message formatter (it would cost every page
 * ~10 kB of JavaScript); they fill `{name}` placeholders with `fill` from ./fill.
 */
export async function getClientMessages<const N extends keyof Messages>(namespace: N): Promise<Messages[N]> {
  return MESSAGES[await getLocale()][namespace];
}

/**
 * Runs a form action's or route handler's work in the request's language, so the messages
 * the data layer and the schemas make inside it (lib/i18n/message `m`) are in that language.
 */
export async function inRequestLocale<T>(work: () => Promise<T>): Promise<T> {
  return withLocale(await getLocale(), work);
}
