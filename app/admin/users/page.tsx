import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT, TD, TH } from "@/components/forms/styles";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import { requireAdminForPage } from "@/lib/auth/session";
import { listUsers } from "@/lib/data/users";
import { formatDateTime } from "@/lib/domain/format";
import { createUserAction } from "./actions";
import { RoleAndUnitFields, USER_FIELD_LABELS } from "./user-fields";

export const metadata: Metadata = { title: "Người dùng" };

export default async function UsersPage() {
  const user = await requireAdminForPage();
  if (!user) return null;
  const users = await listUsers(user);
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-semibold">Người dùng</h1>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">Danh sách người dùng</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={TH}>Tên đăng nhập</th>
              <th scope="col" className={TH}>Tên hiển thị</th>
              <th scope="col" className={TH}>Vai trò</th>
              <th scope="col" className={TH}>Phạm vi</th>
              <th scope="col" className={TH}>Trạng thái</th>
              <th scope="col" className={TH}>Đăng nhập gần nhất</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100" data-user={u.username}>
                <td className={TD}><Link href={`/admin/users/${u.id}`} className="font-semibold text-brand-700 underline">{u.username}</Link></td>
                <td className={TD}>{u.displayName}</td>
                <td className={TD}>{ROLE_LABELS[u.role]}</td>
                <td className={TD}>{u.unitName ? `${u.unitName} (${u.unitCode})` : "Toàn hệ thống"}</td>
                <td className={TD}>
                  {u.active ? "Đang hoạt động" : <strong className="text-red-800">Đã khóa</strong>}
                  {u.mustChangePassword && <span className="block text-xs text-amber-800">Phải đổi mật khẩu</span>}
                </td>
                <td className={`${TD} tabular`}>{formatDateTime(u.lastLoginAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className={CARD} aria-labelledby="new-user">
        <h2 id="new-user" className="mb-3 text-lg font-semibold">Tạo người dùng</h2>
        <ActionForm action={createUserAction} submitLabel="Tạo người dùng" labels={USER_FIELD_LABELS} className="max-w-md">
          <label className={FIELD} htmlFor="new-username">Tên đăng nhập<input id="new-username" name="username" autoComplete="off" className={INPUT} /></label>
          <label className={FIELD} htmlFor="new-display">Tên hiển thị<input id="new-display" name="displayName" className={INPUT} /></label>
          <RoleAndUnitFields idPrefix="new" />
          <label className={FIELD} htmlFor="new-password">Mật khẩu ban đầu (ít nhất 10 ký tự)<input id="new-password" name="password" type="password" autoComplete="new-password" className={INPUT} /></label>
        </ActionForm>
      </section>
    </main>
  );
}
