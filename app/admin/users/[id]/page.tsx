import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { CARD, FIELD, INPUT } from "@/components/forms/styles";
import { ROLE_LABELS } from "@/lib/auth/role-labels";
import { requireAdminForPage } from "@/lib/auth/session";
import { AppError } from "@/lib/data/errors";
import { getUser, type UserDTO } from "@/lib/data/users";
import { formatDateTime } from "@/lib/domain/format";
import { userIdSchema } from "@/lib/validation/accounts";
import { activateUserAction, deactivateUserAction, resetPasswordAction, updateUserAction } from "../actions";
import { RoleAndUnitFields, USER_FIELD_LABELS } from "../user-fields";

export const metadata: Metadata = { title: "Sửa người dùng" };

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
  const idField = <input type="hidden" name="userId" value={user.id} />;
  return (
    <main className="space-y-4">
      <Link href="/admin/users" className="text-sm text-brand-700 underline">← Người dùng</Link>
      <h1 className="text-2xl font-semibold">{user.displayName} <span className="text-base font-normal text-slate-600">({user.username})</span></h1>
      <p className="text-sm text-slate-700">
        {ROLE_LABELS[user.role]} · {user.unitName ?? "Toàn hệ thống"} · {user.active ? "Đang hoạt động" : "Đã khóa"} · đăng nhập gần nhất {formatDateTime(user.lastLoginAt)}
        {" · "}<Link href={`/account/tokens?user=${user.username}`} className="text-brand-700 underline">Mã truy cập API</Link>
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        <section className={CARD} aria-labelledby="edit">
          <h2 id="edit" className="mb-3 text-lg font-semibold">Vai trò và phạm vi</h2>
          <ActionForm action={updateUserAction} submitLabel="Lưu" labels={USER_FIELD_LABELS}>
            {idField}
            <label className={FIELD} htmlFor="edit-display">Tên hiển thị<input id="edit-display" name="displayName" defaultValue={user.displayName} className={INPUT} /></label>
            <RoleAndUnitFields idPrefix="edit" role={user.role} unitCode={user.unitCode} />
          </ActionForm>
        </section>
        <div className="space-y-4">
          <section className={CARD} aria-labelledby="reset">
            <h2 id="reset" className="mb-2 text-lg font-semibold">Đặt lại mật khẩu</h2>
            <p className="mb-2 text-sm text-slate-600">Tạo mật khẩu tạm thời; người dùng phải đổi mật khẩu ở lần đăng nhập tới. Các phiên đang mở kết thúc.</p>
            <ActionForm action={resetPasswordAction} submitLabel="Đặt lại mật khẩu" tone="plain" shownOnceNote="Mật khẩu tạm thời, chỉ hiện một lần: hãy chuyển cho người dùng.">{idField}</ActionForm>
          </section>
          <section className={CARD} aria-labelledby="status">
            <h2 id="status" className="mb-2 text-lg font-semibold">{user.active ? "Khóa tài khoản" : "Mở khóa tài khoản"}</h2>
            {user.active ? (
              <>
                <p className="mb-2 text-sm text-slate-600">Người dùng bị đăng xuất ngay ở thao tác tiếp theo; lịch sử số liệu họ đã nhập vẫn giữ nguyên.</p>
                <ActionForm action={deactivateUserAction} submitLabel="Khóa tài khoản" tone="danger">{idField}</ActionForm>
              </>
            ) : (
              <>
                <p role="status" className="mb-2 text-sm font-semibold text-red-800">Tài khoản đang bị khóa: người dùng không đăng nhập được, mã truy cập API của họ bị từ chối.</p>
                <ActionForm action={activateUserAction} submitLabel="Mở khóa tài khoản" tone="plain">{idField}</ActionForm>
              </>
            )}
          </section>
        </div>
      </div>
    </main>
  );
}
