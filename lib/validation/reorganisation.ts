// zod schemas for a reorganisation's two files (docs/units-over-time.md): the list of units in
// force from the date (the columns of the units import) and the mapping of the old units onto
// them, one row per old unit and new unit it went into, wholly or in part.
import { z } from "zod";
import "./locale";
import { m, type MessageKey } from "@/lib/i18n/message";
import { isoDaySchema, unitCodeSchema, unitRowSchema } from "./import-rows";

const says = (key: MessageKey) => ({ error: () => m(key) });

export const reorganisationUnitRowSchema = unitRowSchema;

/** A share of the old unit's figures the new unit takes: a decimal in (0, 1], written with a point; empty: not known. */
const SHARE = /^(0(\.\d{1,6})?|1(\.0{1,6})?)$/;
const shareSchema = z
  .string()
  .default("")
  .refine((v) => v === "" || (SHARE.test(v) && Number(v) > 0), says("validation.reorganisation.share"))
  .transform((v) => (v === "" ? null : Number(v)));

export const unitChangeRowSchema = z
  .object({
    effective_date: isoDaySchema,
    old_code: unitCodeSchema,
    old_name: z.string().max(200, says("validation.name.tooLong")).default(""),
    new_code: unitCodeSchema,
    new_name: z.string().max(200, says("validation.name.tooLong")).default(""),
    part: z.enum(["full", "partial"], says("validation.reorganisation.part")),
    share: shareSchema,
  })
  .refine((r) => r.part === "partial" || r.share === null, { ...says("validation.reorganisation.shareOnFull"), path: ["share"] });

export type UnitChangeRow = z.output<typeof unitChangeRowSchema>;

export const REORGANISATION_FILES = {
  units: { columns: ["code", "name", "type", "parent_code", "level"], required: ["code", "name", "type", "level"] },
  changes: { columns: ["effective_date", "old_code", "old_name", "new_code", "new_name", "part", "share"], required: ["effective_date", "old_code", "new_code", "part"] },
} as const;

export const reorganisationDateSchema = isoDaySchema;

const MAX_BYTES = 20_000_000;
const csvFile = z.instanceof(File, { error: () => m("admin.validation.fileMissing") })
  .refine((f) => f.size > 0, { error: () => m("admin.validation.fileEmpty") })
  .refine((f) => f.size <= MAX_BYTES, { error: () => m("admin.validation.fileTooLarge") });

/** The page's form: the date, the two files, checked only or written. */
export const reorganisationFormSchema = z.object({
  date: isoDaySchema,
  units: csvFile,
  changes: csvFile,
  dryRun: z.enum(["1", "0"]).default("0").transform((v) => v === "1"),
});

export const reorganisationUndoSchema = z.object({
  id: z.string().regex(/^\d{1,9}$/, says("validation.reorganisation.undo.id")).transform(Number),
});
