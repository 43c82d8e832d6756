"use client";
// When the root layout itself fails: the same panel, in its own document, in the language
// the browser was set to (the language cookie). The words are fetched only then (a separate
// chunk), so the catalogue does not weigh on every page's first load.
import "./globals.css";
import { useEffect, useState } from "react";
import { ErrorPanel } from "@/components/error-panel";
import type { ClientText } from "@/components/i18n/client-text";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

function english(): boolean {
  return document.cookie.split(/;\s*/).includes(`${LOCALE_COOKIE}=en`);
}

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  const [text, setText] = useState<{ lang: string; words: ClientText["errorPage"] } | null>(null);
  useEffect(() => {
    const lang = english() ? "en" : "vi";
    const words = lang === "en" ? import("@/lib/i18n/messages/en/nav.json") : import("@/lib/i18n/messages/vi/nav.json");
    words.then((nav) => setText({ lang, words: nav.default.client.errorPage }), () => undefined);
  }, []);
  return (
    <html lang={text?.lang ?? "vi"}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {text ? <ErrorPanel {...(error.digest ? { digest: error.digest } : {})} onRetry={() => window.location.reload()} text={text.words} /> : null}
      </body>
    </html>
  );
}
