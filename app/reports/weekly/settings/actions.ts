"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { updateIssuingSettings } from "@/lib/data/issuing-settings";
import { m } from "@/lib/i18n/message";
import { issuingSettingsSchema } from "@/lib/validation/issuing-settings";

/** Stores how a unit's weekly report is headed and signed; administrators and provincial users (checked in the data layer). */
export async function saveIssuingSettingsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(issuingSettingsSchema, form, async (actor, input) => {
    const unit = await updateIssuingSettings(actor, input);
    revalidatePath("/reports/weekly/settings");
    return { message: m("reports.issuing.page.saved", { unit: unit.name }) };
  });
}
