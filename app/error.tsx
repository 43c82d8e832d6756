"use client";
import { ErrorPanel } from "@/components/error-panel";
import { useClientText } from "@/components/i18n/client-text";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // This boundary renders inside the root layout, whose provider always holds the words; the
  // layout failing itself is app/global-error.tsx's case.
  const text = useClientText();
  return text ? <ErrorPanel {...(error.digest ? { digest: error.digest } : {})} onRetry={reset} text={text.errorPage} /> : null;
}
