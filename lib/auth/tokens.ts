// API tokens: random, shown once, stored as SHA-256 (a token has 256 bits of entropy,
// so a fast hash is enough and lets each request find its token by index).
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "vneid_";

export function newToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
