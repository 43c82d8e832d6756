// The public board's page (no account): the latest publication of a board that is on.
import { publicAnswer, publicLocale, publicNotFound, publicRoute } from "@/lib/api/public-board";
import { publicBoardVersion, readPublicPublication } from "@/lib/data/public-board";
import { renderBoardPage } from "@/lib/reports/board-html";
import { publicCodeSchema } from "@/lib/validation/public-board";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return publicRoute(request, async () => {
    const code = publicCodeSchema.safeParse((await params).code);
    const version = code.success ? await publicBoardVersion(code.data) : null;
    if (!code.success || !version) return publicNotFound(request, false);
    return publicAnswer(request, {
      version, type: "text/html; charset=utf-8",
      make: async () => {
        const found = await readPublicPublication(code.data, "latest");
        return found && { body: renderBoardPage({ snapshot: found.snapshot, publications: found.board.publications, locale: publicLocale(request), path: `/cong-khai/${found.snapshot.unit.code}` }) };
      },
    });
  });
}
