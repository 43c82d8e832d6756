// The people's message for each typed error, from the catalogue (errors.code.*), in the
// language of the request being served (lib/i18n/message): read at the moment of use.
import { m } from "./message";
import type { AppErrorCode } from "@/lib/data/errors";

export function errorMessage(code: AppErrorCode): string {
  return m(`errors.code.${code}`);
}

/** `ERROR_MESSAGES[code]`: each property is looked up when read, in the current language. */
export const ERROR_MESSAGES: Readonly<Record<AppErrorCode, string>> = new Proxy({} as Record<AppErrorCode, string>, {
  get: (_, code) => errorMessage(code as AppErrorCode),
});
