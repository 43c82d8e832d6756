import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { currentUserForPasswordChange } from "@/lib/auth/session";
import { getClientMessages, getTranslator } from "@/lib/i18n/server";
import { PasswordForm } from "./password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("account");
  return { title: t("password.title") };
}

export default async function PasswordPage() {
  const user = await currentUserForPasswordChange();
  if (!user) redirect("/login");
  const [t, messages] = await Promise.all([getTranslator("account"), getClientMessages("account")]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("password.title")}</h1>
        <p className="mb-6 mt-1 text-sm text-slate-600">
          {user.mustChangePassword ? t("password.resetByAdmin") : t("password.intro", { username: user.username })}
        </p>
        <PasswordForm messages={messages.password.form} minLength={MIN_PASSWORD_LENGTH} />
      </div>
    </main>
  );
}
