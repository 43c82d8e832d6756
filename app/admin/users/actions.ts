"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { createUser, moveUserToSuccessor, resetPassword, setUserActive, updateUser } from "@/lib/data/users";
import { m } from "@/lib/i18n/message";
import { userCreateSchema, userIdFormSchema, userUpdateSchema } from "@/lib/validation/accounts";

export async function createUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userCreateSchema, form, async (actor, input) => {
    const user = await createUser(actor, input);
    revalidatePath("/admin/users");
    return { message: m("users.create.done", { username: user.username }) };
  });
}

export async function updateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userUpdateSchema, form, async (actor, input) => {
    const user = await updateUser(actor, input);
    revalidatePath("/admin/users");
    return { message: m("users.edit.done", { username: user.username }) };
  });
}

export async function resetPasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const { username, temporaryPassword } = await resetPassword(actor, userId);
    revalidatePath("/admin/users");
    return { message: m("users.reset.done", { username }), value: { shownOnce: temporaryPassword } };
  });
}

export async function deactivateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const user = await setUserActive(actor, userId, false);
    revalidatePath("/admin/users");
    return { message: m("users.deactivate.done", { username: user.username }) };
  });
}

export async function activateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const user = await setUserActive(actor, userId, true);
    revalidatePath("/admin/users");
    return { message: m("users.activate.done", { username: user.username }) };
  });
}

/** One step for an account on a unit that has ended: to that unit's one full successor. */
export async function moveUserToSuccessorAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const moved = await moveUserToSuccessor(actor, userId);
    revalidatePath("/admin/users");
    return { message: m("users.move.done", { username: moved.username, unit: `${moved.unitName} (${moved.unitCode})` }) };
  });
}
