"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { importCsv } from "@/lib/data/import";
import { dissolveUnit, renameUnit } from "@/lib/data/units-admin";
import { formatDay } from "@/lib/domain/format";
import { csvFileFormSchema, unitDissolveSchema, unitRenameSchema } from "@/lib/validation/admin-forms";
import { importFailure, readUploadedTable } from "@/lib/validation/uploaded-table";

export async function renameUnitAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(unitRenameSchema, form, async (actor, input) => {
    const unit = await renameUnit(actor, input);
    revalidatePath("/admin/units");
    return { message: `Đã đổi tên thành ${unit.name}.` };
  });
}

export async function dissolveUnitAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(unitDissolveSchema, form, async (actor, input) => {
    const unit = await dissolveUnit(actor, input);
    revalidatePath("/admin/units");
    return { message: unit.mergedInto
      ? `${unit.name} sáp nhập vào ${unit.mergedInto.name} từ ngày ${formatDay(unit.dissolvedOn)}; số liệu trước đó vẫn giữ nguyên.`
      : `${unit.name} giải thể từ ngày ${formatDay(unit.dissolvedOn)}; số liệu trước đó vẫn giữ nguyên.` };
  });
}

/** The units CSV (the official list's format), checked in full before anything is written. */
export async function importUnitsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(csvFileFormSchema, form, async (actor, { file, dryRun }) => {
    const result = await importCsv(actor, "units", await readUploadedTable(file), { dryRun });
    if (!result.ok) throw importFailure(result);
    if (!dryRun) revalidatePath("/admin/units");
    return { message: dryRun ? `Kiểm tra xong: ${result.rows} dòng hợp lệ, chưa ghi gì.` : `Đã nhập ${result.rows} dòng.` };
  });
}
