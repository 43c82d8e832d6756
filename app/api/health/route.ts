// GET /api/health: app and database status for monitoring; 503 while the database is down.
import { getHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await getHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
