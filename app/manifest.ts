import type { MetadataRoute } from "next";
import { getLocale, getTranslator } from "@/lib/i18n/server";

// Lets officials add the dashboard to a phone's home screen. There is deliberately no service
// worker: figures are never served from a cache that could show yesterday's numbers as today's.
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [t, lang] = await Promise.all([getTranslator("nav"), getLocale()]);
  return {
    name: t("appName"),
    short_name: t("appShortName"),
    description: t("description"),
    lang,
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#f8fafc",
    theme_color: "#1e40af",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
