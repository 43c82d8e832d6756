// The weekly report's document format, as a unit's form sends it (app/reports/weekly/settings).
import { z } from "zod";
import { m } from "@/lib/i18n/message";
import { unitCodeSchema } from "./import-rows";

const line = (max: number) => z.string().trim()
  .min(1, { error: () => m("reports.errors.issuingRequired") })
  .max(max, { error: () => m("reports.errors.issuingTooLong", { max }) });

/** Multi-line fields: one entry per line; blank lines dropped. */
const lines = (max: number) => z.string().max(max, { error: () => m("reports.errors.issuingTooLong", { max }) })
  .transform((text) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).join("\n"))
  .refine((text) => text.length > 0, { error: () => m("reports.errors.issuingRequired") });

export const issuingSettingsSchema = z.object({
  unit: unitCodeSchema,
  superiorBody: line(200),
  issuingBody: line(200),
  // Decree 30's symbols: capitals (Vietnamese ones included, "BCĐ"), digits and hyphens.
  symbol: z.string().trim().min(1, { error: () => m("reports.errors.issuingRequired") }).max(40, { error: () => m("reports.errors.issuingTooLong", { max: 40 }) })
    .regex(/^[\p{Lu}\d]+(-[\p{Lu}\d]+)*$/u, { error: () => m("reports.errors.issuingSymbol") }),
  place: line(100),
  recipients: lines(2000),
  signerTitle: lines(200),
  signerName: z.string().trim().max(100, { error: () => m("reports.errors.issuingTooLong", { max: 100 }) }),
});

export type IssuingSettingsInput = z.output<typeof issuingSettingsSchema>;
