"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { createUser, resetPassword, setUserActive, updateUser } from "@/lib/data/users";
import { userCreateSchema, userIdFormSchema, userUpdateSchema } from "@/lib/validation/accounts";

export async function createUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userCreateSchema, form, async (actor, input) => {
    const user = await createUser(actor, input);
    revalidatePath("/admin/users");
    return { message: `Đã tạo người dùng ${user.username}.` };
  });
}

export async function updateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userUpdateSchema, form, async (actor, input) => {
    const user = await updateUser(actor, input);
    revalidatePath("/admin/users");
    return { message: `Đã lưu ${user.username}.` };
  });
}

export async function resetPasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const { username, temporaryPassword } = await resetPassword(actor, userId);
    revalidatePath("/admin/users");
    return { message: `Đã đặt lại mật khẩu của ${username}; người dùng phải đổi mật khẩu khi đăng nhập.`, value: { shownOnce: temporaryPassword } };
  });
}

export async function deactivateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const user = await setUserActive(actor, userId, false);
    revalidatePath("/admin/users");
    return { message: `Đã khóa ${user.username}; các phiên đăng nhập của người này đã kết thúc.` };
  });
}

export async function activateUserAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(userIdFormSchema, form, async (actor, { userId }) => {
    const user = await setUserActive(actor, userId, true);
    revalidatePath("/admin/users");
    return { message: `Đã mở khóa ${user.username}.` };
  });
}
