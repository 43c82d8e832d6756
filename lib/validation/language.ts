import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import "./locale";

/** The interface language a user may choose. */
export const languageSchema = z.enum(LOCALES);
