"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { importCsv } from "@/lib/data/import";
import { createCampaign, saveTargets } from "@/lib/data/targets-admin";
import { setTargetShare } from "@/lib/data/population";
import { formatPercent } from "@/lib/domain/format";
import { currentLocale, m, type MessageKey } from "@/lib/i18n/message";
import { campaignCreateSchema, csvFileFormSchema, targetShareFormSchema, targetValuesFromForm, targetValuesSchema } from "@/lib/validation/admin-forms";
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
  return importFileOf("targets", form, "admin.campaigns.import.done");
}

/** A campaigns page's file import of one kind, checked in full before anything is written. */
function importFileOf(kind: "targets" | "populations", form: FormData, done: MessageKey): Promise<FormState> {
  return runFormAction(csvFileFormSchema, form, async (actor, { file, dryRun }) => {
    const result = await importCsv(actor, kind, await readUploadedTable(file), { dryRun });
    if (!result.ok) throw importFailure(result);
    if (!dryRun) revalidatePath("/admin/campaigns");
    return { message: m(dryRun ? "admin.fileImport.checked" : done, { rows: result.rows }) };
  });
}

/** A milestone as a share of the eligible population, for a unit and every unit under it (issue 22). */
export async function setTargetShareAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(targetShareFormSchema, form, async (actor, { percent, ...input }) => {
    const { targets } = await setTargetShare(actor, { ...input, basisPoints: percent });
    revalidatePath("/admin/campaigns");
    return { message: m("admin.campaign.shares.done", { percent: formatPercent(percent / 100, currentLocale()), unit: input.unitCode, count: targets }) };
  });
}

/** Populations CSV (`unit_code,as_of,eligible`), checked in full before anything is written; the shares over them recomputed. */
export async function importPopulationsAction(_state: FormState, form: FormData): Promise<FormState> {
  return importFileOf("populations", form, "admin.campaigns.populations.done");
}
