import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUserForPasswordChange } from "@/lib/auth/session";
import { PasswordForm } from "./password-form";

export const metadata: Metadata = { title: "Đổi mật khẩu" };

export default async function PasswordPage() {
  const user = await currentUserForPasswordChange();
  if (!user) redirect("/login");
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">Đổi mật khẩu</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">
          {user.mustChangePassword
            ? "Quản trị viên đã đặt lại mật khẩu của bạn. Hãy chọn mật khẩu mới trước khi tiếp tục."
            : `Tài khoản ${user.username}. Sau khi đổi, mọi phiên đăng nhập sẽ kết thúc.`}
        </p>
        <PasswordForm />
      </div>
    </main>
  );
}
