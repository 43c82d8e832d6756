// One message catalogue per language, one JSON file per area of the product (namespace).
// Vietnamese is the reference: its shape is the type every other language must match, and
// tests/unit/messages.test.ts fails when a key or a placeholder is missing on either side.
import type { Locale } from "../config";
import enCommon from "./en/common.json";
import viCommon from "./vi/common.json";

const vi = { common: viCommon };
export type Messages = typeof vi;

export const MESSAGES: Record<Locale, Messages> = {
  vi,
  en: { common: enCommon },
};
