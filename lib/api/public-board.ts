import "server-only";
// How the public board's routes (/cong-khai/CODE/...) answer: from a frozen snapshot only,
// with an ETag (the board's version, the publication, the file and its language) and
// `Cache-Control: public, no-cache`, so a reverse proxy or CDN may keep every answer and
// revalidates it with a 304; no cookie; a strict CSP of their own (proxy.ts leaves these
// routes alone), framing refused except for the embed page and the board's listed origins.
// Made once per ETag in the process's memory (the pictures take a second to draw). Anything
// that is not a board that is on and published, or fails, answers 404 or a generic 500
// without any detail.
import { createHash } from "node:crypto";
import { apiErrorResponse } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/config";
import { m, withLocale } from "@/lib/i18n/message";
import { COPY_SCRIPT_HASH } from "@/lib/reports/board-html";

const CACHE_CONTROL = "public, no-cache";
const MAX_ENTRIES = 300;
interface Made {
  body: string | Buffer;
  /** `attachment` with this file name, for downloads */
  filename?: string;
}
const made = new Map<string, Made & { type: string }>();

export function publicLocale(request: Request): Locale {
  return new URL(request.url).searchParams.get("lang") === "en" ? "en" : "vi";
}

function policy(frameAncestors: readonly string[] | null): string {
  return [
    "default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self' data:", `script-src ${COPY_SCRIPT_HASH}`,
    "base-uri 'none'", "form-action 'none'",
    `frame-ancestors ${frameAncestors && frameAncestors.length ? frameAncestors.join(" ") : "'none'"}`,
  ].join("; ");
}

export interface PublicFileAnswer {
  /** what the answer depends on, besides the URL */
  version: string;
  type: string;
  /** the origins allowed to frame this answer (the embed page only); null: none */
  frameAncestors?: readonly string[] | null;
  /** the answer's body (and a download's file name), read from the snapshot; null when the publication asked for does not exist (404) */
  make: () => Promise<Made | null>;
  /** a 404 is answered as JSON */
  json?: boolean;
}

/** The answer to a public request, or 304 when the caller holds it already. */
export async function publicAnswer(request: Request, answer: PublicFileAnswer): Promise<Response> {
  const key = `${new URL(request.url).pathname}|${publicLocale(request)}|${answer.version}`;
  const etag = `"${createHash("sha256").update(key).digest("base64url").slice(0, 32)}"`;
  const headers: Record<string, string> = {
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    "Content-Security-Policy": policy(answer.frameAncestors ?? null),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    ...(answer.frameAncestors?.length ? {} : { "X-Frame-Options": "DENY" }),
  };
  const held = request.headers.get("if-none-match");
  if (held && held.split(",").map((tag) => tag.trim().replace(/^W\//, "")).includes(etag)) return new Response(null, { status: 304, headers });
  let entry = made.get(etag);
  if (!entry) {
    const result = await answer.make();
    if (result === null) return publicNotFound(request, answer.json ?? false);
    entry = { ...result, type: answer.type };
    if (made.size >= MAX_ENTRIES) made.delete(made.keys().next().value!);
    made.set(etag, entry);
  }
  if (entry.filename) headers["Content-Disposition"] = `attachment; filename="${entry.filename}"`;
  const body = typeof entry.body === "string" ? entry.body : new Uint8Array(entry.body);
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": entry.type } });
}

/** Nothing public here: an unknown code, a board that is off or unpublished, an unknown file. */
export function publicNotFound(request: Request, json: boolean): Response {
  const locale = publicLocale(request);
  const message = withLocale(locale, () => m("board.public.notFound"));
  const headers = { "Cache-Control": "no-store", "Content-Security-Policy": policy(null), "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY" };
  if (json) return Response.json({ error: { message, fieldErrors: {} } }, { status: 404, headers });
  return new Response(`<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>404</title></head><body><main><h1>404</h1><p>${message}</p></main></body></html>`, { status: 404, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Runs a public route, answering any failure without its detail (an outage: 503; anything else: 500 with the request id). */
export async function publicRoute(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return withLocale(publicLocale(request), () => apiErrorResponse(error, "public-board"));
  }
}
