import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { getRoleLabels } from "@/lib/auth/role-labels";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getUser, type UserDTO } from "@/lib/data/users";
import { formatDateTime } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import { userIdSchema } from "@/lib/validation/accounts";
import { activateUserAction, deactivateUserAction, resetPasswordAction, updateUserAction } from "../actions";
import { getUserFieldLabels, RoleAndUnitFields } from "../user-fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("users");
  return { title: t("edit.title") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminForPage();
  if (!actor) return null;
  const id = userIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  let user: UserDTO;
  try {
    user = await getUser(actor, id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [t, roleLabels, fieldLabels] = await Promise.all([getTranslator("users"), getRoleLabels(), getUserFieldLabels()]);
  const idField = <input type="hidden" name="userId" value={user.id} />;
  return (
    <main className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">← {t("list.title")}</Link>
      <h1 className="text-2xl font-semibold">{user.displayName} <span className="text-base font-normal text-slate-600">({user.username})</span></h1>
      <p className="text-sm text-slate-700">
        {roleLabels[user.role]} · {user.unitName ?? t("scope.wholeSystem")} · {user.active ? t("status.active") : t("status.locked")} · {t("edit.lastLogin", { time: formatDateTime(user.lastLoginAt) })}
        {" · "}<Link href={`/account/tokens?user=${user.username}`} className="text-brand-700 underline">{t("edit.apiTokens")}</Link>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <section className={CARD} aria-labelledby="edit">
          <h2 id="edit" className="mb-3 text-lg font-semibold">{t("edit.roleAndScope")}</h2>
          <ActionForm action={updateUserAction} submitLabel={t("edit.submit")} labels={fieldLabels}>
            {idField}
            <label className={FIELD} htmlFor="edit-display">{t("fields.displayName")}<input id="edit-display" name="displayName" defaultValue={user.displayName} className={INPUT} /></label>
            <RoleAndUnitFields idPrefix="edit" role={user.role} unitCode={user.unitCode} />
          </ActionForm>
        </section>
        <div className="space-y-4">
          <section className={CARD} aria-labelledby="reset">
            <h2 id="reset" className="mb-2 text-lg font-semibold">{t("reset.title")}</h2>
            <p className="mb-2 text-sm text-slate-600">{t("reset.description")}</p>
            <ActionForm action={resetPasswordAction} submitLabel={t("reset.submit")} tone="plain" shownOnceNote={t("reset.shownOnce")}>{idField}</ActionForm>
          </section>
          <section className={CARD} aria-labelledby="status">
            <h2 id="status" className="mb-2 text-lg font-semibold">{user.active ? t("deactivate.title") : t("activate.title")}</h2>
            {user.active ? (
              <>
                <p className="mb-2 text-sm text-slate-600">{t("deactivate.description")}</p>
                <ActionForm action={deactivateUserAction} submitLabel={t("deactivate.submit")} tone="danger">{idField}</ActionForm>
              </>
            ) : (
              <>
                <p role="status" className="mb-2 text-sm font-semibold text-red-800">{t("activate.lockedNotice")}</p>
                <ActionForm action={activateUserAction} submitLabel={t("activate.submit")} tone="plain">{idField}</ActionForm>
              </>
            )}
          </section>
        </div>
      </div>
    </main>
  );
}
