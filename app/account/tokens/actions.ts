"use server";
import { revalidatePath } from "next/cache";
import { runFormAction, type FormState } from "@/lib/auth/form-action";
import { issueApiToken, revokeApiToken } from "@/lib/data/api-tokens";
import { m } from "@/lib/i18n/message";
import { tokenCreateSchema, tokenIdSchema } from "@/lib/validation/accounts";

export async function issueTokenAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(tokenCreateSchema, form, async (actor, input) => {
    const { token, dto } = await issueApiToken(actor, {
      name: input.name,
      ...(input.username ? { username: input.username } : {}),
      ...(typeof input.lifetimeDays === "number" ? { lifetimeDays: input.lifetimeDays } : {}),
    });
    revalidatePath("/account/tokens");
    return { message: m("account.tokens.done.issued", { name: dto.name, username: dto.username }), value: { shownOnce: token } };
  });
}

export async function revokeTokenAction(_state: FormState, form: FormData): Promise<FormState> {
  return runFormAction(tokenIdSchema, form, async (actor, { tokenId }) => {
    const dto = await revokeApiToken(actor, tokenId);
    revalidatePath("/account/tokens");
    return { message: m("account.tokens.done.revoked", { name: dto.name }) };
  });
}
