// The public board's page (no account): the latest publication of a board that is on.
import { publicAnswer, publicLocale, publicNotFound, publicRoute } from "@/lib/api/public-board";
import { readPublicPublication } from "@/lib/data/public-board";
import { renderBoardPage } from "@/lib/reports/board-html";
import { publicCodeSchema } from "@/lib/validation/public-board";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return publicRoute(request, async () => {
    const code = publicCodeSchema.safeParse((await params).code);
    const found = code.success ? await readPublicPublication(code.data, "latest") : null;
    if (!found) return publicNotFound(request, false);
    const path = `/cong-khai/${found.snapshot.unit.code}`;
    return publicAnswer(request, {
      version: found.board.version, type: "text/html; charset=utf-8",
      make: () => renderBoardPage({ snapshot: found.snapshot, publications: found.board.publications, locale: publicLocale(request), path }),
    });
  });
}
