"use client";
// When the root layout itself fails: the same panel, in its own document.
import "./globals.css";
import { ErrorPanel } from "@/components/error-panel";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <ErrorPanel {...(error.digest ? { digest: error.digest } : {})} onRetry={() => window.location.reload()} />
      </body>
    </html>
  );
}
