import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Đăng nhập" };

export default async function LoginPage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <main className="relative flex min-h-screen items-center justify-center px-4">
      <LocaleSwitcher className="absolute right-4 top-4" />
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">Đề án 06</p>
        <h1 className="mt-1 text-xl font-semibold">Tiến độ định danh điện tử</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">Đăng nhập bằng tài khoản được cấp.</p>
        <LoginForm callbackUrl="/dashboard" />
      </div>
    </main>
  );
}
