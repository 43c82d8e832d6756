"use client";
// What a person sees when a page fails, in the one way pages show problems
// (components/ui/problem.tsx): what happened in plain words (the database being down is told
// apart, by asking /api/health), what to do, and the codes support needs to find the
// server's log line: the request id and Next's error digest.
import { useEffect, useState, useSyncExternalStore } from "react";
import type { ClientText } from "@/components/i18n/client-text";
import { Problem } from "@/components/ui/problem";

const REQUEST_ID_COOKIE = "vneid_rid";

function requestIdFromCookie(): string | null {
  const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${REQUEST_ID_COOKIE}=([A-Za-z0-9-]{8,64})`));
  return match ? match[1] : null;
}

const noSubscription = () => () => undefined;

/** `text`: the catalogue's nav.client.errorPage in the request's language. */
export function ErrorPanel({ digest, onRetry, text }: { digest?: string; onRetry: () => void; text: ClientText["errorPage"] }) {
  const requestId = useSyncExternalStore(noSubscription, requestIdFromCookie, () => null);
  const [databaseDown, setDatabaseDown] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/health", { cache: "no-store", signal: controller.signal })
      .then((response) => setDatabaseDown(response.status === 503))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return (
    <Problem
      page
      title={databaseDown ? text.databaseDownTitle : text.failedTitle}
      action={
        <button type="button" onClick={onRetry} className="mt-2 block rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400">
          {text.retry}
        </button>
      }
      details={requestId || digest ? (
        <dl className="space-y-1 text-xs text-slate-600">
          {requestId ? (
            <div>
              <dt className="inline">{text.requestId} </dt>
              <dd className="inline font-mono" data-testid="request-id">{requestId}</dd>
            </div>
          ) : null}
          {digest ? (
            <div>
              <dt className="inline">{text.digest} </dt>
              <dd className="inline font-mono">{digest}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    >
      {databaseDown ? text.databaseDownBody : text.failedBody}
    </Problem>
  );
}
