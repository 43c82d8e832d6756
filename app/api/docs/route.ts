// GET /api/docs → the API's human reference page (lib/api/reference-page.ts), public.
import { REFERENCE_HEADERS, referencePage } from "@/lib/api/reference-page";

export function GET(): Response {
  return new Response(referencePage(), { headers: { ...REFERENCE_HEADERS, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
