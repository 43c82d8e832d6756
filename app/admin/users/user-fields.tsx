import { getRoleLabels } from "@/lib/auth/role-labels";
import { getTranslator } from "@/lib/i18n/server";
import { ROLES } from "@/lib/validation/accounts";
import { FIELD, INPUT } from "@/components/forms/styles";

/** field name → label, for the forms' field errors */
export async function getUserFieldLabels(): Promise<Record<string, string>> {
  const t = await getTranslator("users");
  return { username: t("fields.username"), displayName: t("fields.displayName"), role: t("fields.role"), unitCode: t("fields.unitCode"), password: t("fields.password") };
}

/** Role and scope: administrators need no unit; district police a district, commune police a commune. */
export async function RoleAndUnitFields({ role, unitCode, idPrefix }: { role?: string; unitCode?: string | null; idPrefix: string }) {
  const [t, roleLabels] = await Promise.all([getTranslator("users"), getRoleLabels()]);
  return (
    <>
      <label className={FIELD} htmlFor={`${idPrefix}-role`}>{t("fields.role")}
        <select id={`${idPrefix}-role`} name="role" defaultValue={role ?? "district"} className={INPUT}>
          {ROLES.map((r) => <option key={r} value={r}>{roleLabels[r]}</option>)}
        </select>
      </label>
      <label className={FIELD} htmlFor={`${idPrefix}-unit`}>{t("fields.unitInput")}
        <input id={`${idPrefix}-unit`} name="unitCode" defaultValue={unitCode ?? ""} inputMode="numeric" className={INPUT} />
      </label>
    </>
  );
}
