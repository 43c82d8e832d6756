// Messages made below the page: the data layer's refusals, zod schemas' messages, the HTTP
// API's errors. They are written where the rule lives (`m("validation.count.notNegative")`)
// and come out in the language of the request being served: each boundary (form action,
// route handler) resolves the request's language once and runs its work inside
// `withLocale`; outside any request (CLI, tests calling the data layer) it is Vietnamese.
// The store sits on globalThis so the server's separately bundled layers share one.
import { AsyncLocalStorage } from "node:async_hooks";
import { createTranslator, type NestedKeyOf } from "use-intl/core";
import { DEFAULT_LOCALE, TIME_ZONE, type Locale } from "./config";
import { MESSAGES, type Messages } from "./messages";
import "./types";

const STORE_KEY = Symbol.for("vneid.requestLocale");
type Store = AsyncLocalStorage<Locale>;
const globals = globalThis as Record<symbol, Store | undefined>;
const store: Store = (globals[STORE_KEY] ??= new AsyncLocalStorage<Locale>());

/** Runs `work` with `locale` as the language of every `m(…)` inside it. */
export function withLocale<T>(locale: Locale, work: () => T): T {
  return store.run(locale, work);
}

/** The language of the request being served; Vietnamese outside a request. */
export function currentLocale(): Locale {
  return store.getStore() ?? DEFAULT_LOCALE;
}

export type MessageKey = NestedKeyOf<Messages>;
export type MessageValues = Record<string, string | number | Date>;

const translators = new Map<Locale, ReturnType<typeof translatorFor>>();
function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: TIME_ZONE });
}

/** One catalogue message, by its full key (`namespace.key`), in the current language. */
export function m(key: MessageKey, values?: MessageValues): string {
  const locale = currentLocale();
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translatorFor(locale)));
  return (t as (key: string, values?: MessageValues) => string)(key, values);
}
