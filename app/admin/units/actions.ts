"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { importCsv } from "@/lib/data/import";
import { dissolveUnit, renameUnit } from "@/lib/data/units-admin";
import { formatDay } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { csvFileFormSchema, unitDissolveSchema, unitRenameSchema } from "@/lib/validation/admin-forms";
import { importFailure, readUploadedTable } from "@/lib/validation/uploaded-table";

export async function renameUnitAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(unitRenameSchema, form, async (actor, input) => {
    const unit = await renameUnit(actor, input);
    revalidatePath("/admin/units");
    return { message: m("admin.units.rename.done", { name: unit.name }) };
  });
}

export async function dissolveUnitAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(unitDissolveSchema, form, async (actor, input) => {
    const unit = await dissolveUnit(actor, input);
    revalidatePath("/admin/units");
    const date = formatDay(unit.dissolvedOn);
    return { message: unit.mergedInto
      ? m("admin.units.dissolve.doneMerged", { unit: unit.name, into: unit.mergedInto.name, date })
      : m("admin.units.dissolve.doneDissolved", { unit: unit.name, date }) };
  });
}

/** The units CSV (the official list's format), checked in full before anything is written. */
export async function importUnitsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(csvFileFormSchema, form, async (actor, { file, dryRun }) => {
    const result = await importCsv(actor, "units", await readUploadedTable(file), { dryRun });
    if (!result.ok) throw importFailure(result);
    if (!dryRun) revalidatePath("/admin/units");
    return { message: m(dryRun ? "admin.fileImport.checked" : "admin.units.import.done", { rows: result.rows }) };
  });
}
