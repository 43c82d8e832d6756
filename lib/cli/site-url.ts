// The address users open, which next-auth needs (NEXTAUTH_URL) and which decides whether the
// session cookie is marked Secure (lib/auth/session-cookie.ts). `npm run dev` defaults it to
// http://localhost:PORT. `npm start` refuses to start without it: a TLS deployment that forgot
// it would otherwise hand out session cookies without Secure.
import { CliError } from "./command";

export function siteUrl(mode: "dev" | "start", env: Record<string, string | undefined>): string {
  const configured = env.NEXTAUTH_URL?.trim();
  if (!configured) {
    if (mode === "dev") return `http://localhost:${env.PORT ?? 3000}`;
    throw new CliError("NEXTAUTH_URL is not set: set it to the address users open (https://… when the site is served over TLS, so that session cookies are marked Secure), e.g. NEXTAUTH_URL=https://tiendo.example.vn npm start");
  }
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new CliError(`NEXTAUTH_URL is not a URL: set it to the address users open, e.g. https://tiendo.example.vn`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CliError("NEXTAUTH_URL must start with https:// (or http:// without TLS)");
  return configured;
}
