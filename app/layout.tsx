import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { AppHeader } from "@/components/nav/app-header";
import { currentUser } from "@/lib/auth/session";
import { ClientTextProvider } from "@/components/i18n/client-text";
import { getClientMessages, getLocale, getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const [t, tc] = await Promise.all([getTranslator("nav"), getTranslator("common")]);
  return {
    title: { default: tc("productName"), template: `%s · ${tc("productName")}` },
    description: t("description"),
    icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: [{ media: "(prefers-color-scheme: light)", color: "#1e40af" }, { media: "(prefers-color-scheme: dark)", color: "#0f172a" }] };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce
  // (proxy.ts) on its scripts; a prerendered page would carry none and be blocked.
  await connection();
  // The header appears once signed in; each page and the data layer still check the user.
  const [user, locale, nav] = await Promise.all([currentUser(), getLocale(), getClientMessages("nav")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ClientTextProvider value={nav.client}>
          {user && <AppHeader user={user} />}
          <div id="main">{children}</div>
        </ClientTextProvider>
      </body>
    </html>
  );
}
