// GET /api/import-progress?id=UUID → { phase, rows, fraction, rowsPerSecond, secondsLeft }:
// how far the caller's own import from the web page has gone (the id the page sent with the
// file). For the browser session only, like the import page; 401 signed out, 404 for an id
// that is not the caller's, has ended or expired (lib/data/import-progress-registry.ts).
// phase is null until the import reports (while the file is still being read in).
import { currentUser } from "@/lib/auth/session";
import { apiError, apiErrorResponse, unauthenticated } from "@/lib/api/errors";
import { getImportProgress } from "@/lib/data/import-progress-registry";
import { m } from "@/lib/i18n/message";
import { inRequestLocale } from "@/lib/i18n/server";
import { importProgressIdSchema } from "@/lib/validation/import-progress";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const response = await inRequestLocale(() => answer(request));
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

async function answer(request: Request): Promise<Response> {
  try {
    const user = await currentUser();
    if (!user) return unauthenticated();
    const id = importProgressIdSchema.safeParse(new URL(request.url).searchParams.get("id"));
    const progress = id.success ? await getImportProgress(user, id.data) : null;
    return progress ? Response.json(progress) : apiError(404, m("entry.import.progress.notFound"));
  } catch (error) {
    return apiErrorResponse(error, "GET /api/import-progress");
  }
}
