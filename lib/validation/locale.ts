// zod's own messages (for every schema without a message of its own) in the language of the
// request being served: a refusal must always be readable by the person who made it.
// Imported, for its effect, by each module of lib/validation that defines schemas.
import { z } from "zod";
import { currentLocale } from "@/lib/i18n/message";

const ZOD_LOCALES = { vi: z.locales.vi(), en: z.locales.en() };

z.config({ localeError: (issue) => ZOD_LOCALES[currentLocale()].localeError(issue) });
