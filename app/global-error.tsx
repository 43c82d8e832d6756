"use client";
// When the root layout itself fails: the same panel, in its own document, in the language
// the browser was set to (the language cookie), from the catalogue.
import "./globals.css";
import { ErrorPanel } from "@/components/error-panel";
import { LOCALE_COOKIE } from "@/lib/i18n/config";
import en from "@/lib/i18n/messages/en/nav.json";
import vi from "@/lib/i18n/messages/vi/nav.json";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const english = typeof document !== "undefined" && document.cookie.split(/;\s*/).includes(`${LOCALE_COOKIE}=en`);
  return (
    <html lang={english ? "en" : "vi"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ErrorPanel {...(error.digest ? { digest: error.digest } : {})} onRetry={() => window.location.reload()} text={(english ? en : vi).client.errorPage} />
      </body>
    </html>
  );
}
