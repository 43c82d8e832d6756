import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "@fontsource/be-vietnam-pro/vietnamese-400.css";
import "@fontsource/be-vietnam-pro/latin-400.css";
import "@fontsource/be-vietnam-pro/vietnamese-600.css";
import "@fontsource/be-vietnam-pro/latin-600.css";
import "./globals.css";
import { AppHeader } from "@/components/nav/app-header";
import { currentUser } from "@/lib/auth/session";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: { default: "Tiến độ định danh điện tử", template: "%s · Tiến độ định danh điện tử" },
  description: "Theo dõi tiến độ kích hoạt tài khoản định danh điện tử VNeID (Đề án 06)",
  icons: { icon: "/icons/icon.svg", apple: "/icons/icon-192.png" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: [{ media: "(prefers-color-scheme: light)", color: "#1e40af" }, { media: "(prefers-color-scheme: dark)", color: "#0f172a" }] };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, so that Next.js can put the request's CSP nonce
  // (proxy.ts) on its scripts; a prerendered page would carry none and be blocked.
  await connection();
  // The header appears once signed in; each page and the data layer still check the user.
  const [user, locale] = await Promise.all([currentUser(), getLocale()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {user && <AppHeader user={user} />}
        <div id="main">{children}</div>
      </body>
    </html>
  );
}
