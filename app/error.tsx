"use client";
import { ErrorPanel } from "@/components/error-panel";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...(error.digest ? { digest: error.digest } : {})} onRetry={reset} />;
}
