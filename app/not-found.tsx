import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { headers } from "next/headers";
import { getTranslator } from "@/lib/i18n/server";
import { isRequestId, REQUEST_ID_HEADER } from "@/lib/observability/request-context";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslator("nav"))("notFound.title") };
}

export default async function NotFound() {
  const [requestId, t] = await Promise.all([headers().then((h) => h.get(REQUEST_ID_HEADER)), getTranslator("nav")]);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold">{t("notFound.title")}</h1>
        <p className="mt-2 text-sm text-slate-700">{t("notFound.body")}</p>
        {isRequestId(requestId) ? (
          <p className="mt-4 text-xs text-slate-600">
            {t("notFound.requestId")} <span className="font-mono" data-testid="request-id">{requestId}</span>
          </p>
        ) : null}
        <Link href="/dashboard" className="mt-6 inline-block text-sm font-semibold text-slate-900 underline">
          {t("notFound.home")}
        </Link>
      </div>
    </main>
  );
}
