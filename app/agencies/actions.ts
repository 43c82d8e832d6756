"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { saveAgencyWeekly, setAgencyDueDate } from "@/lib/data/agencies";
import { AppError } from "@/lib/data/errors";
import { formatIsoWeek } from "@/lib/domain/weeks";
import { m } from "@/lib/i18n/message";
import { agencyDueDateSchema, agencyWeeklyFormSchema } from "@/lib/validation/agencies";

/**
 * Saves an agency's weekly figures (its focal point, for its agency and sub-agencies; an
 * administrator for any): all or nothing, each refusal beside its agency's field. A figure
 * changed meanwhile by someone else is refused and the screen re-read, so it shows the value
 * saved meanwhile with its version.
 */
export async function saveAgencyWeeklyAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(agencyWeeklyFormSchema, form, async (actor, input) => {
    const result = await saveAgencyWeekly(actor, input.week, input.rows);
    if (!result.ok) {
      if (result.issues.some((issue) => issue.current)) revalidatePath("/agencies/entry");
      // each message names its agency already: listed under the form, not under a field's label
      const fieldErrors = { agencies: result.issues.map((issue) => issue.message) };
      throw new AppError("INVALID_INPUT", { subject: "agency_weekly", userMessage: { key: "agencies.entry.refused" }, fieldErrors });
    }
    revalidatePath("/agencies", "layout");
    return { message: m("agencies.entry.saved", { week: formatIsoWeek(input.week), count: result.written }) };
  });
}

/** Sets the day by which the agencies seen from a unit are to reach 100% (provincial officials, administrators; checked in the data layer). */
export async function setAgencyDueDateAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(agencyDueDateSchema, form, async (actor, input) => {
    const { unitName } = await setAgencyDueDate(actor, input.unit, input.dueDate);
    revalidatePath("/agencies");
    return { message: m("agencies.ranking.dueDateSaved", { unit: unitName }) };
  });
}
