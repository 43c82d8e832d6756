import type { MetadataRoute } from "next";

// Lets officials add the dashboard to a phone's home screen. There is deliberately no service
// worker: figures are never served from a cache that could show yesterday's numbers as today's.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Tiến độ định danh điện tử (Đề án 06)",
    short_name: "Tiến độ VNeID",
    description: "Theo dõi tiến độ kích hoạt tài khoản định danh điện tử VNeID (Đề án 06)",
    lang: "vi",
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
