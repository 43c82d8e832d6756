import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentUser()) redirect("/dashboard");
  const changed = (await searchParams).changed === "1";
  return (
    <main className="relative flex min-h-screen items-center justify-center px-4">
      <LocaleSwitcher className="absolute right-4 top-4" />
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Đề án 06</p>
        <h1 className="mt-1 text-xl font-semibold">Tiến độ định danh điện tử</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Đăng nhập bằng tài khoản được cấp.</p>
        {changed && <p role="status" className="mb-4 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900">Đã đổi mật khẩu. Vui lòng đăng nhập bằng mật khẩu mới.</p>}
        <LoginForm callbackUrl="/dashboard" />
      </div>
    </main>
  );
}
