import "server-only";
// Who is calling the HTTP API: a bearer token (checked first, so scripts never need a
// session), else the browser session. A malformed, unknown or revoked token is refused
// outright (401), never silently replaced by the session.
import { userForApiToken } from "@/lib/data/api-tokens";
import type { SessionUserDTO } from "@/lib/data/sessions";

export async function getApiActor(request: Request): Promise<SessionUserDTO | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match ? userForApiToken(match[1]) : null;
  }
  const { currentUser } = await import("./session");
  return currentUser();
}
