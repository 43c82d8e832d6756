import "server-only";
// Who is calling the HTTP API: a bearer token an administrator issued (checked first, so
// scripts never need a session), else the browser session. Minimal version written with the
// daily endpoint; the read API's engineer owns this file and the merge keeps one.
import { db } from "@/lib/db/client";
import { getSessionUser, type SessionUserDTO } from "@/lib/data/sessions";
import { hashToken } from "./tokens";

export async function getApiActor(request: Request): Promise<SessionUserDTO | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) return null;
    const token = await db().apiToken.findUnique({
      where: { tokenHash: hashToken(match[1]) },
      select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, active: true, sessionVersion: true } } },
    });
    if (!token || token.revokedAt || !token.user.active) return null;
    // to the minute: a script saving many times a minute costs no write per request
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
    }
    return getSessionUser(token.user.id, token.user.sessionVersion);
  }
  const { currentUser } = await import("./session");
  return currentUser();
}
