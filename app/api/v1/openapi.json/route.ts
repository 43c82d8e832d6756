// GET /api/v1/openapi.json → the OpenAPI 3.1 document of /api/v1 (lib/api/openapi.ts), public:
// it describes the interface, not anyone's data. Made once per process (the schemas do not
// change while it runs); its server is "/", so the document holds whatever origin serves it.
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

let made: string | null = null;

export function GET(): Response {
  made ??= JSON.stringify(openApiDocument("/"));
  return new Response(made, { headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" } });
}
