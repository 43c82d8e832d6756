import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { getRoleLabels } from "@/lib/auth/role-labels";
import { requireAdminForPage } from "@/lib/auth/session";
import { listAccountsOnEndedUnits, listUsers } from "@/lib/data/users";
import { AccountsOnEndedUnits } from "./ended-units";
import { formatDateTime } from "@/lib/domain/format";
import { getTranslator } from "@/lib/i18n/server";
import { createUserAction } from "./actions";
import { getUserFieldLabels, RoleAndUnitFields } from "./user-fields";
import { ScrollRegion } from "@/components/ui/scroll-region";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("users");
  return { title: t("list.title") };
}

export default async function UsersPage() {
  const user = await requireAdminForPage();
  if (!user) return null;
  const [users, ended, t, roleLabels, fieldLabels] = await Promise.all([listUsers(user), listAccountsOnEndedUnits(user), getTranslator("users"), getRoleLabels(), getUserFieldLabels()]);
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("list.title")}</h1>
      <AccountsOnEndedUnits accounts={ended} roleLabels={roleLabels} />
      <ScrollRegion label={t("list.caption")} className="rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("list.caption")}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={TH}>{t("list.columns.username")}</th>
              <th scope="col" className={TH}>{t("list.columns.displayName")}</th>
              <th scope="col" className={TH}>{t("list.columns.role")}</th>
              <th scope="col" className={TH}>{t("list.columns.scope")}</th>
              <th scope="col" className={TH}>{t("list.columns.status")}</th>
              <th scope="col" className={TH}>{t("list.columns.lastLogin")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100" data-user={u.username}>
                <td className={TD}><Link href={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline">{u.username}</Link></td>
                <td className={TD}>{u.displayName}</td>
                <td className={TD}>{roleLabels[u.role]}</td>
                <td className={TD}>{u.unitName ? `${u.unitName} (${u.unitCode})` : t("scope.wholeSystem")}</td>
                <td className={TD}>
                  {u.active ? t("status.active") : <strong className="text-red-800">{t("status.locked")}</strong>}
                  {u.mustChangePassword && <span className="block text-xs text-amber-800">{t("list.mustChangePassword")}</span>}
                </td>
                <td className={`${TD} tabular`}>{formatDateTime(u.lastLoginAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <section className={CARD} aria-labelledby="new-user">
        <h2 id="new-user" className="mb-3 text-lg font-semibold">{t("create.title")}</h2>
        <ActionForm action={createUserAction} submitLabel={t("create.submit")} labels={fieldLabels} className="max-w-md">
          <label className={FIELD} htmlFor="new-username">{t("fields.username")}<input id="new-username" name="username" autoComplete="off" className={INPUT} /></label>
          <label className={FIELD} htmlFor="new-display">{t("fields.displayName")}<input id="new-display" name="displayName" className={INPUT} /></label>
          <RoleAndUnitFields idPrefix="new" />
          <label className={FIELD} htmlFor="new-password">{t("fields.initialPassword", { min: MIN_PASSWORD_LENGTH })}<input id="new-password" name="password" type="password" autoComplete="new-password" className={INPUT} /></label>
        </ActionForm>
      </section>
    </main>
  );
}
