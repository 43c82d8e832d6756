"use server";
import { redirect } from "next/navigation";
import { requestClientAddress } from "@/lib/auth/client-address";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { changeOwnPassword } from "@/lib/data/account";
import { m } from "@/lib/i18n/message";
import { passwordChangeSchema } from "@/lib/validation/accounts";

/** Changes the caller's password; every session ends, so the user signs in again. */
export async function changePasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const result = await runFormAction(passwordChangeSchema, form, async (user, input) => {
    await changeOwnPassword(user, input, { address: await requestClientAddress() });
    return { message: m("account.password.done") };
  }, { passwordChange: true });
  if (result?.ok) redirect("/login?changed=1");
  return result;
}
