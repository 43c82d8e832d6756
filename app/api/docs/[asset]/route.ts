// GET /api/docs/redoc.standalone.js, /api/docs/start.js → the reference page's scripts, from
// this server (lib/api/reference-page.ts); any other name: 404.
import { REFERENCE_HEADERS, referenceAsset } from "@/lib/api/reference-page";

export async function GET(request: Request): Promise<Response> {
  const name = new URL(request.url).pathname.split("/").at(-1) ?? "";
  const asset = await referenceAsset(name);
  if (!asset) return new Response(null, { status: 404, headers: REFERENCE_HEADERS });
  return new Response(asset.body, { headers: { ...REFERENCE_HEADERS, "Content-Type": asset.type, "Cache-Control": "public, max-age=3600" } });
}
