"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { updateCriticismRule } from "@/lib/data/criticism-rule";
import { m } from "@/lib/i18n/message";
import { criticismRuleSchema } from "@/lib/validation/criticism-rule";

/** Stores whom a unit's rankings criticise; administrators and provincial users (checked in the data layer). */
export async function saveCriticismRuleAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(criticismRuleSchema, form, async (actor, input) => {
    const unit = await updateCriticismRule(actor, input);
    // the rule shapes the rankings, the overviews and the live weekly reports of the unit and the units below it
    revalidatePath("/", "layout");
    return { message: m("dashboard.criticismRule.page.saved", { unit: unit.name }) };
  });
}
