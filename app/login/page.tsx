import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { LocaleSwitcher } from "@/components/i18n/locale-switcher";
import { getClientMessages, getTranslator } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("auth");
  return { title: t("login.title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentUser()) redirect("/dashboard");
  const changed = (await searchParams).changed === "1";
  const [t, common, messages] = await Promise.all([getTranslator("auth"), getTranslator("common"), getClientMessages("auth")]);
  return (
    <main className="relative flex min-h-screen items-center justify-center px-4">
      <LocaleSwitcher className="absolute right-4 top-4" />
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{common("project")}</p>
        <h1 className="mt-1 text-xl font-semibold">{common("productName")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">{t("login.intro")}</p>
        {changed && <p role="status" className="mb-4 rounded-md bg-emerald-50 p-2 text-sm text-emerald-900">{t("login.passwordChanged")}</p>}
        <LoginForm callbackUrl="/dashboard" messages={messages.loginForm} />
      </div>
    </main>
  );
}
