import { ROLE_LABELS } from "@/lib/auth/role-labels";
import { ROLES } from "@/lib/validation/accounts";
import { FIELD, INPUT } from "@/components/forms/styles";

export const USER_FIELD_LABELS = { username: "Tên đăng nhập", displayName: "Tên hiển thị", role: "Vai trò", unitCode: "Mã đơn vị", password: "Mật khẩu" };

/** Role and scope: administrators need no unit; district police a district, commune police a commune. */
export function RoleAndUnitFields({ role, unitCode, idPrefix }: { role?: string; unitCode?: string | null; idPrefix: string }) {
  return (
    <>
      <label className={FIELD} htmlFor={`${idPrefix}-role`}>Vai trò
        <select id={`${idPrefix}-role`} name="role" defaultValue={role ?? "district"} className={INPUT}>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </label>
      <label className={FIELD} htmlFor={`${idPrefix}-unit`}>Mã đơn vị phụ trách (bỏ trống cho quản trị)
        <input id={`${idPrefix}-unit`} name="unitCode" defaultValue={unitCode ?? ""} inputMode="numeric" className={INPUT} />
      </label>
    </>
  );
}
