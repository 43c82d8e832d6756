// Limits and decoding of an uploaded import file, shared by the import page's server action
// and the command line (the page's client checks the size itself, with ./import-limits).
import { m } from "@/lib/i18n/message";

export { IMPORT_MAX_BYTES } from "./import-limits";

/** In the language of the request being served (Vietnamese on the command line). */
export const importTooLargeMessage = () => m("validation.file.tooLarge");
export const notUtf8Message = () => m("validation.file.notUtf8");

/** The file's text when it is valid UTF-8 (a byte order mark is dropped), else null. */
export function decodeUtf8(bytes: ArrayBuffer): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
