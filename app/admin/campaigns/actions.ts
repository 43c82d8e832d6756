"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { importCsv } from "@/lib/data/import";
import { createCampaign, saveTargets } from "@/lib/data/targets-admin";
import { m } from "@/lib/i18n/message";
import { campaignCreateSchema, csvFileFormSchema, targetValuesFromForm, targetValuesSchema } from "@/lib/validation/admin-forms";
import { importFailure, readUploadedTable } from "@/lib/validation/uploaded-table";

export async function createCampaignAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(campaignCreateSchema, form, async (actor, input) => {
    const campaign = await createCampaign(actor, input);
    revalidatePath("/admin/campaigns");
    return { message: m("admin.campaigns.create.done", { name: campaign.name }) };
  });
}

export async function saveTargetGridAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(targetValuesSchema, targetValuesFromForm(form), async (actor, input) => {
    const { changed } = await saveTargets(actor, input);
    revalidatePath("/admin/campaigns");
    return { message: changed ? m("admin.campaign.saved", { count: changed }) : m("admin.campaign.unchanged") };
  });
}

/** Targets CSV (`campaign,unit_code,metric,due_date,target`), checked in full before anything is written. */
export async function importTargetsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(csvFileFormSchema, form, async (actor, { file, dryRun }) => {
    const result = await importCsv(actor, "targets", await readUploadedTable(file), { dryRun });
    if (!result.ok) throw importFailure(result);
    if (!dryRun) revalidatePath("/admin/campaigns");
    return { message: m(dryRun ? "admin.fileImport.checked" : "admin.campaigns.import.done", { rows: result.rows }) };
  });
}
