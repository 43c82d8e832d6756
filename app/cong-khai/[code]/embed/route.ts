// The public board's compact page for an iframe: framing allowed only for the origins the
// board lists (frame-ancestors); every other route keeps frame-ancestors 'none'.
import { publicAnswer, publicLocale, publicNotFound, publicRoute } from "@/lib/api/public-board";
import { readPublicPublication } from "@/lib/data/public-board";
import { renderBoardEmbed } from "@/lib/reports/board-html";
import { publicCodeSchema } from "@/lib/validation/public-board";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  return publicRoute(request, async () => {
    const code = publicCodeSchema.safeParse((await params).code);
    const found = code.success ? await readPublicPublication(code.data, "latest") : null;
    if (!found) return publicNotFound(request, false);
    return publicAnswer(request, {
      version: found.board.version, type: "text/html; charset=utf-8", frameAncestors: found.board.frameOrigins,
      make: async () => ({ body: renderBoardEmbed({ snapshot: found.snapshot, locale: publicLocale(request), path: `/cong-khai/${found.snapshot.unit.code}/embed` }) }),
    });
  });
}
