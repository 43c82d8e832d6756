"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { publishBoard, updateBoardSettings } from "@/lib/data/public-board";
import { formatDateTime } from "@/lib/domain/format";
import { m } from "@/lib/i18n/message";
import { boardSettingsSchema, publishBoardSchema } from "@/lib/validation/public-board";

/** The form's fields, the metric checkboxes (one `metrics` entry each) as a list. */
const fieldsOf = (form: FormData) => ({
  ...Object.fromEntries([...form.entries()].filter(([key]) => !key.startsWith("$ACTION") && key !== "metrics")),
  metrics: form.getAll("metrics").filter((value) => typeof value === "string"),
});

/** Stores a unit's public board settings; leaders and administrators in scope (checked in the data layer). */
export async function saveBoardSettingsAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(boardSettingsSchema, fieldsOf(form), async (actor, input) => {
    await updateBoardSettings(actor, input);
    revalidatePath("/reports/public-board");
    return { message: m("board.settings.saved") };
  });
}

/** Publishes a unit's public board now, or at a past cutoff. */
export async function publishBoardAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(publishBoardSchema, form, async (actor, input) => {
    const published = await publishBoard(actor, { unit: input.unit, cutoff: input.cutoff ?? null });
    revalidatePath("/reports/public-board");
    return { message: m("board.settings.published", { cutoff: formatDateTime(published.cutoff) }) };
  });
}
